// Experimental filtering and reachability over the normalised definitions.
import { type Definitions, isSchemaObject, refName, type SchemaNode, type SchemaObject } from "./json-schema-types.js";

/** Visits every node of a schema tree, depth first. */
export function walkSchema(node: SchemaNode, visit: (node: SchemaObject) => void): void {
  if (!isSchemaObject(node)) return;
  visit(node);
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    for (const child of node[key] ?? []) walkSchema(child, visit);
  }
  for (const child of Object.values(node.properties ?? {})) walkSchema(child, visit);
  for (const child of Object.values(node.definitions ?? {})) walkSchema(child, visit);
  for (const key of ["items", "additionalProperties", "not"] as const) {
    const child = node[key];
    if (child !== undefined) walkSchema(child, visit);
  }
}

/** Names of the definitions a schema refers to directly. */
export function directRefs(node: SchemaNode): Set<string> {
  const names = new Set<string>();
  walkSchema(node, (child) => {
    const name = child.$ref === undefined ? undefined : refName(child.$ref);
    if (name !== undefined) names.add(name);
  });
  return names;
}

/** The named definitions and everything they reach, in sorted order. Throws on a dangling reference. */
export function reachable(definitions: Definitions, roots: Iterable<string>): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    const definition = definitions[name];
    if (definition === undefined) throw new Error(`wire type ${name} is referenced but not defined`);
    seen.add(name);
    for (const next of directRefs(definition)) stack.push(next);
  }
  return [...seen].sort();
}

/** A copy of a schema without properties marked experimental (and without them in `required`). */
export function withoutExperimentalProperties(node: SchemaNode): SchemaNode {
  if (!isSchemaObject(node)) return node;
  const out: SchemaObject = { ...node };
  if (node.properties) {
    const kept = Object.entries(node.properties).filter(([, child]) => !(isSchemaObject(child) && child.experimental));
    out.properties = Object.fromEntries(kept.map(([name, child]) => [name, withoutExperimentalProperties(child)]));
    if (node.required) out.required = node.required.filter((name) => name in (out.properties ?? {}));
  }
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const members = node[key];
    if (members) out[key] = members.map(withoutExperimentalProperties);
  }
  for (const key of ["items", "additionalProperties", "not"] as const) {
    const child = node[key];
    if (child !== undefined) out[key] = withoutExperimentalProperties(child);
  }
  return out;
}

/** A copy of a schema without the `experimental` markers. */
export function withoutExperimentalMarkers(node: SchemaNode): SchemaNode {
  if (!isSchemaObject(node)) return node;
  const { experimental: _marker, ...rest } = node;
  const out: SchemaObject = { ...rest };
  if (node.properties) {
    const entries = Object.entries(node.properties);
    out.properties = Object.fromEntries(entries.map(([name, child]) => [name, withoutExperimentalMarkers(child)]));
  }
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const members = node[key];
    if (members) out[key] = members.map(withoutExperimentalMarkers);
  }
  for (const key of ["items", "additionalProperties", "not"] as const) {
    const child = node[key];
    if (child !== undefined) out[key] = withoutExperimentalMarkers(child);
  }
  return out;
}
