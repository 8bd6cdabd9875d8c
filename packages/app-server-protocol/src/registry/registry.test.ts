import { describe, expect, it } from "vitest";
import { CLIENT_REQUESTS } from "./client-requests.js";
import { experimentalReason, stripExperimentalFields, stripExperimentalResult } from "./experimental.js";
import {
  CLIENT_REQUEST_METHODS,
  decodeClientNotification,
  decodeClientRequest,
  decodeServerNotification,
  getClientRequestDefinition,
  isClientRequestMethod,
} from "./lookup.js";
import type { ClientRequestMethod } from "./method-types.js";
import { CLIENT_NOTIFICATIONS, SERVER_NOTIFICATIONS } from "./notifications.js";

/** A valid params object for every method, as an upstream client would send it. */
const EXAMPLE_PARAMS: Record<ClientRequestMethod, unknown> = {
  initialize: { clientInfo: { name: "my_client", title: "My Client", version: "0.1.0" }, capabilities: { experimentalApi: false } },
  "fs/readFile": { path: "/repo/a.txt" },
  "fs/writeFile": { path: "/repo/a.txt", dataBase64: "aGk=" },
  "fs/createDirectory": { path: "/repo/new", recursive: null },
  "fs/getMetadata": { path: "/repo" },
  "fs/readDirectory": { path: "/repo" },
  "fs/remove": { path: "/repo/old", recursive: true, force: false },
  "fs/copy": { sourcePath: "/repo/a", destinationPath: "/repo/b", recursive: true },
  "fs/watch": { watchId: "w1", path: "/repo" },
  "fs/unwatch": { watchId: "w1" },
  "command/exec": {
    command: ["ls", "-la"],
    processId: "p1",
    tty: true,
    size: { rows: 24, cols: 80 },
    env: { PATH: "/bin", HOME: null },
    sandboxPolicy: { type: "workspaceWrite", writableRoots: ["/tmp/x"], networkAccess: true },
    timeoutMs: 1000,
  },
  "command/exec/write": { processId: "p1", deltaBase64: "bHMK", closeStdin: true },
  "command/exec/terminate": { processId: "p1" },
  "command/exec/resize": { processId: "p1", size: { rows: 40, cols: 120 } },
  "config/read": { includeLayers: true, cwd: "/repo" },
  "config/value/write": { keyPath: "model", value: "gpt-5", mergeStrategy: "replace", expectedVersion: null },
  "config/batchWrite": { edits: [{ keyPath: "features.x", value: true, mergeStrategy: "upsert" }], reloadUserConfig: true },
  "configRequirements/read": undefined,
  "experimentalFeature/list": { limit: 50 },
  "model/list": { includeHidden: true, cursor: null },
  fuzzyFileSearch: { query: "main", roots: ["/repo"], cancellationToken: "t1" },
  "fuzzyFileSearch/sessionStart": { sessionId: "s1", roots: ["/repo"] },
  "fuzzyFileSearch/sessionUpdate": { sessionId: "s1", query: "ma" },
  "fuzzyFileSearch/sessionStop": { sessionId: "s1" },
  gitDiffToRemote: { cwd: "/repo" },
};

describe("registry", () => {
  it("keys every entry by its own method", () => {
    for (const [method, definition] of Object.entries(CLIENT_REQUESTS)) expect(definition.method).toBe(method);
    for (const [method, definition] of Object.entries(SERVER_NOTIFICATIONS)) expect(definition.method).toBe(method);
    for (const [method, definition] of Object.entries(CLIENT_NOTIFICATIONS)) expect(definition.method).toBe(method);
  });

  it("lists the methods of this issue", () => {
    expect(CLIENT_REQUEST_METHODS).toHaveLength(25);
    expect(Object.keys(SERVER_NOTIFICATIONS).sort()).toEqual([
      "command/exec/outputDelta",
      "configWarning",
      "fs/changed",
      "fuzzyFileSearch/sessionCompleted",
      "fuzzyFileSearch/sessionUpdated",
    ]);
    expect(isClientRequestMethod("toString")).toBe(false);
    expect(getClientRequestDefinition("thread/start")).toBeUndefined();
  });

  it.each(CLIENT_REQUEST_METHODS)("decodes an example %s request", (method) => {
    const decoded = decodeClientRequest({ id: 1, method, params: EXAMPLE_PARAMS[method] });
    expect(decoded).toEqual({ ok: true, value: { id: 1, method, params: EXAMPLE_PARAMS[method] } });
  });

  it("keeps the trace and drops unknown params fields", () => {
    const decoded = decodeClientRequest({
      id: "a",
      method: "fs/readFile",
      params: { path: "/x", futureField: 1 },
      trace: { traceparent: "00-1-2-01" },
    });
    expect(decoded).toEqual({
      ok: true,
      value: { id: "a", method: "fs/readFile", params: { path: "/x" }, trace: { traceparent: "00-1-2-01" } },
    });
  });

  it("rejects unknown methods with -32600", () => {
    expect(decodeClientRequest({ id: 1, method: "no/such" })).toEqual({
      ok: false,
      error: { code: -32600, message: "Invalid request: unknown method `no/such`" },
    });
  });

  it("rejects invalid params with -32600 naming the field", () => {
    const missing = decodeClientRequest({ id: 1, method: "fs/readFile", params: {} });
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.error.code).toBe(-32600);
    expect(missing.error.message).toMatch(/^Invalid request: params\.path: /);

    const nested = decodeClientRequest({ id: 1, method: "command/exec", params: { command: ["a", 3] } });
    expect(nested.ok ? "" : nested.error.message).toMatch(/params\.command\[1\]/);

    const fraction = decodeClientRequest({ id: 1, method: "command/exec", params: { command: ["a"], timeoutMs: 1.5 } });
    expect(fraction.ok).toBe(false);

    const badTag = decodeClientRequest({
      id: 1,
      method: "command/exec",
      params: { command: ["a"], sandboxPolicy: { type: "fullAccess" } },
    });
    expect(badTag.ok).toBe(false);
  });

  it("requires params for methods that take them, even when every field is optional", () => {
    expect(decodeClientRequest({ id: 1, method: "model/list" }).ok).toBe(false);
    expect(decodeClientRequest({ id: 1, method: "model/list", params: {} }).ok).toBe(true);
  });

  it("accepts absent or null params for methods without params, and nothing else", () => {
    for (const params of [undefined, null]) {
      const decoded = decodeClientRequest({ id: 1, method: "configRequirements/read", params });
      expect(decoded).toEqual({ ok: true, value: { id: 1, method: "configRequirements/read", params: undefined } });
    }
    expect(decodeClientRequest({ id: 1, method: "configRequirements/read", params: {} }).ok).toBe(false);
  });

  it("decodes notifications", () => {
    expect(decodeClientNotification({ method: "initialized" })).toEqual({ ok: true, value: { method: "initialized" } });
    expect(decodeServerNotification({ method: "fs/changed", params: { watchId: "w", changedPaths: ["/a"] } })).toEqual({
      ok: true,
      value: { method: "fs/changed", params: { watchId: "w", changedPaths: ["/a"] } },
    });
    expect(decodeServerNotification({ method: "fs/changed", params: { watchId: "w" } }).ok).toBe(false);
  });
});

