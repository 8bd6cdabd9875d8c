import type {
  ClientRequestMethod,
  ClientRequestParams,
  ClientRequestResult,
  ServerNotificationMethod,
  ServerNotificationTypes,
} from "@codex-ts/app-server-protocol";

/** What a handler may know about, and do with, the connection a request came from. */
export interface ConnectionHandle {
  /** Unique per server process; stable for the connection's lifetime. */
  readonly id: string;
  /** Whether `initialize` opted in to experimental methods and fields. */
  readonly experimentalApi: boolean;
  /** `clientInfo` from `initialize`. */
  readonly clientInfo: { name: string; title?: string | null; version: string };
  /** Sends a notification to this connection only (dropped if it opted out of the method or has closed). */
  notify<M extends ServerNotificationMethod>(method: M, params: ServerNotificationTypes[M]): void;
  /**
   * Registers cleanup for when the connection closes (or the server shuts down): stop watches, terminate
   * processes, end sessions. Returns a function that unregisters it.
   */
  onClose(cleanup: () => void | Promise<void>): () => void;
  /**
   * Sends a request to this client (approvals and other server requests). Returns the request id and a promise
   * of the client's result, which rejects when the client answers with an error or the connection closes.
   */
  sendRequest(method: string, params: unknown): { id: string | number; result: Promise<unknown> };
  /** True once the connection has closed. */
  readonly closed: boolean;
}

/** Server-wide services shared by all handlers. */
export interface ServerServices {
  /** Canonical CODEX_HOME of this server. */
  readonly codexHome: string;
  /** `-c` overrides the server was started with; they apply to every config read. */
  readonly configOverrides: readonly string[];
  /** Environment the server runs with (tests substitute a clean one). */
  readonly env: NodeJS.ProcessEnv;
  /** Sends a notification to every initialized connection that did not opt out of it. */
  broadcast<M extends ServerNotificationMethod>(method: M, params: ServerNotificationTypes[M]): void;
}

/** Everything a request handler receives besides its params. */
export interface RequestContext {
  readonly connection: ConnectionHandle;
  readonly services: ServerServices;
  /** Aborted when the connection closes or the server shuts down before the handler finishes. */
  readonly signal: AbortSignal;
}

/**
 * A handler for one method. Params arrive already validated against the method's schema.
 * Throw `RpcError` (from @codex-ts/app-server-protocol) for protocol errors with a specific code; any other
 * thrown error becomes an internal error (-32603) with its message.
 */
export type RequestHandler<M extends ClientRequestMethod> = (
  params: ClientRequestParams<M>,
  context: RequestContext,
) => Promise<ClientRequestResult<M>>;

/** The handler table: one entry per implemented method (initialize is handled by the server itself). */
export type RequestHandlers = { [M in Exclude<ClientRequestMethod, "initialize">]?: RequestHandler<M> };
