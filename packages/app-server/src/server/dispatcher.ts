// Handling what a client sends: the initialize handshake, request validation and gating, dispatch to the
// handler table in the request's serialization scope, and routing of answers to the server's own requests.
import type { DecodeResult, DecodedClientRequest } from "@codex-ts/app-server-protocol";
import {
  alreadyInitializedError,
  type ConfigWarningNotification,
  experimentalApiRequiredError,
  experimentalReason,
  type IncomingMessage,
  internalError,
  invalidClientNameError,
  type JSONRPCErrorError,
  type JSONRPCRequest,
  methodNotFoundError,
  notInitializedError,
  plainInitializeParams,
  type RequestId,
  RpcError,
  serverDrainingError,
  serverOverloadedError,
  stripExperimentalResult,
} from "@codex-ts/app-server-protocol/envelope";
import type { RequestContext, RequestHandler, RequestHandlers, ServerServices } from "../handlers/context.js";
import type { Logger } from "../logging/logger.js";
import { newSpan, type SpanContext } from "../logging/trace-context.js";
import type { Connection } from "./connection.js";
import { buildInitializeResponse, type InitializeSettings, readInitializeParams } from "./initialize.js";
import { OutgoingFrame } from "./outgoing.js";
import { ScopeQueue, serializationScopeOf } from "./serialization-scope.js";

/** The validating decoders of the protocol package, loaded on the first message that needs them. */
type Decoders = Pick<typeof import("@codex-ts/app-server-protocol"), "decodeClientRequest" | "decodeClientNotification">;

/** A handler table, or a loader for one (called once, on the first request that needs a handler). */
export type HandlerSource = RequestHandlers | (() => Promise<RequestHandlers>);

export interface DispatcherOptions extends InitializeSettings {
  handlers: HandlerSource;
  services: ServerServices;
  logger: Logger;
  /** Requests accepted but not answered yet, server-wide, beyond which new requests get -32001. */
  maxPendingRequests: number;
}

class InFlightRequest {
  answered = false;

  constructor(
    readonly connection: Connection,
    readonly id: RequestId,
    readonly method: string,
    readonly startedAt: number,
    readonly span: SpanContext | undefined,
  ) {}
}

