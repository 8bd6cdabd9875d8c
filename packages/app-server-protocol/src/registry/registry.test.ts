import { describe, expect, it } from "vitest";
import { CLIENT_REQUESTS } from "./client-requests.js";
import { experimentalReason, stripExperimentalFields, stripExperimentalResult } from "./experimental.js";
import {
  CLIENT_REQUEST_METHODS,
  decodeClientNotification,
  decodeClientRequest,
  decodeServerNotification,
  decodeServerRequest,
  decodeServerRequestResult,
  getClientRequestDefinition,
  isClientRequestMethod,
} from "./lookup.js";
import type { ClientRequestMethod } from "./method-types.js";
import { CLIENT_NOTIFICATIONS, SERVER_NOTIFICATIONS } from "./notifications.js";
import { SERVER_REQUESTS } from "./server-requests.js";

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
  "thread/start": { cwd: "/repo", approvalPolicy: "on-request", sandbox: "workspace-write", config: { model: "m" } },
  "thread/resume": { threadId: "t1", excludeTurns: true },
  "thread/fork": { threadId: "t1", ephemeral: true, lastTurnId: null },
  "thread/list": { limit: 20, sortKey: "updated_at", sortDirection: "desc", cwd: ["/a", "/b"], sourceKinds: ["cli"] },
  "thread/read": { threadId: "t1", includeTurns: true },
  "thread/archive": { threadId: "t1" },
  "thread/unarchive": { threadId: "t1" },
  "thread/name/set": { threadId: "t1", name: "Fix tests" },
  "thread/loaded/list": {},
  "thread/compact/start": { threadId: "t1" },
  "turn/start": {
    threadId: "t1",
    input: [
      { type: "text", text: "Run @a", text_elements: [{ byteRange: { start: 4, end: 6 }, placeholder: null }] },
      { type: "image", url: "https://x/y.png" },
      { type: "localImage", path: "/tmp/a.png", detail: "high" },
      { type: "mention", name: "app", path: "app://a" },
    ],
    sandboxPolicy: { type: "readOnly" },
    effort: "high",
    outputSchema: { type: "object" },
  },
  "turn/steer": { threadId: "t1", expectedTurnId: "u1", input: [{ type: "text", text: "also lint" }] },
  "turn/interrupt": { threadId: "t1", turnId: "u1" },
};

