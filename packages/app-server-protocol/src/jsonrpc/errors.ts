// JSON-RPC error codes used by the app-server and builders for the errors a server sends. Codes and
// message texts follow the upstream server, so clients that match on them keep working.
import type { JSONRPCErrorError } from "../wire/index.js";

/** The text of a message is not valid JSON. */
export const PARSE_ERROR_CODE = -32700;
/**
 * The message is not a valid request. The app-server also uses this code for unknown methods, malformed
 * params, calls before or after `initialize`, and experimental gating.
 */
export const INVALID_REQUEST_ERROR_CODE = -32600;
/** The method exists in the protocol but this server does not serve it. */
export const METHOD_NOT_FOUND_ERROR_CODE = -32601;
/** A handler rejected its (well-formed) params. */
export const INVALID_PARAMS_ERROR_CODE = -32602;
/** The server failed while handling the request. */
export const INTERNAL_ERROR_CODE = -32603;
/** The server's request queue is full; the client should retry with backoff. */
export const SERVER_OVERLOADED_ERROR_CODE = -32001;
/** Marker (a string, not a numeric code) for input that exceeds a size limit. */
export const INPUT_TOO_LARGE_ERROR_CODE = "input_too_large";

/** Message of the error sent for requests other than `initialize` on a new connection. */
export const NOT_INITIALIZED_MESSAGE = "Not initialized";
/** Message of the error sent for a second `initialize` on one connection. */
export const ALREADY_INITIALIZED_MESSAGE = "Already initialized";
/** Message of the error sent when a request arrives while the request queue is full. */
export const SERVER_OVERLOADED_MESSAGE = "Server overloaded; retry later.";
/** Message of the error sent to requests that arrive while the server shuts down. */
export const SERVER_DRAINING_MESSAGE = "Server is draining; retry after reconnecting";

function errorObject(code: number, message: string, data?: unknown): JSONRPCErrorError {
  return data === undefined ? { code, message } : { code, message, data };
}

/** -32700: the frame could not be parsed as JSON. */
export function parseError(detail: string): JSONRPCErrorError {
  return errorObject(PARSE_ERROR_CODE, `Parse error: ${detail}`);
}

/** -32600 `Invalid request: <detail>`: malformed message, unknown method, or params that do not validate. */
export function invalidRequestError(detail: string, data?: unknown): JSONRPCErrorError {
  return errorObject(INVALID_REQUEST_ERROR_CODE, `Invalid request: ${detail}`, data);
}

/** -32600 `Not initialized`. */
export function notInitializedError(): JSONRPCErrorError {
  return errorObject(INVALID_REQUEST_ERROR_CODE, NOT_INITIALIZED_MESSAGE);
}

/** -32600 `Already initialized`. */
export function alreadyInitializedError(): JSONRPCErrorError {
  return errorObject(INVALID_REQUEST_ERROR_CODE, ALREADY_INITIALIZED_MESSAGE);
}

/**
 * -32600 `<descriptor> requires experimentalApi capability`. The descriptor is a method name
 * (`fuzzyFileSearch/sessionStart`) or `method.field` (`command/exec.permissionProfile`).
 */
export function experimentalApiRequiredError(descriptor: string): JSONRPCErrorError {
  return errorObject(INVALID_REQUEST_ERROR_CODE, `${descriptor} requires experimentalApi capability`);
}

/** -32600 for a `clientInfo.name` that cannot be used in an HTTP header. */
export function invalidClientNameError(name: string): JSONRPCErrorError {
  return errorObject(
    INVALID_REQUEST_ERROR_CODE,
    `Invalid clientInfo.name: '${name}'. Must be a valid HTTP header value.`,
  );
}

/** -32600 sent while the server shuts down, with `data: {reason: "serverShuttingDown"}`. */
export function serverDrainingError(): JSONRPCErrorError {
  return errorObject(INVALID_REQUEST_ERROR_CODE, SERVER_DRAINING_MESSAGE, { reason: "serverShuttingDown" });
}

/** -32601 with the given message. */
export function methodNotFoundError(message: string): JSONRPCErrorError {
  return errorObject(METHOD_NOT_FOUND_ERROR_CODE, message);
}

/** -32602 with the given message. */
export function invalidParamsError(message: string, data?: unknown): JSONRPCErrorError {
  return errorObject(INVALID_PARAMS_ERROR_CODE, message, data);
}

/** -32603 with the given message. */
export function internalError(message: string, data?: unknown): JSONRPCErrorError {
  return errorObject(INTERNAL_ERROR_CODE, message, data);
}

/** -32001 `Server overloaded; retry later.` */
export function serverOverloadedError(): JSONRPCErrorError {
  return errorObject(SERVER_OVERLOADED_ERROR_CODE, SERVER_OVERLOADED_MESSAGE);
}

/**
 * An error a request handler throws to answer with a specific JSON-RPC error; `toJSON()` gives the
 * error object to send.
 */
export class RpcError extends Error {
  readonly code: number;
  readonly data: unknown;

  constructor(error: JSONRPCErrorError) {
    super(error.message);
    this.name = "RpcError";
    this.code = error.code;
    this.data = error.data;
  }

  toJSON(): JSONRPCErrorError {
    return errorObject(this.code, this.message, this.data);
  }
}
