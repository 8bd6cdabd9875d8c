// The message processor: connections from any transport, the handshake, dispatch, broadcasts and shutdown.
// It knows nothing about framing; transports feed it text or already-parsed values, and in-process clients
// exchange plain objects with it, never serialised.
import {
  classifyIncomingMessage,
  type JSONRPCErrorError,
  type OutgoingMessage,
  parseIncomingMessage,
  type ServerNotificationMethod,
  type ServerNotificationTypes,
  stripExperimentalNotificationParams,
} from "@codex-ts/app-server-protocol/envelope";
import type { RequestHandlers, ServerServices } from "../handlers/context.js";
import { type Logger, silentLogger } from "../logging/logger.js";
import { Connection, type ConnectionOwner } from "./connection.js";
import { type HandlerSource, RequestDispatcher } from "./dispatcher.js";
import type { ConfigWarningsSource } from "./initialize.js";
import { type CloseReason, type ConnectionKind, type ConnectionSink, OutgoingFrame } from "./outgoing.js";

/** Version reported in the user agent when the caller does not give one. */
export const DEFAULT_SERVER_VERSION = "0.1.0";
/** Default bound of requests accepted and not yet answered, server-wide. */
export const DEFAULT_MAX_PENDING_REQUESTS = 1024;
/** Default time shutdown waits for in-flight requests before failing them. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 5000;

export interface AppServerOptions {
  /** Canonical CODEX_HOME. */
  codexHome: string;
  /** `-c key=value` overrides for every config read. */
  configOverrides?: readonly string[];
  /** Environment handlers see; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * The handler table, or a loader resolving to one (called on the first request that needs a handler).
   * Default: the package's own handlers (`createRequestHandlers`), loaded on first use.
   */
  handlers?: HandlerSource;
  /** Version in the `initialize` user agent. */
  serverVersion?: string;
  /** Bound of the inbound request queue; requests beyond it get -32001. */
  maxPendingRequests?: number;
  /** `source` recorded for threads this server starts (`vscode` by default, `exec` for `codex exec`). */
  sessionSource?: string;
  /** Config warnings sent to each connection after its `initialize` response. */
  configWarnings?: ConfigWarningsSource;
  logger?: Logger;
}

/** A connection as its transport sees it. */
export interface ServerConnection {
  readonly id: string;
  readonly closed: boolean;
  /** Feeds one frame of text (a JSONL line or a WebSocket text message). */
  receiveText(text: string): void;
  /** Feeds one already-parsed message (in-process clients). */
  receiveMessage(message: unknown): void;
  /** Answers a frame the transport could not read (too large) with `error`, in order with the others. */
  rejectFrame(error: JSONRPCErrorError): void;
  /** The transport went away: closes the connection and runs its cleanups. */
  close(): Promise<void>;
}

export interface InProcessConnectionOptions {
  /** Receives every message for this connection, as the object the server built (do not mutate it). */
  onMessage(message: OutgoingMessage): void;
  /** Called once when the server closes the connection (shutdown). */
  onClose?(reason: CloseReason): void;
}

export interface AppServer {
  readonly codexHome: string;
  readonly services: ServerServices;
  readonly logger: Logger;
  readonly connectionCount: number;
  /** Requests accepted and not yet answered. */
  readonly pendingRequests: number;
  /** True once shutdown has started. */
  readonly draining: boolean;
  /** Registers a connection whose outgoing messages go to `sink`. */
  openConnection(kind: ConnectionKind, sink: ConnectionSink): ServerConnection;
  /** A connection for a client in this process: messages travel as objects, never serialised. */
  connectInProcess(options: InProcessConnectionOptions): ServerConnection;
  /** Sends a notification to every initialized connection that did not opt out of it. */
  broadcast<M extends ServerNotificationMethod>(method: M, params: ServerNotificationTypes[M]): void;
  /** Sends a request to one client and resolves with its result. */
  sendRequest(connectionId: string, method: string, params: unknown): Promise<unknown>;
  /**
   * Stops taking requests (new ones get the draining error), waits up to `graceMs` for in-flight requests,
   * fails the rest, then closes every connection and runs its cleanups. Idempotent.
   */
  shutdown(options?: { graceMs?: number }): Promise<void>;
}

async function loadDefaultHandlers(
  options: AppServerOptions,
  env: NodeJS.ProcessEnv,
  onShutdown: (hook: () => Promise<void>) => void,
): Promise<RequestHandlers> {
  const { createRequestHandlers } = await import("../handlers/index.js");
  return createRequestHandlers({
    codexHome: options.codexHome,
    configOverrides: options.configOverrides ?? [],
    env,
    serverVersion: options.serverVersion ?? DEFAULT_SERVER_VERSION,
    sessionSource: options.sessionSource ?? "vscode",
    ...(options.logger ? { logger: options.logger } : {}),
    onShutdown,
  });
}

