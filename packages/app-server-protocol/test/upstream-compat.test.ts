// Our JSON Schema must describe the same messages as upstream's for everything we implement: same
// property names, required fields, enum values and nullability, recursively. The upstream side is the
// reduced contract in test/fixtures, extracted from the released upstream schema bundles.
import { describe, expect, it } from "vitest";
import { compareSchemas } from "../src/compat/compare-schemas.js";
import { CLIENT_REQUESTS } from "../src/registry/client-requests.js";
import type { NotificationDefinition, RequestDefinition } from "../src/registry/definitions.js";
import { CLIENT_NOTIFICATIONS, SERVER_NOTIFICATIONS } from "../src/registry/notifications.js";
import { SERVER_REQUESTS } from "../src/registry/server-requests.js";
import { oursExperimental, oursSide, upstream, upstreamSide } from "./upstream-contract.js";

/** Methods served here that the upstream 0.169 stable schema does not list, and why. */
const NOT_IN_UPSTREAM_STABLE: Record<string, string> = {
  gitDiffToRemote: "older request kept by upstream servers but left out of the 0.169 schema",
};
const NOT_IN_UPSTREAM_TYPES = new Set(["GitDiffToRemoteParams", "GitDiffToRemoteResponse"]);
const UNIONS = new Set(["ClientRequest", "ServerRequest", "ClientNotification", "ServerNotification"]);

function mismatchesOf(name: string) {
  const up = upstreamSide(name);
  const ours = oursSide(name);
  if (!up || !ours) throw new Error(`missing definition of ${name}`);
  return compareSchemas(up, ours, name);
}

const requests = Object.values(CLIENT_REQUESTS) as RequestDefinition[];
const serverNotifications = Object.values(SERVER_NOTIFICATIONS) as NotificationDefinition[];

describe("client requests match upstream", () => {
  it.each(requests.map((definition) => [definition.method, definition] as const))("%s", (method, definition) => {
    const upstreamParams = upstream.clientRequests[method];
    if (definition.experimental) {
      expect(upstreamParams, "experimental methods are not in upstream's stable surface").toBeUndefined();
    } else if (method in NOT_IN_UPSTREAM_STABLE) {
      expect(upstreamParams).toBeUndefined();
    } else {
      expect(upstreamParams, "method missing upstream or params type renamed").toBe(definition.typeNames.params);
    }
    for (const name of [definition.typeNames.params, definition.typeNames.result]) {
      if (name === null) continue;
      if (upstream.definitions[name] === undefined) {
        const known = definition.experimental || NOT_IN_UPSTREAM_TYPES.has(name);
        expect(known, `${name} has no upstream definition`).toBe(true);
        continue;
      }
      expect(mismatchesOf(name)).toEqual([]);
    }
  });
});

describe("server requests match upstream", () => {
  it.each((Object.values(SERVER_REQUESTS) as RequestDefinition[]).map((definition) => [definition.method, definition] as const))(
    "%s",
    (method, definition) => {
      expect(upstream.serverRequests[method], "method missing upstream or params type renamed").toBe(definition.typeNames.params);
      for (const name of [definition.typeNames.params, definition.typeNames.result]) {
        if (name !== null) expect(mismatchesOf(name)).toEqual([]);
      }
    },
  );
});

describe("notifications match upstream", () => {
  it.each(serverNotifications.map((definition) => [definition.method, definition] as const))(
    "%s",
    (method, definition) => {
      expect(upstream.serverNotifications[method]).toBe(definition.typeNames.params);
      if (definition.typeNames.params !== null) expect(mismatchesOf(definition.typeNames.params)).toEqual([]);
    },
  );

  it("client notifications", () => {
    for (const definition of Object.values(CLIENT_NOTIFICATIONS) as NotificationDefinition[]) {
      expect(upstream.clientNotifications[definition.method]).toBe(definition.typeNames.params);
    }
  });
});

describe("every type we share with upstream matches", () => {
  const shared = Object.keys(oursExperimental.definitions).filter(
    (name) => upstream.definitions[name] !== undefined && !UNIONS.has(name),
  );

  it("covers the message types and the types only reachable through experimental fields", () => {
    for (const name of [
      "FsReadFileParams",
      "CommandExecParams",
      "Config",
      "AppsConfig",
      "ManagedHooksRequirements",
      "ThreadItem",
      "CommandExecutionApprovalDecision",
    ]) {
      expect(shared).toContain(name);
    }
  });

  it.each(shared)("%s", (name) => {
    expect(mismatchesOf(name)).toEqual([]);
  });
});