describe("experimental gating", () => {
  it("names experimental methods", () => {
    expect(experimentalReason("fuzzyFileSearch/sessionStart", { sessionId: "s", roots: [] })).toBe(
      "fuzzyFileSearch/sessionStart",
    );
  });

  it("names experimental fields only when they are used", () => {
    expect(experimentalReason("command/exec", { command: ["ls"], permissionProfile: "dev" })).toBe(
      "command/exec.permissionProfile",
    );
    expect(experimentalReason("command/exec", { command: ["ls"], permissionProfile: null })).toBeUndefined();
    expect(experimentalReason("command/exec", { command: ["ls"] })).toBeUndefined();
    expect(experimentalReason("fs/readFile", { path: "/a" })).toBeUndefined();
    expect(experimentalReason("no/such", {})).toBeUndefined();
  });

  it("strips experimental result fields without touching the input", () => {
    const result = { config: { model: "m", apps: { _default: null } }, origins: {} };
    expect(stripExperimentalResult("config/read", result)).toEqual({ config: { model: "m" }, origins: {} });
    expect(result.config.apps).toEqual({ _default: null });

    const requirements = {
      requirements: { allowedSandboxModes: ["read-only"], hooks: null, network: { enabled: true }, allowedApprovalsReviewers: ["user"] },
    };
    expect(stripExperimentalResult("configRequirements/read", requirements)).toEqual({
      requirements: { allowedSandboxModes: ["read-only"] },
    });
    expect(stripExperimentalResult("configRequirements/read", { requirements: null })).toEqual({ requirements: null });
    expect(stripExperimentalResult("fs/readFile", { dataBase64: "" })).toEqual({ dataBase64: "" });
  });

  it("crosses arrays when stripping", () => {
    expect(stripExperimentalFields({ items: [{ a: 1, b: 2 }, { a: 3 }] }, ["items.b"])).toEqual({
      items: [{ a: 1 }, { a: 3 }],
    });
  });
});

describe("sandbox policy params", () => {
  const exec = (sandboxPolicy: unknown) =>
    decodeClientRequest({ id: 1, method: "command/exec", params: { command: ["ls"], sandboxPolicy } });

  it("keeps the wire form of an accepted policy", () => {
    expect(exec({ type: "readOnly" })).toMatchObject({ ok: true, value: { params: { sandboxPolicy: { type: "readOnly" } } } });
  });

  it("refuses what the domain validator refuses", () => {
    const legacy = exec({ type: "readOnly", access: { type: "restricted" } });
    expect(legacy.ok ? "" : legacy.error.message).toMatch(/params\.sandboxPolicy\.access: .*no longer supported/);
    expect(exec({ type: "workspaceWrite", writableRoots: ["relative/dir"] }).ok).toBe(false);
    expect(exec({ type: "readOnly", access: { type: "fullAccess" } }).ok).toBe(true);
  });

  it("refuses relative filesystem paths", () => {
    const decoded = decodeClientRequest({ id: 1, method: "fs/readFile", params: { path: "a.txt" } });
    expect(decoded.ok ? "" : decoded.error.message).toBe("Invalid request: AbsolutePathBuf deserialized without a base path");
  });
});
