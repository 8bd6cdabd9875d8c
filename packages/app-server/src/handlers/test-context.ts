// A small, real RequestContext for handler tests: records notifications, runs cleanups on close, and lets
// a test wait for a notification with a deadline.
import type { ServerNotificationMethod, ServerNotificationTypes } from "@codex-ts/app-server-protocol";
import type { ConnectionHandle, RequestContext, ServerServices } from "./context.js";

export interface RecordedNotification {
  method: ServerNotificationMethod;
  params: unknown;
}

let nextConnection = 1;

export class TestConnection implements ConnectionHandle {
  readonly id = `test-connection-${nextConnection++}`;
  readonly clientInfo = { name: "handler-tests", version: "1" };
  readonly notifications: RecordedNotification[] = [];
  private readonly cleanups = new Set<() => void | Promise<void>>();
  private readonly waiters = new Set<() => void>();
  private isClosed = false;
  private readonly controller = new AbortController();

  constructor(readonly experimentalApi = true) {}

  get closed(): boolean {
    return this.isClosed;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  notify<M extends ServerNotificationMethod>(method: M, params: ServerNotificationTypes[M]): void {
    if (this.isClosed) return;
    this.notifications.push({ method, params });
    for (const wake of [...this.waiters]) wake();
  }

  /** Server requests sent to this connection; a test answers them with `answer`. */
  readonly requests: Array<{ id: number; method: string; params: unknown; answer(result: unknown): void; fail(error: Error): void }> = [];

  sendRequest(method: string, params: unknown): { id: number; result: Promise<unknown> } {
    const id = this.requests.length;
    let answer!: (result: unknown) => void;
    let fail!: (error: Error) => void;
    const result = new Promise<unknown>((resolve, reject) => {
      answer = resolve;
      fail = reject;
    });
    result.catch(() => undefined);
    this.requests.push({ id, method, params, answer, fail });
    for (const wake of [...this.waiters]) wake();
    return { id, result };
  }

  onClose(cleanup: () => void | Promise<void>): () => void {
    this.cleanups.add(cleanup);
    return () => this.cleanups.delete(cleanup);
  }

  /** Closes the connection and waits for every registered cleanup. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    this.controller.abort();
    await Promise.all([...this.cleanups].map((cleanup) => cleanup()));
    this.cleanups.clear();
  }

  /** Notifications of one method, in arrival order. */
  received<M extends ServerNotificationMethod>(method: M): Array<ServerNotificationTypes[M]> {
    return this.notifications
      .filter((entry) => entry.method === method)
      .map((entry) => entry.params as ServerNotificationTypes[M]);
  }

  /**
   * Resolves with the first notification of `method` (after `skip` earlier ones) that satisfies `predicate`;
   * rejects when none arrives before the deadline.
   */
  waitFor<M extends ServerNotificationMethod>(
    method: M,
    predicate: (params: ServerNotificationTypes[M]) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<ServerNotificationTypes[M]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.received(method).find(predicate);
        if (found === undefined) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no ${method} notification matched within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      const wake = (): void => {
        check();
      };
      this.waiters.add(wake);
      check();
    });
  }
}

export function testContext(
  connection: TestConnection,
  services: Partial<ServerServices> & { codexHome: string },
): RequestContext {
  return {
    connection,
    services: {
      codexHome: services.codexHome,
      configOverrides: services.configOverrides ?? [],
      env: services.env ?? { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: services.codexHome },
      broadcast: services.broadcast ?? (() => undefined),
    },
    signal: connection.signal,
  };
}
