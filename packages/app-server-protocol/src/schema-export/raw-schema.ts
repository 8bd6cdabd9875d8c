// Runs ts-json-schema-generator over the wire types and normalises its output into the definitions the
// exporters work from. Experimental markers are kept here; the exporters filter on them.
import { createRequire } from "node:module";
import path from "node:path";
import type * as SchemaGenerator from "ts-json-schema-generator";
import { type Definitions, isSchemaObject, refName, type SchemaNode, type SchemaObject } from "./json-schema-types.js";
import { packageRoot, wireSourcePaths } from "./wire-source.js";

/** Scalar aliases that are inlined where they are used instead of becoming definitions. */
const INLINED_ALIASES = new Set(["Int64", "Int32", "UInt", "UInt16", "UInt32", "UInt64", "JsonValue"]);

let cached: Definitions | undefined;

/** All wire type definitions, normalised. Generated once per process (it takes a few seconds). */
export function wireDefinitions(): Definitions {
  cached ??= normaliseDefinitions(generateRawDefinitions());
  return structuredClone(cached);
}

function generateRawDefinitions(): Definitions {
  // Loaded here, not at the top: the generator pulls in TypeScript, which every importer of this package (the
  // app-server on its start-up path among them) would otherwise pay for.
  // Resolved from this package's own folder, which also works when this module was bundled elsewhere.
  const { createGenerator } = createRequire(path.join(packageRoot(), "package.json"))("ts-json-schema-generator") as typeof SchemaGenerator;
  const { entry, tsconfig } = wireSourcePaths();
  const generator = createGenerator({
    path: entry,
    tsconfig,
    type: "*",
    expose: "export",
    topRef: true,
    jsDoc: "extended",
    extraTags: ["experimental"],
    skipTypeCheck: true,
    additionalProperties: true,
  });
  const schema = generator.createSchema("*") as SchemaObject;
  return (schema.definitions ?? {}) as Definitions;
}

/** Normalises the generator output: inlines scalar aliases, turns `const` into one-value `enum`, drops artefacts. */
export function normaliseDefinitions(raw: Definitions): Definitions {
  const inlined = new Map<string, SchemaNode>();
  for (const name of INLINED_ALIASES) {
    const definition = raw[name];
    if (definition !== undefined) inlined.set(name, definition);
  }
  const out: Definitions = {};
  for (const [name, node] of Object.entries(raw)) {
    if (INLINED_ALIASES.has(name)) continue;
    out[name] = normaliseNode(node, inlined);
  }
  return out;
}

function normaliseNode(node: SchemaNode, inlined: Map<string, SchemaNode>): SchemaNode {
  if (!isSchemaObject(node)) return node;
  let current: SchemaObject = node;
  const target = current.$ref === undefined ? undefined : refName(current.$ref);
  if (target !== undefined && inlined.has(target)) {
    const { $ref: _ref, ...rest } = current;
    const replacement = inlined.get(target);
    const { description: _aliasDescription, ...base } = isSchemaObject(replacement) ? replacement : {};
    current = { ...base, ...rest };
    if (Object.keys(current).length === 0) return true;
  }
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(current)) {
    if (key === "const") {
      out.enum = [value];
    } else if (key === "anyOf" || key === "oneOf" || key === "allOf") {
      const members = (value as SchemaNode[]).filter((member) => !isUndefinedMarker(member));
      out[key] = members.map((member) => normaliseNode(member, inlined));
    } else if (key === "properties" || key === "definitions") {
      const entries = Object.entries(value as Record<string, SchemaNode>);
      out[key] = Object.fromEntries(entries.map(([name, child]) => [name, normaliseNode(child, inlined)]));
    } else if (key === "items" || key === "additionalProperties" || key === "not") {
      out[key] = normaliseNode(value as SchemaNode, inlined);
    } else {
      out[key] = value;
    }
  }
  if (isNoExtraProperties(out)) delete out.additionalProperties;
  const single = out.anyOf?.length === 1 ? out.anyOf[0] : undefined;
  if (single !== undefined && isSchemaObject(single)) {
    const { anyOf: _anyOf, ...rest } = out;
    return { ...single, ...rest };
  }
  return out;
}

/** `{ "not": {} }`: how the generator spells `undefined` inside a union. */
function isUndefinedMarker(node: SchemaNode): boolean {
  return isSchemaObject(node) && Object.keys(node).length === 1 && isSchemaObject(node.not) && Object.keys(node.not).length === 0;
}

/**
 * `Record<string, never>` (an empty result) comes out as "no extra properties allowed". Upstream servers
 * may add fields to empty results over time, so the exported schema accepts any object instead.
 */
function isNoExtraProperties(node: SchemaObject): boolean {
  const extra = node.additionalProperties;
  return (
    node.properties === undefined &&
    isSchemaObject(extra) &&
    isSchemaObject(extra.not) &&
    Object.keys(extra.not).length === 0
  );
}
