// Loads the reduced upstream schema contract (test/fixtures) and our own definitions for comparison.
import { readFileSync } from "node:fs";
import { pointerResolver, type SchemaSide } from "../src/compat/compare-schemas.js";
import { withoutExperimentalMarkers } from "../src/schema-export/filter.js";
import type { Definitions, SchemaNode } from "../src/schema-export/json-schema-types.js";
import { buildProtocolSchema } from "../src/schema-export/protocol-schema.js";

export interface UpstreamContract {
  clientRequests: Record<string, string | null>;
  serverNotifications: Record<string, string | null>;
  serverRequests: Record<string, string | null>;
  clientNotifications: Record<string, string | null>;
  definitions: Definitions;
}

export const upstream = JSON.parse(
  readFileSync(new URL("./fixtures/upstream-app-server-v2.contract.json", import.meta.url), "utf8"),
) as UpstreamContract;

const upstreamResolve = pointerResolver(upstream);

export function upstreamSide(name: string): SchemaSide | undefined {
  const node = upstream.definitions[name];
  return node === undefined ? undefined : { node, resolve: upstreamResolve };
}

function unmarked(definitions: Definitions): { definitions: Definitions } {
  const out: Definitions = {};
  for (const [name, node] of Object.entries(definitions)) out[name] = withoutExperimentalMarkers(node);
  return { definitions: out };
}

export const oursStable = unmarked(buildProtocolSchema({ experimental: false }).definitions);
export const oursExperimental = unmarked(buildProtocolSchema({ experimental: true }).definitions);

/**
 * Our schema of a type as a client that did not opt in sees it: the stable definition when the type is
 * part of the stable surface, else the experimental one (types reachable only through experimental fields).
 */
export function oursSide(name: string): SchemaSide | undefined {
  for (const document of [oursStable, oursExperimental]) {
    const node: SchemaNode | undefined = document.definitions[name];
    if (node !== undefined) return { node, resolve: pointerResolver(document) };
  }
  return undefined;
}
