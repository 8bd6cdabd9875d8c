// The registry's lists of experimental field paths must match the `@experimental` tags in the wire
// types, and the stable export must not contain experimental methods or fields.
import { describe, expect, it } from "vitest";
import { CLIENT_REQUESTS } from "../src/registry/client-requests.js";
import type { NotificationDefinition, RequestDefinition } from "../src/registry/definitions.js";
import { SERVER_NOTIFICATIONS } from "../src/registry/notifications.js";
import { buildJsonSchemaFiles, JSON_BUNDLE_FILE } from "../src/schema-export/json-files.js";
import { type Definitions, isSchemaObject, refName, type SchemaNode } from "../src/schema-export/json-schema-types.js";
import { buildProtocolSchema } from "../src/schema-export/protocol-schema.js";

const marked = buildProtocolSchema({ experimental: true }).definitions;

/** Dotted paths of properties tagged `@experimental`, reached from a type through refs, unions and arrays. */
function experimentalPaths(definitions: Definitions, node: SchemaNode, prefix: string, seen: Set<string>): string[] {
  if (!isSchemaObject(node)) return [];
  if (node.$ref !== undefined) {
    const name = refName(node.$ref) as string;
    if (seen.has(name)) return [];
    return experimentalPaths(definitions, definitions[name] as SchemaNode, prefix, new Set([...seen, name]));
  }
  const out: string[] = [];
  for (const member of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) out.push(...experimentalPaths(definitions, member, prefix, seen));
  if (node.items !== undefined) out.push(...experimentalPaths(definitions, node.items, prefix, seen));
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (isSchemaObject(child) && child.experimental) out.push(path);
    else out.push(...experimentalPaths(definitions, child, path, seen));
  }
  return out;
}

function pathsOf(typeName: string | null): string[] {
  if (typeName === null) return [];
  return experimentalPaths(marked, { $ref: `#/definitions/${typeName}` }, "", new Set()).sort();
}

describe("experimental field lists", () => {
  it.each(Object.values(CLIENT_REQUESTS) as RequestDefinition[])("$method", (definition) => {
    expect([...definition.experimentalFields.params].sort()).toEqual(pathsOf(definition.typeNames.params));
    expect([...definition.experimentalFields.result].sort()).toEqual(pathsOf(definition.typeNames.result));
  });

  it.each(Object.values(SERVER_NOTIFICATIONS) as NotificationDefinition[])("$method", (definition) => {
    expect([...definition.experimentalFields.params].sort()).toEqual(pathsOf(definition.typeNames.params));
  });
});

describe("stable export", () => {
  const stable = JSON.parse(buildJsonSchemaFiles().get(JSON_BUNDLE_FILE) as string) as { definitions: Definitions };
  const experimental = JSON.parse(buildJsonSchemaFiles({ experimental: true }).get(JSON_BUNDLE_FILE) as string) as {
    definitions: Definitions;
  };
  const methodsOf = (bundle: { definitions: Definitions }) =>
    ((bundle.definitions.ClientRequest as { oneOf: { properties: { method: { enum: string[] } } }[] }).oneOf).map(
      (member) => member.properties.method.enum[0],
    );
  const propertiesOf = (bundle: { definitions: Definitions }, name: string) =>
    Object.keys((bundle.definitions[name] as { properties: object }).properties);

  it("leaves out experimental methods and the types only they use", () => {
    expect(methodsOf(stable)).not.toContain("fuzzyFileSearch/sessionStart");
    expect(methodsOf(experimental)).toContain("fuzzyFileSearch/sessionStart");
    expect(stable.definitions.FuzzyFileSearchSessionStartParams).toBeUndefined();
    expect(experimental.definitions.FuzzyFileSearchSessionStartParams).toBeDefined();
  });

  it("leaves out experimental fields and the types only they use", () => {
    expect(propertiesOf(stable, "CommandExecParams")).not.toContain("permissionProfile");
    expect(propertiesOf(experimental, "CommandExecParams")).toContain("permissionProfile");
    expect(propertiesOf(stable, "Config")).not.toContain("apps");
    expect(stable.definitions.AppsConfig).toBeUndefined();
    expect(experimental.definitions.AppsConfig).toBeDefined();
  });

  it("carries no experimental markers", () => {
    expect(JSON.stringify(experimental)).not.toContain('"experimental"');
  });
});
