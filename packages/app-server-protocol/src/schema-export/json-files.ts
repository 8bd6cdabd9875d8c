// JSON Schema export: one draft-07 file per message type and envelope type, plus a bundle of everything.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { canonicalJson } from "./canonical.js";
import { reachable, withoutExperimentalMarkers } from "./filter.js";
import type { Definitions, SchemaObject } from "./json-schema-types.js";
import { buildProtocolSchema, type ExportOptions, typeGroup, V1_JSON_TYPES } from "./protocol-schema.js";

const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

/** File name of the bundle that holds every definition. */
export const JSON_BUNDLE_FILE = "codex_app_server_protocol.v2.schemas.json";

/** Relative path of a type's JSON file. */
export function jsonFilePath(name: string): string {
  if (V1_JSON_TYPES.has(name)) return `v1/${name}.json`;
  return typeGroup(name) === "v2" ? `v2/${name}.json` : `${name}.json`;
}

/** The JSON Schema files, keyed by relative path (forward slashes), contents ready to write. */
export function buildJsonSchemaFiles(options: ExportOptions = {}): Map<string, string> {
  const protocol = buildProtocolSchema(options);
  const definitions: Definitions = {};
  for (const [name, node] of Object.entries(protocol.definitions)) definitions[name] = withoutExperimentalMarkers(node);

  const files = new Map<string, string>();
  for (const name of protocol.fileTypes) {
    const own = definitions[name] as SchemaObject;
    const closure = reachable(definitions, [name]).filter((other) => other !== name);
    const file: SchemaObject = { $schema: DRAFT_07, title: name, ...own };
    if (closure.length > 0) file.definitions = Object.fromEntries(closure.map((other) => [other, definitions[other] as SchemaObject]));
    files.set(jsonFilePath(name), canonicalJson(file));
  }
  const bundle = {
    $schema: DRAFT_07,
    title: protocol.experimental ? "CodexAppServerProtocolV2Experimental" : "CodexAppServerProtocolV2",
    type: "object",
    definitions,
  };
  files.set(JSON_BUNDLE_FILE, canonicalJson(bundle));
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Writes the JSON Schema files into `outDir` (created if needed); returns the relative paths written. */
export async function writeFiles(outDir: string, files: Map<string, string>): Promise<string[]> {
  for (const [relative, contents] of files) {
    const target = path.join(outDir, ...relative.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents);
  }
  return [...files.keys()];
}

/**
 * Writes the JSON Schema of the protocol into `outDir`: the stable surface, or with `experimental: true`
 * also the experimental methods and fields. Existing files are overwritten; others are left alone.
 */
export async function generateJsonSchema(outDir: string, options: ExportOptions = {}): Promise<string[]> {
  return writeFiles(outDir, buildJsonSchemaFiles(options));
}
