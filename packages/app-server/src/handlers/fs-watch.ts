// `fs/watch` and `fs/unwatch`: per-connection watches whose changes reach the watching connection as
// `fs/changed` notifications, coalesced over a short window.
import { ConnectionScoped } from "./connection-scoped.js";
import type { ConnectionHandle, RequestHandlers } from "./context.js";
import { PathWatcher } from "./path-watcher.js";
import { invalidRequest, requireAbsolutePath } from "./rpc-errors.js";

/** Changes seen within this window after the first one are sent together (as upstream). */
export const FS_CHANGED_DEBOUNCE_MS = 200;

/** One active watch: its watcher and the changes waiting to be sent. */
class Watch {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly watcher: PathWatcher;

  constructor(
    readonly watchId: string,
    target: string,
    private readonly connection: ConnectionHandle,
    private readonly debounceMs: number,
  ) {
    this.watcher = new PathWatcher(target, (paths) => this.record(paths));
  }

  private record(paths: string[]): void {
    for (const changed of paths) this.pending.add(changed);
    if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.debounceMs);
    }
  }

  private flush(): void {
    this.timer = undefined;
    const changedPaths = [...this.pending].sort();
    this.pending.clear();
    if (changedPaths.length > 0 && !this.connection.closed) {
      this.connection.notify("fs/changed", { watchId: this.watchId, changedPaths });
    }
  }

  /** Stops watching; nothing is sent for this watch afterwards. */
  close(): void {
    this.watcher.close();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}

type FsWatchHandlers = Pick<RequestHandlers, "fs/watch" | "fs/unwatch">;

export interface FsWatchOptions {
  /** Coalescing window; defaults to `FS_CHANGED_DEBOUNCE_MS`. */
  debounceMs?: number;
}

export function createFsWatchHandlers(options: FsWatchOptions = {}): FsWatchHandlers {
  const debounceMs = options.debounceMs ?? FS_CHANGED_DEBOUNCE_MS;
  const watches = new ConnectionScoped<Map<string, Watch>>(
    () => new Map(),
    (entries) => {
      for (const watch of entries.values()) watch.close();
      entries.clear();
    },
  );

  return {
    "fs/watch": async (params, context) => {
      const target = requireAbsolutePath(params.path);
      const entries = watches.get(context.connection);
      if (entries.has(params.watchId)) {
        throw invalidRequest(`watchId already exists: ${params.watchId}`);
      }
      entries.set(params.watchId, new Watch(params.watchId, target, context.connection, debounceMs));
      return { path: target };
    },

    "fs/unwatch": async (params, context) => {
      const entries = watches.peek(context.connection);
      const watch = entries?.get(params.watchId);
      if (watch !== undefined) {
        entries!.delete(params.watchId);
        watch.close();
      }
      return {};
    },
  };
}