export function createAppServer(options: AppServerOptions): AppServer {
  return new AppServerImpl(options);
}

class AppServerImpl implements AppServer, ConnectionOwner {
  readonly codexHome: string;
  readonly services: ServerServices;
  readonly logger: Logger;
  private readonly connections = new Map<string, Connection>();
  private readonly dispatcher: RequestDispatcher;
  private nextConnectionId = 1;
  private shutdownPromise: Promise<void> | undefined;
  private readonly shutdownHooks: Array<() => Promise<void>> = [];

  constructor(options: AppServerOptions) {
    const env = options.env ?? process.env;
    this.codexHome = options.codexHome;
    this.logger = options.logger ?? silentLogger;
    this.services = {
      codexHome: options.codexHome,
      configOverrides: options.configOverrides ?? [],
      env,
      broadcast: (method, params) => this.broadcast(method, params),
    };
    this.dispatcher = new RequestDispatcher({
      handlers: options.handlers ?? (() => loadDefaultHandlers(options, env, (hook) => this.shutdownHooks.push(hook))),
      services: this.services,
      logger: this.logger,
      maxPendingRequests: options.maxPendingRequests ?? DEFAULT_MAX_PENDING_REQUESTS,
      codexHome: options.codexHome,
      serverVersion: options.serverVersion ?? DEFAULT_SERVER_VERSION,
      env,
      ...(options.configWarnings ? { configWarnings: options.configWarnings } : {}),
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  get pendingRequests(): number {
    return this.dispatcher.pendingRequests;
  }

  get draining(): boolean {
    return this.dispatcher.draining;
  }

  openConnection(kind: ConnectionKind, sink: ConnectionSink): ServerConnection {
    const connection = new Connection(String(this.nextConnectionId), kind, sink, this);
    this.nextConnectionId += 1;
    this.connections.set(connection.id, connection);
    if (this.logger.enabled("debug")) this.logger.debug({ connectionId: connection.id, transport: kind }, "connection opened");
    const dispatcher = this.dispatcher;
    return {
      id: connection.id,
      get closed() {
        return connection.closed;
      },
      receiveText: (text) => {
        if (!connection.closed) dispatcher.handleIncoming(connection, parseIncomingMessage(text));
      },
      receiveMessage: (message) => {
        if (!connection.closed) dispatcher.handleIncoming(connection, classifyIncomingMessage(message));
      },
      rejectFrame: (error) => {
        if (!connection.closed) dispatcher.handleIncoming(connection, { kind: "invalid", id: null, error });
      },
      close: () => connection.close("peer-closed"),
    };
  }

  connectInProcess(options: InProcessConnectionOptions): ServerConnection {
    let open = true;
    return this.openConnection("in-process", {
      send: (frame) => {
        if (!open) return "closed";
        options.onMessage(frame.message);
        return "sent";
      },
      close: (reason) => {
        open = false;
        options.onClose?.(reason);
      },
    });
  }

  broadcast<M extends ServerNotificationMethod>(method: M, params: ServerNotificationTypes[M]): void {
    let full: OutgoingFrame | undefined;
    let stripped: OutgoingFrame | undefined;
    const emittedAtMs = Date.now();
    for (const connection of this.connections.values()) {
      if (!connection.initialized || !connection.wantsNotification(method)) continue;
      if (connection.experimentalApi) {
        full ??= new OutgoingFrame({ method, params: params as never, emittedAtMs });
        connection.send(full);
      } else {
        stripped ??= new OutgoingFrame({ method, params: stripExperimentalNotificationParams(method, params) as never, emittedAtMs });
        connection.send(stripped);
      }
    }
  }

  sendRequest(connectionId: string, method: string, params: unknown): Promise<unknown> {
    const connection = this.connections.get(connectionId);
    if (connection === undefined) return Promise.reject(new Error(`no open connection ${connectionId}`));
    return connection.request(method, params);
  }

  connectionClosed(connection: Connection): void {
    this.connections.delete(connection.id);
    this.dispatcher.dropConnection(connection);
    if (this.logger.enabled("debug")) this.logger.debug({ connectionId: connection.id }, "connection closed");
  }

  shutdown(options: { graceMs?: number } = {}): Promise<void> {
    this.shutdownPromise ??= this.drainAndClose(options.graceMs ?? DEFAULT_SHUTDOWN_GRACE_MS);
    return this.shutdownPromise;
  }

  private async drainAndClose(graceMs: number): Promise<void> {
    this.dispatcher.draining = true;
    if (this.dispatcher.pendingRequests > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.dispatcher.whenIdle(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(timer);
      this.dispatcher.failInFlight();
    }
    await Promise.all([...this.connections.values()].map((connection) => connection.close("shutdown")));
    await Promise.all(this.shutdownHooks.map((hook) => hook().catch(() => undefined)));
  }
}
