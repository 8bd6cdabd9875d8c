#!/usr/bin/env node
// Reduces the upstream app-server JSON Schema bundles to the contract the compatibility test checks:
// the method tables (method → params type) and the definitions of every type this package also defines,
// with their closure. Descriptions and titles are dropped; names, required lists, enums and defaults stay.
//
// usage: node scripts/extract-upstream-contract.mjs <upstream v2 bundle> <upstream full bundle> <out file>
// Needs the package built first (`pnpm build`), because it reads the type names from dist.
import { readFileSync, writeFileSync } from "node:fs";
import { buildJsonSchemaFiles, JSON_BUNDLE_FILE } from "../dist/index.js";

const [v2Path, fullPath, outPath] = process.argv.slice(2);
if (!v2Path || !fullPath || !outPath) {
  process.stderr.write("usage: extract-upstream-contract <v2 bundle> <full bundle> <out file>\n");
  process.exit(2);
}

const v2 = JSON.parse(readFileSync(v2Path, "utf8"));
const full = JSON.parse(readFileSync(fullPath, "utf8"));

/** Flat pool of upstream definitions: v2 bundle first, then the full bundle's root and `v2` sections. */
const pool = new Map();
function add(name, node) {
  if (name === "v2" || pool.has(name)) return;
  pool.set(name, node);
}
for (const [name, node] of Object.entries(v2.definitions)) add(name, node);
for (const [name, node] of Object.entries(full.definitions)) add(name, node);
for (const [name, node] of Object.entries(full.definitions.v2 ?? {})) add(name, node);

function strip(node, inProperties = false) {
  if (Array.isArray(node)) return node.map((item) => strip(item));
  if (typeof node !== "object" || node === null) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (!inProperties && (key === "description" || key === "title" || key === "$schema")) continue;
    if (key === "$ref" && typeof value === "string") {
      out[key] = `#/definitions/${value.split("/").pop()}`;
      continue;
    }
    out[key] = strip(value, key === "properties" || key === "definitions");
  }
  return out;
}

function refsOf(node, into) {
  if (Array.isArray(node)) {
    for (const item of node) refsOf(item, into);
  }
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") into.add(value.split("/").pop());
      else refsOf(value, into);
    }
  }
  return into;
}

const ours = JSON.parse(buildJsonSchemaFiles({ experimental: true }).get(JSON_BUNDLE_FILE)).definitions;
// The method unions are captured by the method tables below; their definitions would pull in every method.
const UNIONS = new Set(["ClientRequest", "ServerRequest", "ClientNotification", "ServerNotification"]);
const roots = Object.keys(ours).filter((name) => pool.has(name) && !UNIONS.has(name));
const keep = new Set();
const stack = [...roots];
while (stack.length > 0) {
  const name = stack.pop();
  if (keep.has(name) || !pool.has(name)) continue;
  keep.add(name);
  for (const next of refsOf(pool.get(name), new Set())) stack.push(next);
}

function methodTable(union) {
  const table = {};
  for (const member of union.oneOf) {
    const method = member.properties.method.enum[0];
    const params = member.properties.params;
    table[method] = params?.$ref ? params.$ref.split("/").pop() : params?.anyOf ? params.anyOf.find((p) => p.$ref).$ref.split("/").pop() : null;
  }
  return table;
}

const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1)));
const contract = {
  source:
    "Upstream codex app-server JSON Schema (release 0.169, stable surface), reduced to structure: descriptions and titles removed.",
  clientRequests: sorted(methodTable(full.definitions.ClientRequest)),
  serverNotifications: sorted(methodTable(full.definitions.ServerNotification)),
  serverRequests: sorted(methodTable(full.definitions.ServerRequest)),
  clientNotifications: sorted(methodTable(full.definitions.ClientNotification)),
  definitions: sorted(Object.fromEntries([...keep].map((name) => [name, strip(pool.get(name))]))),
};
writeFileSync(outPath, `${JSON.stringify(contract, null, 2)}\n`);
process.stdout.write(`wrote ${keep.size} definitions (${roots.length} shared type names) to ${outPath}\n`);
