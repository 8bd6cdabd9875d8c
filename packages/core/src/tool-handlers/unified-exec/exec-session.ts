import { performance } from "node:perf_hooks";
import { StringDecoder } from "node:string_decoder";
import { type ManagedProcess, type ProcessResult, exitStatusCode } from "@codex-ts/process";
import { UNIFIED_EXEC_OUTPUT_MAX_BYTES } from "./constants.js";
import { HeadTailBuffer } from "./head-tail-buffer.js";

/** What one call collected from a session. */
export interface CollectedOutput {
  bytes: Buffer;
  /** Whether the process had exited (and all its output was read) when collection stopped. */
  exited: boolean;
}

/** A running exec_command process, its unread output and the waiters for new output or exit. */
export class ExecSession {
  lastUsed = performance.now();
  private readonly pending = new HeadTailBuffer(UNIFIED_EXEC_OUTPUT_MAX_BYTES);
  private readonly waiters = new Set<() => void>();
  private result: ProcessResult | undefined;
  private failure: Error | undefined;
  private readonly removeListener: () => void;

  constructor(
    readonly id: number,
    readonly process: ManagedProcess,
    readonly command: readonly string[],
    readonly tty: boolean,
  ) {
    this.removeListener = process.onOutput((_stream, chunk) => {
      if (chunk.length === 0) return;
      this.pending.push(chunk);
      this.notify();
    });
    process.exited.then(
      (result) => {
        this.result = result;
        this.notify();
      },
      (error: unknown) => {
        this.failure = error instanceof Error ? error : new Error(String(error));
        this.notify();
      },
    );
  }

  /** True once the process has exited and all its output was delivered (or it failed to start). */
  get hasExited(): boolean {
    return this.result !== undefined || this.failure !== undefined;
  }

  /** Exit code (128 + signal number when killed by a signal); null while running. */
  get exitCode(): number | null {
    if (this.result) return exitStatusCode(this.result);
    return this.failure ? -1 : null;
  }

  get failureMessage(): string | undefined {
    return this.failure?.message;
  }

  /**
   * Collects output until `deadline` (a `performance.now()` time), returning early once the process has exited
   * and its output is drained, or when `signal` aborts. `onText` receives the text as it is collected.
   */
  async collectUntil(deadline: number, options: { signal?: AbortSignal; onText?: (text: string) => void }): Promise<CollectedOutput> {
    const collected = new HeadTailBuffer(UNIFIED_EXEC_OUTPUT_MAX_BYTES);
    const decoder = options.onText ? new StringDecoder("utf8") : undefined;
    const drain = () => {
      if (this.pending.size === 0) return;
      const bytes = this.pending.take();
      collected.push(bytes);
      const text = decoder?.write(bytes);
      if (text) options.onText?.(text);
    };
    for (;;) {
      drain();
      if (this.hasExited) break;
      const remaining = deadline - performance.now();
      if (remaining <= 0 || options.signal?.aborted) break;
      await this.waitForActivity(remaining, options.signal);
    }
    drain();
    const rest = decoder?.end();
    if (rest) options.onText?.(rest);
    return { bytes: collected.take(), exited: this.hasExited };
  }

  dispose(): void {
    this.removeListener();
    this.notify();
  }

  private waitForActivity(timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal?.addEventListener("abort", done, { once: true });
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
