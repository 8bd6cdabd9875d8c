// The typed client: request/response correlation by id, notification subscriptions, handlers for the
// server's own requests, per-request timeouts and cancellation, and close.
import {
  classifyIncomingMessage,
  type ClientRequestMethod,
  type ClientRequestParams,
  type ClientRequestResult,
  type InitializeParams,
  type InitializeResponse,
  internalError,
  type JSONRPCErrorError,
  methodNotFoundError,
  type RequestId,
  RpcError,
  type ServerNotificationMethod,
  type ServerNotificationTypes,
  type W3cTraceContext,
} from "@codex-ts/app-server-protocol";
import { AppServerClosedError, AppServerRpcError, AppServerTimeoutError } from "./errors.js";
import type { ClientTransport, TransportCloseInfo } from "./transport.js";

export interface AppServerClientOptions {
  /** Default timeout of every request in ms; 0 or absent waits forever. */
  requestTimeoutMs?: number;
}

export interface RequestOptions {
  /** Overrides the client's default timeout for this request. */
  timeoutMs?: number;
  /** Rejects the request (locally) when aborted. */
  signal?: AbortSignal;
  /** Uses this id instead of the next counter value. */
  id?: RequestId;
  /** W3C trace context sent with the request. */
  trace?: W3cTraceContext;
}

export interface AnyNotification {
  method: string;
  params: unknown;
}

/** A handler for one server→client request method; throw `RpcError` to answer with a specific error. */
export type ServerRequestHandler = (params: unknown, request: { id: RequestId; method: string }) => unknown;

interface Pending {
  method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
  cleanup(): void;
}

export class AppServerClient {
  private readonly pending = new Map<RequestId, Pending>();
  private readonly notificationListeners = new Map<string, Set<(params: unknown) => void>>();
  private readonly anyNotificationListeners = new Set<(notification: AnyNotification) => void>();
  private readonly errorListeners = new Set<(error: JSONRPCErrorError) => void>();
  private readonly serverRequestHandlers = new Map<string, ServerRequestHandler>();
  private readonly closeListeners = new Set<(info: TransportCloseInfo) => void>();
  private nextId = 0;
  private isClosed = false;
  private closeInfo: TransportCloseInfo | undefined;

