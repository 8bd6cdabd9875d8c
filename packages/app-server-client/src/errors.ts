// Errors a client call can end with.
import type { JSONRPCErrorError } from "@codex-ts/app-server-protocol";

/** The server answered the request with a JSON-RPC error. */
export class AppServerRpcError extends Error {
  readonly code: number;
  readonly data: unknown;

  constructor(
    readonly method: string,
    error: JSONRPCErrorError,
  ) {
    super(error.message);
    this.name = "AppServerRpcError";
    this.code = error.code;
    this.data = error.data;
  }
}

/** No answer arrived within the request's timeout. */
export class AppServerTimeoutError extends Error {
  readonly code = "APP_SERVER_TIMEOUT";

  constructor(
    readonly method: string,
    readonly timeoutMs: number,
  ) {
    super(`${method} got no response within ${timeoutMs} ms`);
    this.name = "AppServerTimeoutError";
  }
}

/** The connection closed before the answer arrived (or the client was already closed). */
export class AppServerClosedError extends Error {
  readonly code = "APP_SERVER_CLOSED";

  constructor(message = "the app-server connection is closed") {
    super(message);
    this.name = "AppServerClosedError";
  }
}

/** The transport could not be opened; `status` and `body` are set when the server refused an upgrade. */
export class AppServerConnectError extends Error {
  readonly code = "APP_SERVER_CONNECT";

  constructor(
    message: string,
    readonly status?: number,
    readonly body?: string,
  ) {
    super(message);
    this.name = "AppServerConnectError";
  }
}
