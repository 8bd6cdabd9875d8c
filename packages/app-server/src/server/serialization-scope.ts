// Request ordering: requests that touch the same state (one thread, one process, the config files, ...) run
// one after another in arrival order; everything else runs concurrently. Reads of the config share access
// with each other and wait for writes.

export type ScopeAccess = "exclusive" | "shared";

export interface SerializationScope {
  key: string;
  access: ScopeAccess;
}

function stringField(params: unknown, field: string): string | undefined {
  if (typeof params !== "object" || params === null) return undefined;
  const value = (params as Record<string, unknown>)[field];
  return typeof value === "string" ? value : undefined;
}

const CONFIG_WRITES = new Set(["config/value/write", "config/batchWrite", "skills/config/write", "hooks/list"]);
const CONFIG_READS = new Set(["config/read", "configRequirements/read", "skills/list"]);
/** Methods whose state belongs to the connection (`processId`, `watchId`), so the key includes it. */
const CONNECTION_SCOPED: Record<string, string> = {
  "command/exec/write": "processId",
  "command/exec/terminate": "processId",
  "command/exec/resize": "processId",
  "process/writeStdin": "processHandle",
  "process/kill": "processHandle",
  "process/resizePty": "processHandle",
  "fs/watch": "watchId",
  "fs/unwatch": "watchId",
};
/** Thread methods that only read stored data and may run alongside the thread's other requests. */
const CONCURRENT_THREAD_METHODS = new Set(["thread/list", "thread/loaded/list", "thread/turns/list", "thread/turns/items/list"]);

/**
 * The scope a request runs in, or undefined when it may run concurrently with anything. `command/exec`
 * itself is not serialised: its response waits for the process to exit, and `command/exec/write` must be
 * able to reach the process meanwhile.
 */
export function serializationScopeOf(method: string, params: unknown, connectionId: string): SerializationScope | undefined {
  if (CONFIG_WRITES.has(method)) return { key: "global:config", access: "exclusive" };
  if (CONFIG_READS.has(method)) return { key: "global:config", access: "shared" };
  const connectionField = CONNECTION_SCOPED[method];
  if (connectionField !== undefined) {
    const id = stringField(params, connectionField);
    return id === undefined ? undefined : { key: `${connectionField}:${connectionId}:${id}`, access: "exclusive" };
  }
  if (method.startsWith("fuzzyFileSearch/session")) {
    const id = stringField(params, "sessionId");
    return id === undefined ? undefined : { key: `fuzzy:${id}`, access: "exclusive" };
  }
  if (method.startsWith("account/login") || method === "account/logout") return { key: "global:account-auth", access: "exclusive" };
  if ((method.startsWith("thread/") || method.startsWith("turn/")) && !CONCURRENT_THREAD_METHODS.has(method)) {
    const threadId = stringField(params, "threadId");
    return threadId === undefined ? undefined : { key: `thread:${threadId}`, access: "exclusive" };
  }
  return undefined;
}

interface Waiter {
  access: ScopeAccess;
  start: () => void;
}

interface ScopeState {
  running: number;
  exclusive: boolean;
  waiters: Waiter[];
}

/** Runs tasks in their scopes: FIFO per key, shared tasks together, exclusive tasks alone. */
export class ScopeQueue {
  private readonly scopes = new Map<string, ScopeState>();

  /** Number of keys with running or waiting tasks (for tests and diagnostics). */
  get activeKeys(): number {
    return this.scopes.size;
  }

  run<T>(scope: SerializationScope | undefined, task: () => Promise<T>): Promise<T> {
    if (scope === undefined) return task();
    let state = this.scopes.get(scope.key);
    if (state === undefined) {
      state = { running: 0, exclusive: false, waiters: [] };
      this.scopes.set(scope.key, state);
    }
    const current = state;
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        current.running += 1;
        if (scope.access === "exclusive") current.exclusive = true;
        task()
          .then(resolve, reject)
          .finally(() => {
            current.running -= 1;
            if (scope.access === "exclusive") current.exclusive = false;
            this.pump(scope.key, current);
          });
      };
      current.waiters.push({ access: scope.access, start });
      this.pump(scope.key, current);
    });
  }

  private pump(key: string, state: ScopeState): void {
    while (state.waiters.length > 0 && !state.exclusive) {
      const next = state.waiters[0] as Waiter;
      if (next.access === "exclusive" && state.running > 0) break;
      state.waiters.shift();
      next.start();
    }
    if (state.running === 0 && state.waiters.length === 0) this.scopes.delete(key);
  }
}