  constructor(
    private readonly transport: ClientTransport,
    private readonly options: AppServerClientOptions = {},
  ) {
    transport.start({
      message: (value) => this.handleIncoming(value),
      malformed: (text) => this.emitError(internalError(`malformed message from server: ${text.slice(0, 200)}`)),
      close: (info) => this.handleClose(info),
    });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Sends `initialize`, then the `initialized` notification; resolves with the server's response. */
  async initialize(params: InitializeParams, options?: RequestOptions): Promise<InitializeResponse> {
    const response = await this.request("initialize", params, options);
    this.notify("initialized");
    return response;
  }

  /** A typed request; methods without params take `undefined`. */
  request<M extends ClientRequestMethod>(method: M, params: ClientRequestParams<M>, options?: RequestOptions): Promise<ClientRequestResult<M>> {
    return this.requestUntyped(method, params, options) as Promise<ClientRequestResult<M>>;
  }

  /** A request for any method name (including ones this client's types do not know). */
  requestUntyped(method: string, params?: unknown, options: RequestOptions = {}): Promise<unknown> {
    if (this.isClosed) return Promise.reject(new AppServerClosedError());
    const id = options.id ?? this.allocateId();
    if (this.pending.has(id)) return Promise.reject(new Error(`request id ${String(id)} is already in flight`));
    const timeoutMs = options.timeoutMs ?? this.options.requestTimeoutMs ?? 0;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const onAbort = (): void => {
        this.pending.get(id)?.cleanup();
        reject(options.signal?.reason instanceof Error ? options.signal.reason : new Error(`${method} was aborted`));
      };
      const entry: Pending = {
        method,
        resolve,
        reject,
        cleanup: () => {
          clearTimeout(timer);
          options.signal?.removeEventListener("abort", onAbort);
          this.pending.delete(id);
        },
      };
      if (options.signal?.aborted) return onAbort();
      this.pending.set(id, entry);
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          entry.cleanup();
          reject(new AppServerTimeoutError(method, timeoutMs));
        }, timeoutMs);
      }
      options.signal?.addEventListener("abort", onAbort, { once: true });
      const message: { id: RequestId; method: string; params?: never; trace?: W3cTraceContext } = { id, method };
      if (params !== undefined) message.params = params as never;
      if (options.trace !== undefined) message.trace = options.trace;
      this.transport.send(message);
    });
  }

  /** Sends a notification to the server. */
  notify(method: string, params?: unknown): void {
    if (this.isClosed) return;
    this.transport.send(params === undefined ? { method } : { method, params: params as never });
  }

  /** Sends one raw text frame (serialising transports only), e.g. to test how the server treats bad input. */
  sendText(text: string): void {
    if (this.transport.sendText === undefined) throw new Error("this transport does not carry raw text");
    this.transport.sendText(text);
  }

  onNotification<M extends ServerNotificationMethod>(method: M, listener: (params: ServerNotificationTypes[M]) => void): () => void;
  onNotification(method: string, listener: (params: unknown) => void): () => void;
  onNotification(method: string, listener: (params: never) => void): () => void {
    let listeners = this.notificationListeners.get(method);
    if (listeners === undefined) {
      listeners = new Set();
      this.notificationListeners.set(method, listeners);
    }
    const typed = listener as (params: unknown) => void;
    listeners.add(typed);
    return () => listeners.delete(typed);
  }

  /** Every notification, whatever its method. */
  onAnyNotification(listener: (notification: AnyNotification) => void): () => void {
    this.anyNotificationListeners.add(listener);
    return () => this.anyNotificationListeners.delete(listener);
  }

  /** Errors the server sent without a request id (answers to unparseable input). */
  onErrorMessage(listener: (error: JSONRPCErrorError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Handles one server→client request method; unhandled methods are answered with -32601. */
  onServerRequest(method: string, handler: ServerRequestHandler): () => void {
    this.serverRequestHandlers.set(method, handler);
    return () => {
      if (this.serverRequestHandlers.get(method) === handler) this.serverRequestHandlers.delete(method);
    };
  }

  /** Resolves with the params of the next notification of `method` that passes `predicate`. */
  waitForNotification<M extends ServerNotificationMethod>(
    method: M,
    options: { timeoutMs?: number; predicate?: (params: ServerNotificationTypes[M]) => boolean } = {},
  ): Promise<ServerNotificationTypes[M]> {
    return new Promise((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? this.options.requestTimeoutMs ?? 0;
      let timer: NodeJS.Timeout | undefined;
      const stop = this.onNotification(method, (params: ServerNotificationTypes[M]) => {
        if (options.predicate && !options.predicate(params)) return;
        stop();
        clearTimeout(timer);
        resolve(params);
      });
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          stop();
          reject(new AppServerTimeoutError(`notification ${method}`, timeoutMs));
        }, timeoutMs);
      }
    });
  }

  /** Called once when the connection closes, from either side. */
  onClose(listener: (info: TransportCloseInfo) => void): () => void {
    if (this.closeInfo !== undefined) {
      listener(this.closeInfo);
      return () => undefined;
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Closes the connection; pending requests fail with `AppServerClosedError`. */
  async close(): Promise<void> {
    if (!this.isClosed) await this.transport.close();
  }

  private allocateId(): number {
    while (this.pending.has(this.nextId)) this.nextId += 1;
    const id = this.nextId;
    this.nextId += 1;
    return id;
  }

  private handleIncoming(value: unknown): void {
    if (typeof value === "object" && value !== null && (value as { id?: unknown }).id === null && "error" in value) {
      const error = (value as { error: JSONRPCErrorError }).error;
      return this.emitError(error);
    }
    const incoming = classifyIncomingMessage(value);
    switch (incoming.kind) {
      case "response":
      case "error": {
        const entry = this.pending.get(incoming.message.id);
        if (entry === undefined) return;
        entry.cleanup();
        if (incoming.kind === "response") entry.resolve(incoming.message.result);
        else entry.reject(new AppServerRpcError(entry.method, incoming.message.error));
        return;
      }
      case "notification": {
        const params = incoming.message.params;
        for (const listener of [...(this.notificationListeners.get(incoming.message.method) ?? [])]) listener(params);
        for (const listener of [...this.anyNotificationListeners]) listener({ method: incoming.message.method, params });
        return;
      }
      case "request":
        void this.answerServerRequest(incoming.message.id, incoming.message.method, incoming.message.params);
        return;
      case "invalid":
        this.emitError(incoming.error);
        return;
    }
  }

  private async answerServerRequest(id: RequestId, method: string, params: unknown): Promise<void> {
    const handler = this.serverRequestHandlers.get(method);
    if (handler === undefined) {
      this.transport.send({ id, error: methodNotFoundError(`no handler for server request ${method}`) });
      return;
    }
    try {
      const result = await handler(params, { id, method });
      if (!this.isClosed) this.transport.send({ id, result: (result ?? null) as never });
    } catch (error) {
      const body = error instanceof RpcError ? error.toJSON() : internalError(error instanceof Error ? error.message : String(error));
      if (!this.isClosed) this.transport.send({ id, error: body });
    }
  }

  private emitError(error: JSONRPCErrorError): void {
    for (const listener of [...this.errorListeners]) listener(error);
  }

  private handleClose(info: TransportCloseInfo): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.closeInfo = info;
    for (const entry of [...this.pending.values()]) {
      entry.cleanup();
      entry.reject(new AppServerClosedError(`the app-server connection closed before ${entry.method} was answered`));
    }
    for (const listener of [...this.closeListeners]) listener(info);
    this.closeListeners.clear();
  }
}