function errorOf(error: unknown): JSONRPCErrorError {
  if (error instanceof RpcError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return internalError(message);
}

export class RequestDispatcher {
  /** When set, new requests are refused with the draining error. */
  draining = false;
  private readonly inFlight = new Set<InFlightRequest>();
  private readonly scopes = new ScopeQueue();
  private idleWaiters: Array<() => void> = [];
  private table: RequestHandlers | undefined;
  private loading: Promise<RequestHandlers> | undefined;
  private decoders: Decoders | undefined;
  private decodersLoading: Promise<void> | undefined;
  /** Messages received while the decoders load, handled in arrival order once they have. */
  private backlog: Array<{ connection: Connection; incoming: IncomingMessage; draining: boolean }> = [];

  constructor(private readonly options: DispatcherOptions) {
    if (typeof options.handlers !== "function") this.table = options.handlers;
  }

  /** The handler table, loading it on first use. */
  handlerTable(): RequestHandlers | Promise<RequestHandlers> {
    if (this.table !== undefined) return this.table;
    const load = this.options.handlers as () => Promise<RequestHandlers>;
    this.loading ??= load().then(
      (table) => (this.table = table),
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /** Requests accepted and not yet answered, including those waiting for the decoders. */
  get pendingRequests(): number {
    return this.inFlight.size + this.backlogRequests;
  }

  /**
   * Handles one classified incoming message from `connection`. A plainly valid `initialize` is answered
   * without the validators; a message that needs them waits (with every later one) until they are loaded.
   */
  handleIncoming(connection: Connection, incoming: IncomingMessage): void {
    if (this.decoders === undefined && (this.backlog.length > 0 || this.needsDecoders(incoming))) {
      this.backlog.push({ connection, incoming, draining: this.draining });
      this.loadDecoders();
      return;
    }
    this.handleDecodable(connection, incoming, this.draining);
  }

  private needsDecoders(incoming: IncomingMessage): boolean {
    if (incoming.kind === "notification") return true;
    if (incoming.kind !== "request") return false;
    return incoming.message.method !== "initialize" || plainInitializeParams(incoming.message.params) === undefined;
  }

  private loadDecoders(): void {
    this.decodersLoading ??= import("@codex-ts/app-server-protocol").then(
      ({ decodeClientRequest, decodeClientNotification }) => {
        this.decoders = { decodeClientRequest, decodeClientNotification };
        this.drainBacklog();
      },
      (error: unknown) => {
        this.decodersLoading = undefined;
        const message = `failed to load the protocol validators: ${error instanceof Error ? error.message : String(error)}`;
        this.options.logger.error({ error: message }, "protocol validators unavailable");
        const backlog = this.backlog;
        this.backlog = [];
        for (const { connection, incoming } of backlog) {
          if (incoming.kind === "request") this.reply(connection, incoming.message.id, { error: internalError(message) });
        }
        if (this.inFlight.size === 0) this.wakeIdleWaiters();
      },
    );
  }

  private drainBacklog(): void {
    const backlog = this.backlog;
    this.backlog = [];
    for (const { connection, incoming, draining } of backlog) {
      if (!connection.closed) this.handleDecodable(connection, incoming, draining);
    }
    if (this.inFlight.size === 0) this.wakeIdleWaiters();
  }

  /** Requests waiting for the decoders. */
  private get backlogRequests(): number {
    let count = 0;
    for (const { incoming } of this.backlog) if (incoming.kind === "request") count += 1;
    return count;
  }

  private decodeRequest(request: JSONRPCRequest): DecodeResult<DecodedClientRequest> {
    if (this.decoders !== undefined) return this.decoders.decodeClientRequest(request);
    // Only reached for an `initialize` whose params `needsDecoders` found plainly valid.
    const params = plainInitializeParams(request.params);
    if (params === undefined) throw new Error("initialize params need the protocol validators");
    const value: DecodedClientRequest = { id: request.id, method: "initialize", params };
    if (request.trace !== undefined) value.trace = request.trace;
    return { ok: true, value };
  }

  private handleDecodable(connection: Connection, incoming: IncomingMessage, draining: boolean): void {
    switch (incoming.kind) {
      case "request":
        this.handleRequest(connection, incoming.message, draining);
        return;
      case "notification": {
        const decoded = (this.decoders as Decoders).decodeClientNotification(incoming.message);
        if (!decoded.ok) this.options.logger.warn({ connectionId: connection.id, method: incoming.message.method }, "ignoring unknown client notification");
        else if (this.options.logger.enabled("debug")) this.options.logger.debug({ connectionId: connection.id, method: decoded.value.method }, "client notification");
        return;
      }
      case "response":
        connection.settleServerRequest(incoming.message.id, { result: incoming.message.result });
        return;
      case "error":
        connection.settleServerRequest(incoming.message.id, { error: incoming.message.error });
        return;
      case "invalid":
        this.options.logger.warn({ connectionId: connection.id, error: incoming.error.message }, "invalid message");
        this.reply(connection, incoming.id, { error: incoming.error });
        return;
    }
  }

  private handleRequest(connection: Connection, request: JSONRPCRequest, draining: boolean): void {
    if (draining) return this.reply(connection, request.id, { error: serverDrainingError() });
    if (this.inFlight.size >= this.options.maxPendingRequests) {
      this.options.logger.warn({ connectionId: connection.id, method: request.method }, "request queue full; answering overloaded");
      return this.reply(connection, request.id, { error: serverOverloadedError() });
    }
    const decoded = this.decodeRequest(request);
    if (!decoded.ok) return this.reply(connection, request.id, { error: decoded.error });
    const { method, params } = decoded.value;
    if (method === "initialize") return this.initialize(connection, request.id, params);
    if (!connection.initialized) return this.reply(connection, request.id, { error: notInitializedError() });
    const reason = experimentalReason(method, params);
    if (reason !== undefined && !connection.experimentalApi) {
      return this.reply(connection, request.id, { error: experimentalApiRequiredError(reason) });
    }

    const logger = this.options.logger;
    const span = logger.enabled("debug") ? newSpan(request.trace, this.options.env) : undefined;
    const entry = new InFlightRequest(connection, request.id, method, span ? performance.now() : 0, span);
    this.inFlight.add(entry);
    if (span) logger.debug(this.spanFields(entry), "request started");
    const context: RequestContext = { connection, services: this.options.services, signal: connection.signal };
    const run = async (): Promise<unknown> => {
      const table = this.table ?? (await this.handlerTable());
      const handler = table[method] as RequestHandler<typeof method> | undefined;
      if (handler === undefined) throw new RpcError(methodNotFoundError(`${method} is not supported yet`));
      return handler(params as never, context);
    };
    this.scopes
      .run(serializationScopeOf(method, params, connection.id), run)
      .then(
        (result) => this.finish(entry, result === undefined ? { error: internalError(`${method} produced no result`) } : { result }),
        (error: unknown) => this.finish(entry, { error: errorOf(error) }),
      );
  }

  private initialize(connection: Connection, id: RequestId, rawParams: unknown): void {
    if (connection.initialized) return this.reply(connection, id, { error: alreadyInitializedError() });
    const params = readInitializeParams(rawParams);
    if (params === undefined) return this.reply(connection, id, { error: invalidClientNameError(String((rawParams as { clientInfo?: { name?: unknown } }).clientInfo?.name)) });
    connection.clientInfo = params.clientInfo;
    connection.experimentalApi = params.experimentalApi;
    connection.optedOutNotifications = params.optOut;
    this.reply(connection, id, { result: buildInitializeResponse(this.options, params.clientInfo) });
    connection.initialized = true;
    this.options.logger.info(
      {
        connectionId: connection.id,
        transport: connection.kind,
        clientName: params.clientInfo.name,
        clientVersion: params.clientInfo.version,
        experimentalApi: params.experimentalApi,
      },
      "client initialized",
    );
    const warnings = this.configWarnings();
    if (warnings === undefined) return;
    if (!("then" in warnings)) {
      for (const warning of warnings) connection.notify("configWarning", warning);
      return;
    }
    warnings.then(
      (list) => {
        for (const warning of list) connection.notify("configWarning", warning);
      },
      () => undefined,
    );
  }

  private warningsLoading: Promise<readonly ConfigWarningNotification[]> | undefined;

  /** The configured warnings; a loader is started on first use (after the first initialize response). */
  private configWarnings(): readonly ConfigWarningNotification[] | Promise<readonly ConfigWarningNotification[]> | undefined {
    const source = this.options.configWarnings;
    if (typeof source !== "function") return source;
    this.warningsLoading ??= source();
    return this.warningsLoading;
  }

  private finish(entry: InFlightRequest, outcome: { result: unknown } | { error: JSONRPCErrorError }): void {
    if (entry.answered) return;
    entry.answered = true;
    this.inFlight.delete(entry);
    const { connection } = entry;
    if ("result" in outcome) {
      const result = connection.experimentalApi ? outcome.result : stripExperimentalResult(entry.method, outcome.result);
      this.reply(connection, entry.id, { result });
    } else {
      if (outcome.error.code === -32603 && !connection.closed) {
        this.options.logger.error({ ...this.spanFields(entry), error: outcome.error.message }, "request failed");
      }
      this.reply(connection, entry.id, outcome);
    }
    if (entry.span) {
      const durationMs = Math.round((performance.now() - entry.startedAt) * 1000) / 1000;
      this.options.logger.debug({ ...this.spanFields(entry), durationMs, ok: "result" in outcome }, "request finished");
    }
    if (this.inFlight.size === 0) this.wakeIdleWaiters();
  }

  private spanFields(entry: InFlightRequest): Record<string, unknown> {
    const { connection, span } = entry;
    return {
      method: entry.method,
      requestId: entry.id,
      connectionId: connection.id,
      clientName: connection.clientInfo.name,
      clientVersion: connection.clientInfo.version,
      ...(span ? { traceId: span.traceId, spanId: span.spanId } : {}),
      ...(span?.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
      ...(span?.traceState ? { traceState: span.traceState } : {}),
    };
  }

  private reply(connection: Connection, id: RequestId | null, outcome: { result: unknown } | { error: JSONRPCErrorError }): void {
    const message = "result" in outcome ? { id, result: outcome.result } : { id, error: outcome.error };
    connection.send(new OutgoingFrame(message as never));
  }

  /** Resolves when no request is in flight. */
  whenIdle(): Promise<void> {
    if (this.inFlight.size === 0 && this.backlog.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Answers every request still in flight with the draining error (their handlers keep running unobserved). */
  failInFlight(): void {
    for (const entry of [...this.inFlight]) this.finish(entry, { error: serverDrainingError() });
    const backlog = this.backlog;
    this.backlog = [];
    for (const { connection, incoming } of backlog) {
      if (incoming.kind === "request") this.reply(connection, incoming.message.id, { error: serverDrainingError() });
    }
  }

  /** Forgets the requests of a closed connection, so they no longer count against the queue bound. */
  dropConnection(connection: Connection): void {
    for (const entry of this.inFlight) {
      if (entry.connection !== connection) continue;
      entry.answered = true;
      this.inFlight.delete(entry);
    }
    if (this.inFlight.size === 0) this.wakeIdleWaiters();
  }

  private wakeIdleWaiters(): void {
    if (this.backlog.length > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}
