import { ProcessError } from "./errors.js";
import type { ManagedProcess } from "./managed-process.js";
import type { ProcessResult, StartProcessOptions } from "./options.js";
import { startProcess } from "./start-process.js";

/**
 * Running processes keyed by caller-chosen ids (for example the app-server's connection-scoped `processId`), so
 * later requests can write to, resize or terminate them. An id is taken from `start` until the process has
 * exited (or failed to start) and is then free again. Use one registry per scope (per connection).
 */
export class ProcessRegistry {
  private readonly processes = new Map<string, ManagedProcess>();

  /** Starts a process under `id`. Throws `PROCESS_ID_IN_USE` when `id` names a running process. */
  start(id: string, options: StartProcessOptions): ManagedProcess {
    this.reserve(id);
    const child = startProcess(options);
    this.track(id, child);
    return child;
  }

  /** Tracks a process started elsewhere under `id`. Throws `PROCESS_ID_IN_USE` when `id` is taken. */
  add(id: string, child: ManagedProcess): void {
    this.reserve(id);
    this.track(id, child);
  }

  get(id: string): ManagedProcess | undefined {
    return this.processes.get(id);
  }

  has(id: string): boolean {
    return this.processes.has(id);
  }

  /** The process under `id`; throws `PROCESS_NOT_FOUND` when there is none (never started, or already exited). */
  require(id: string): ManagedProcess {
    const child = this.processes.get(id);
    if (child === undefined) {
      throw new ProcessError("PROCESS_NOT_FOUND", `No running process has id ${JSON.stringify(id)}; it may have exited already.`);
    }
    return child;
  }

  ids(): string[] {
    return [...this.processes.keys()];
  }

  get size(): number {
    return this.processes.size;
  }

  write(id: string, data: Buffer | Uint8Array | string): Promise<void> {
    try {
      return this.require(id).write(data);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  closeStdin(id: string): void {
    this.require(id).closeStdin();
  }

  resize(id: string, cols: number, rows: number): void {
    this.require(id).resize(cols, rows);
  }

  /** Kills the process tree under `id`; resolves with its result (and rejects with `PROCESS_NOT_FOUND`). */
  terminate(id: string, options?: { graceMs?: number }): Promise<ProcessResult> {
    try {
      return this.require(id).terminate(options);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Kills every tracked process tree (for shutdown or a closed connection) and waits until all have exited. */
  async terminateAll(options?: { graceMs?: number }): Promise<void> {
    const all = [...this.processes.values()];
    await Promise.allSettled(all.map((child) => child.terminate(options)));
  }

  private reserve(id: string): void {
    if (this.processes.has(id)) {
      throw new ProcessError("PROCESS_ID_IN_USE", `Process id ${JSON.stringify(id)} is already in use by a running process; choose another id.`);
    }
  }

  private track(id: string, child: ManagedProcess): void {
    this.processes.set(id, child);
    const release = (): void => {
      if (this.processes.get(id) === child) this.processes.delete(id);
    };
    child.exited.then(release, release);
  }
}
