// The JSON-RPC "lite" envelope: JSON-RPC 2.0 shapes without the `"jsonrpc": "2.0"` member.
import type { Int64, JsonValue } from "./scalars.js";

/** Identifier of a request, chosen by its sender: a string or an integer. */
export type RequestId = string | Int64;

/** W3C Trace Context propagated with a request. */
export interface W3cTraceContext {
  traceparent?: string | null;
  tracestate?: string | null;
}

/** A message that expects a response carrying the same `id`. */
export interface JSONRPCRequest {
  id: RequestId;
  method: string;
  params?: JsonValue;
  /** Optional distributed-tracing context for this request. */
  trace?: W3cTraceContext | null;
}

/** A one-way message; it never gets a response. */
export interface JSONRPCNotification {
  method: string;
  params?: JsonValue;
}

/** The successful answer to a request. */
export interface JSONRPCResponse {
  id: RequestId;
  result: JsonValue;
}

/** The error object carried by a failed response. */
export interface JSONRPCErrorError {
  code: Int64;
  message: string;
  data?: JsonValue;
}

/** The failed answer to a request. */
export interface JSONRPCError {
  id: RequestId;
  error: JSONRPCErrorError;
}

/** Any message that can travel in either direction. */
export type JSONRPCMessage = JSONRPCRequest | JSONRPCNotification | JSONRPCResponse | JSONRPCError;