describe("registry", () => {
  it("keys every entry by its own method", () => {
    for (const [method, definition] of Object.entries(CLIENT_REQUESTS)) expect(definition.method).toBe(method);
    for (const [method, definition] of Object.entries(SERVER_NOTIFICATIONS)) expect(definition.method).toBe(method);
    for (const [method, definition] of Object.entries(CLIENT_NOTIFICATIONS)) expect(definition.method).toBe(method);
    for (const [method, definition] of Object.entries(SERVER_REQUESTS)) expect(definition.method).toBe(method);
  });

  it("lists the methods of this issue", () => {
    expect(CLIENT_REQUEST_METHODS).toHaveLength(38);
    expect(Object.keys(SERVER_NOTIFICATIONS)).toHaveLength(24);
    expect(Object.keys(SERVER_NOTIFICATIONS)).toContain("item/agentMessage/delta");
    expect(Object.keys(SERVER_REQUESTS).sort()).toEqual([
      "item/commandExecution/requestApproval",
      "item/fileChange/requestApproval",
    ]);
    expect(isClientRequestMethod("toString")).toBe(false);
    expect(getClientRequestDefinition("thread/delete")).toBeUndefined();
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

describe("thread, turn and item messages", () => {
  const turn = { id: "u1", items: [], status: "inProgress", error: null, startedAt: 1, completedAt: null, durationMs: null };

  it("decodes item notifications carrying every item kind the core emits", () => {
    const items = [
      { type: "userMessage", id: "i1", clientId: null, content: [{ type: "text", text: "hi" }] },
      { type: "agentMessage", id: "i2", text: "done", phase: "final_answer" },
      { type: "reasoning", id: "i3", summary: ["s"], content: [] },
      {
        type: "commandExecution",
        id: "i4",
        command: "ls",
        cwd: "/repo",
        processId: null,
        source: "agent",
        status: "completed",
        commandActions: [{ type: "listFiles", command: "ls", path: null }],
        aggregatedOutput: "a",
        exitCode: 0,
        durationMs: 3,
      },
      {
        type: "fileChange",
        id: "i5",
        changes: [{ path: "/repo/a", kind: { type: "update", move_path: "/repo/b" }, diff: "" }],
        status: "inProgress",
      },
      { type: "mcpToolCall", id: "i6", server: "s", tool: "t", status: "failed", arguments: null, result: null, error: { message: "x" }, durationMs: null },
      { type: "webSearch", id: "i7", query: "q", action: { type: "search", query: "q" } },
      { type: "imageView", id: "i8", path: "/a.png" },
      { type: "contextCompaction", id: "i9", startedAtMs: 5 },
      { type: "imageGeneration", id: "i10", status: "completed", result: "aGk=" },
    ];
    for (const item of items) {
      const params = { threadId: "t1", turnId: "u1", item, completedAtMs: 9 };
      expect(decodeServerNotification({ method: "item/completed", params })).toEqual({
        ok: true,
        value: { method: "item/completed", params },
      });
    }
    const bad = decodeServerNotification({
      method: "item/started",
      params: { threadId: "t1", turnId: "u1", startedAtMs: 1, item: { type: "plan", id: "p" } },
    });
    expect(bad.ok).toBe(false);
  });

  it("decodes turn and error notifications", () => {
    expect(decodeServerNotification({ method: "turn/started", params: { threadId: "t1", turn } }).ok).toBe(true);
    const error = {
      threadId: "t1",
      turnId: "u1",
      willRetry: false,
      error: { message: "boom", codexErrorInfo: { httpConnectionFailed: { httpStatusCode: 502 } }, additionalDetails: null },
    };
    expect(decodeServerNotification({ method: "error", params: error })).toEqual({ ok: true, value: { method: "error", params: error } });
    const future = { ...error, error: { message: "x", codexErrorInfo: "somethingNew" } };
    expect(decodeServerNotification({ method: "error", params: future }).ok).toBe(true);
  });

  it("rejects user input of an unknown type", () => {
    const decoded = decodeClientRequest({ id: 1, method: "turn/start", params: { threadId: "t", input: [{ type: "video" }] } });
    expect(decoded.ok).toBe(false);
  });

  it("decodes approval requests and their answers", () => {
    const params = { threadId: "t1", turnId: "u1", itemId: "c1", startedAtMs: 1, command: "rm -rf x", cwd: "/repo", reason: null };
    expect(decodeServerRequest({ id: 0, method: "item/commandExecution/requestApproval", params })).toEqual({
      ok: true,
      value: { id: 0, method: "item/commandExecution/requestApproval", params },
    });
    expect(decodeServerRequest({ id: 0, method: "item/tool/call", params: {} }).ok).toBe(false);
    const amend = { decision: { acceptWithExecpolicyAmendment: { execpolicy_amendment: ["rm"] } } };
    expect(decodeServerRequestResult("item/commandExecution/requestApproval", amend)).toEqual({ ok: true, value: amend });
    expect(decodeServerRequestResult("item/fileChange/requestApproval", { decision: "acceptForSession" }).ok).toBe(true);
    const wrong = decodeServerRequestResult("item/fileChange/requestApproval", { decision: "approve" });
    expect(wrong.ok ? "" : wrong.error.message).toMatch(/result\.decision/);
  });

  it("gates the experimental thread fields", () => {
    expect(experimentalReason("thread/start", { persistExtendedHistory: true })).toBe("thread/start.persistExtendedHistory");
    expect(experimentalReason("thread/resume", { threadId: "t", path: "/x.jsonl" })).toBe("thread/resume.path");
    expect(experimentalReason("thread/start", { cwd: "/repo" })).toBeUndefined();
  });
});
