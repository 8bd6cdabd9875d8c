// Classifying incoming frames and encoding outgoing ones.
import type {
  JSONRPCError,
  JSONRPCErrorError,
  JSONRPCNotification,
  JSONRPCRequest,
  JSONRPCResponse,
  RequestId,
  W3cTraceContext,
} from "../wire/index.js";
import { invalidRequestError, parseError } from "./errors.js";

/** What one incoming frame turned out to be. */
export type IncomingMessage =
  | { kind: "request"; message: JSONRPCRequest }
  | { kind: "notification"; message: JSONRPCNotification }
  | { kind: "response"; message: JSONRPCResponse }
  | { kind: "error"; message: JSONRPCError }
  /** Not a valid message. `id` is the request id when one could be read, so the error can be answered. */
  | { kind: "invalid"; id: RequestId | null; error: JSONRPCErrorError };

/** A message to send. A server notification may carry the time it was emitted. */
export type OutgoingMessage =
  | JSONRPCRequest
  | (JSONRPCNotification & { emittedAtMs?: number })
  | JSONRPCResponse
  | JSONRPCError;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRequestId(value: unknown): value is RequestId {
  return typeof value === "string" || (typeof value === "number" && Number.isSafeInteger(value));
}

function readTrace(value: unknown): W3cTraceContext | null | undefined | false {
  if (value === undefined || value === null) return value;
  if (!isRecord(value)) return false;
  const trace: W3cTraceContext = {};
  for (const key of ["traceparent", "tracestate"] as const) {
    const part = value[key];
    if (part === undefined) continue;
    if (part !== null && typeof part !== "string") return false;
    trace[key] = part;
  }
  return trace;
}

function invalid(id: RequestId | null, detail: string): IncomingMessage {
  return { kind: "invalid", id, error: invalidRequestError(detail) };
}

/**
 * Classifies an already-parsed JSON value. A `"jsonrpc"` member is accepted and ignored; other unknown
 * members are ignored too. Batches (arrays) are not part of the protocol and are rejected.
 */
export function classifyIncomingMessage(value: unknown): IncomingMessage {
  if (!isRecord(value)) return invalid(null, "expected a JSON object");
  const hasId = "id" in value && value.id !== undefined;
  const id = hasId && isRequestId(value.id) ? value.id : null;
  if (hasId && id === null) return invalid(null, "`id` must be a string or an integer");

  if ("method" in value) {
    if (typeof value.method !== "string") return invalid(id, "`method` must be a string");
    if (id === null) {
      const notification: JSONRPCNotification = { method: value.method };
      if (value.params !== undefined) notification.params = value.params;
      return { kind: "notification", message: notification };
    }
    const trace = readTrace(value.trace);
    if (trace === false) return invalid(id, "`trace` must be an object with string `traceparent`/`tracestate`");
    const request: JSONRPCRequest = { id, method: value.method };
    if (value.params !== undefined) request.params = value.params;
    if (trace !== undefined) request.trace = trace;
    return { kind: "request", message: request };
  }

  if (id === null) return invalid(null, "expected `method` or `id`");
  if ("result" in value) return { kind: "response", message: { id, result: value.result } };
  if ("error" in value) {
    const error = value.error;
    if (!isRecord(error) || typeof error.code !== "number" || !Number.isInteger(error.code)) {
      return invalid(id, "`error.code` must be an integer");
    }
    if (typeof error.message !== "string") return invalid(id, "`error.message` must be a string");
    const body: JSONRPCErrorError = { code: error.code, message: error.message };
    if (error.data !== undefined) body.data = error.data;
    return { kind: "error", message: { id, error: body } };
  }
  return invalid(id, "expected `method`, `result` or `error`");
}

/**
 * Parses and classifies one frame (a JSONL line or a WebSocket text frame). Text that is not JSON gives
 * `invalid` with a -32700 error; JSON that is not a message gives `invalid` with -32600.
 */
export function parseIncomingMessage(text: string): IncomingMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: "invalid", id: null, error: parseError(detail) };
  }
  return classifyIncomingMessage(value);
}

/**
 * Serialises a message without a `"jsonrpc"` member, in a fixed member order, leaving out absent
 * optional members. Throws a TypeError for a response without a `result`.
 */
export function encodeMessage(message: OutgoingMessage): string {
  return JSON.stringify(toWireObject(message));
}

function toWireObject(message: OutgoingMessage): Record<string, unknown> {
  if ("error" in message) {
    const { code, message: text, data } = message.error;
    return { id: message.id, error: data === undefined ? { code, message: text } : { code, message: text, data } };
  }
  if ("result" in message) {
    if (message.result === undefined) throw new TypeError(`response ${String(message.id)} has no result`);
    return { id: message.id, result: message.result };
  }
  if ("id" in message) {
    const out: Record<string, unknown> = { id: message.id, method: message.method };
    if (message.params !== undefined) out.params = message.params;
    if (message.trace !== undefined && message.trace !== null) out.trace = message.trace;
    return out;
  }
  const out: Record<string, unknown> = { method: message.method };
  if (message.params !== undefined) out.params = message.params;
  if (message.emittedAtMs !== undefined) out.emittedAtMs = message.emittedAtMs;
  return out;
}
