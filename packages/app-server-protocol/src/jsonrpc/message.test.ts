import { describe, expect, it } from "vitest";
import { encodeMessage, parseIncomingMessage } from "./message.js";

describe("parseIncomingMessage", () => {
  it("classifies a request and keeps params and trace", () => {
    const parsed = parseIncomingMessage(
      '{"id":7,"method":"fs/readFile","params":{"path":"/a"},"trace":{"traceparent":"00-abc-def-01"}}',
    );
    expect(parsed).toEqual({
      kind: "request",
      message: { id: 7, method: "fs/readFile", params: { path: "/a" }, trace: { traceparent: "00-abc-def-01" } },
    });
  });

  it("accepts string ids and ignores a jsonrpc member", () => {
    const parsed = parseIncomingMessage('{"jsonrpc":"2.0","id":"req-1","method":"model/list","params":{}}');
    expect(parsed).toEqual({ kind: "request", message: { id: "req-1", method: "model/list", params: {} } });
  });

  it("classifies a notification with and without params", () => {
    expect(parseIncomingMessage('{"method":"initialized"}')).toEqual({
      kind: "notification",
      message: { method: "initialized" },
    });
    expect(parseIncomingMessage('{"method":"x","params":null}')).toEqual({
      kind: "notification",
      message: { method: "x", params: null },
    });
  });

  it("classifies responses, including a null result", () => {
    expect(parseIncomingMessage('{"id":0,"result":{"decision":"accept"}}')).toEqual({
      kind: "response",
      message: { id: 0, result: { decision: "accept" } },
    });
    expect(parseIncomingMessage('{"id":"a","result":null}')).toEqual({
      kind: "response",
      message: { id: "a", result: null },
    });
  });

  it("classifies error responses and keeps data", () => {
    expect(parseIncomingMessage('{"id":3,"error":{"code":-32603,"message":"boom","data":{"x":1}}}')).toEqual({
      kind: "error",
      message: { id: 3, error: { code: -32603, message: "boom", data: { x: 1 } } },
    });
  });

  it("reports text that is not JSON as a -32700 parse error", () => {
    const parsed = parseIncomingMessage("{not json");
    expect(parsed.kind).toBe("invalid");
    if (parsed.kind !== "invalid") return;
    expect(parsed.id).toBeNull();
    expect(parsed.error.code).toBe(-32700);
    expect(parsed.error.message).toMatch(/^Parse error: /);
  });

  it.each([
    ["an array (batch)", "[]"],
    ["a number", "42"],
    ["an object with neither method nor id", '{"params":{}}'],
    ["a fractional id", '{"id":1.5,"method":"x"}'],
    ["an object id", '{"id":{},"result":1}'],
    ["a response with neither result nor error", '{"id":1}'],
  ])("reports %s as a -32600 invalid request", (_label, text) => {
    const parsed = parseIncomingMessage(text);
    expect(parsed.kind).toBe("invalid");
    if (parsed.kind !== "invalid") return;
    expect(parsed.error.code).toBe(-32600);
    expect(parsed.error.message).toMatch(/^Invalid request: /);
  });

  it("keeps the id of an invalid request so it can be answered", () => {
    const parsed = parseIncomingMessage('{"id":9,"method":5}');
    expect(parsed).toMatchObject({ kind: "invalid", id: 9, error: { code: -32600 } });
    const badTrace = parseIncomingMessage('{"id":"t","method":"x","trace":{"traceparent":1}}');
    expect(badTrace).toMatchObject({ kind: "invalid", id: "t", error: { code: -32600 } });
  });

  it("rejects an error response whose error object is malformed", () => {
    expect(parseIncomingMessage('{"id":1,"error":{"code":"x","message":"m"}}')).toMatchObject({
      kind: "invalid",
      id: 1,
    });
    expect(parseIncomingMessage('{"id":1,"error":{"code":1}}')).toMatchObject({ kind: "invalid", id: 1 });
  });
});

describe("encodeMessage", () => {
  it("never writes a jsonrpc member and orders members", () => {
    const request = { jsonrpc: "2.0", params: { a: 1 }, method: "m", id: 1 } as never;
    expect(encodeMessage(request)).toBe('{"id":1,"method":"m","params":{"a":1}}');
  });

  it("omits absent params, trace and error data", () => {
    expect(encodeMessage({ id: "x", method: "configRequirements/read" })).toBe(
      '{"id":"x","method":"configRequirements/read"}',
    );
    expect(encodeMessage({ method: "initialized" })).toBe('{"method":"initialized"}');
    expect(encodeMessage({ id: 2, error: { code: -32600, message: "Not initialized" } })).toBe(
      '{"id":2,"error":{"code":-32600,"message":"Not initialized"}}',
    );
    expect(encodeMessage({ id: 2, method: "m", params: {}, trace: null })).toBe('{"id":2,"method":"m","params":{}}');
  });

  it("writes responses, error data and notification emission times", () => {
    expect(encodeMessage({ id: 4, result: {} })).toBe('{"id":4,"result":{}}');
    expect(encodeMessage({ id: 4, result: null })).toBe('{"id":4,"result":null}');
    expect(encodeMessage({ id: 5, error: { code: -32001, message: "m", data: { reason: "r" } } })).toBe(
      '{"id":5,"error":{"code":-32001,"message":"m","data":{"reason":"r"}}}',
    );
    expect(encodeMessage({ method: "fs/changed", params: { watchId: "w", changedPaths: [] }, emittedAtMs: 10 })).toBe(
      '{"method":"fs/changed","params":{"watchId":"w","changedPaths":[]},"emittedAtMs":10}',
    );
  });

  it("refuses a response without a result", () => {
    expect(() => encodeMessage({ id: 1, result: undefined })).toThrow(TypeError);
  });

  it("round-trips through parseIncomingMessage", () => {
    const message = { id: 11, method: "command/exec", params: { command: ["ls"] }, trace: { tracestate: "k=v" } };
    expect(parseIncomingMessage(encodeMessage(message))).toEqual({ kind: "request", message });
  });
});
