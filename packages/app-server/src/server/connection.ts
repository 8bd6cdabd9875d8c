// Per-connection state: initialization, client identity, experimental opt-in, notification opt-outs,
// cleanup callbacks, and correlation of the server's own requests to this client.
import {
  type JSONRPCErrorError,
  type RequestId,
  type ServerNotificationMethod,
  type ServerNotificationTypes,
  isExperimentalServerNotification,
  stripExperimentalNotificationParams,
} from "@codex-ts/app-server-protocol/envelope";
import type { ConnectionHandle } from "../handlers/context.js";
import type { Logger } from "../logging/logger.js";
import { type CloseReason, type ConnectionKind, type ConnectionSink, OutgoingFrame } from "./outgoing.js";

/** A server request that the client answered with an error. */
export class ClientRequestError extends Error {
  readonly code: number;
  readonly data: unknown;

  constructor(error: JSONRPCErrorError) {
    super(error.message);
    this.name = "ClientRequestError";
    this.code = error.code;
    this.data = error.data;
  }
}

/** Hooks the connection uses to reach the server that owns it. */
export interface ConnectionOwner {
  readonly logger: Logger;
  /** Called once when the connection closes, before its cleanups run. */
  connectionClosed(connection: Connection): void;
}

interface PendingServerRequest {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export class Connection implements ConnectionHandle {
  initialized = false;
  experimentalApi = false;
  clientInfo: { name: string; title?: string | null; version: string } = { name: "", version: "" };
  optedOutNotifications: ReadonlySet<string> = new Set();
  private isClosed = false;
  private closing: Promise<void> | undefined;
  private readonly abortController = new AbortController();
  private readonly cleanups = new Set<() => void | Promise<void>>();
  private readonly pendingServerRequests = new Map<RequestId, PendingServerRequest>();
  private nextServerRequestId = 0;

  constructor(
    readonly id: string,
    readonly kind: ConnectionKind,
    private readonly sink: ConnectionSink,
    private readonly owner: ConnectionOwner,
  ) {}

  get closed(): boolean {
    return this.isClosed;
  }

  /** Aborted when the connection closes (or the server shuts down). */
  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  /** Hands a frame to the transport; a transport past its outbound bound gets disconnected. */
  send(frame: OutgoingFrame): void {
    if (this.isClosed) return;
    const outcome = this.sink.send(frame);
    if (outcome === "overflow") {
      this.owner.logger.warn({ connectionId: this.id }, "disconnecting slow connection after outbound queue filled");
      void this.close("slow-consumer");
    } else if (outcome === "closed") {
      void this.close("peer-closed");
    }
  }

  /** Whether a notification with this method may go to this connection at all. */
  wantsNotification(method: string): boolean {
    if (this.isClosed || this.optedOutNotifications.has(method)) return false;
    return this.experimentalApi || !isExperimentalServerNotification(method);
  }

  notify<M extends ServerNotificationMethod>(method: M, params: ServerNotificationTypes[M]): void {
    if (!this.wantsNotification(method)) return;
    const shaped = this.experimentalApi ? params : stripExperimentalNotificationParams(method, params);
    this.send(new OutgoingFrame({ method, params: shaped as never, emittedAtMs: Date.now() }));
  }

  onClose(cleanup: () => void | Promise<void>): () => void {
    if (this.isClosed) {
      void Promise.resolve()
        .then(cleanup)
        .catch((error: unknown) => this.logCleanupError(error));
      return () => undefined;
    }
    this.cleanups.add(cleanup);
    return () => {
      this.cleanups.delete(cleanup);
    };
  }

  /** Sends a request to the client and resolves with its result (rejects with `ClientRequestError`). */
  request(method: string, params: unknown): Promise<unknown> {
    return this.sendRequest(method, params).result;
  }

  /** Sends a request to the client; returns its id and a promise of the client's answer. */
  sendRequest(method: string, params: unknown): { id: RequestId; result: Promise<unknown> } {
    const id = this.nextServerRequestId;
    if (this.isClosed) return { id, result: Promise.reject(new Error(`connection ${this.id} is closed`)) };
    this.nextServerRequestId += 1;
    const result = new Promise<unknown>((resolve, reject) => {
      this.pendingServerRequests.set(id, { resolve, reject });
      this.send(new OutgoingFrame({ id, method, params: params as never }));
    });
    return { id, result };
  }

  /** Routes the client's answer to one of the server's requests. */
  settleServerRequest(id: RequestId, outcome: { result: unknown } | { error: JSONRPCErrorError }): void {
    const pending = this.pendingServerRequests.get(id);
    if (pending === undefined) {
      this.owner.logger.warn({ connectionId: this.id, id }, "response to an unknown server request");
      return;
    }
    this.pendingServerRequests.delete(id);
    if ("error" in outcome) pending.reject(new ClientRequestError(outcome.error));
    else pending.resolve(outcome.result);
  }

  /**
   * Closes the connection once: aborts its handlers, fails its pending server requests, closes the transport
   * and runs every cleanup. Resolves when the cleanups have finished.
   */
  close(reason: CloseReason): Promise<void> {
    if (this.closing !== undefined) return this.closing;
    this.isClosed = true;
    this.owner.connectionClosed(this);
    this.abortController.abort(new Error(`connection ${this.id} closed (${reason})`));
    for (const pending of this.pendingServerRequests.values()) pending.reject(new Error(`connection ${this.id} closed`));
    this.pendingServerRequests.clear();
    this.sink.close(reason);
    const cleanups = [...this.cleanups];
    this.cleanups.clear();
    this.closing = Promise.allSettled(cleanups.map((cleanup) => Promise.resolve().then(cleanup))).then((results) => {
      for (const result of results) if (result.status === "rejected") this.logCleanupError(result.reason);
    });
    return this.closing;
  }

  private logCleanupError(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.owner.logger.warn({ connectionId: this.id, error: message }, "connection cleanup failed");
  }
}
