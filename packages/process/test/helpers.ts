import { processGroupMembers } from "@codex-ts/utils-process-group";
import type { ManagedProcess, OutputStream } from "../src/index.js";

/** Accumulates a process's output per stream as it arrives. */
export class OutputRecorder {
  readonly chunks: { stream: OutputStream; chunk: Buffer; capReached: boolean }[] = [];
  private waiters: { done: () => boolean; resolve: () => void }[] = [];

  constructor(child: ManagedProcess) {
    child.onOutput((stream, chunk, info) => {
      this.chunks.push({ stream, chunk: Buffer.from(chunk), capReached: info.capReached });
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.done()) return true;
        waiter.resolve();
        return false;
      });
    });
  }

  bytes(stream: OutputStream): Buffer {
    return Buffer.concat(this.chunks.filter((entry) => entry.stream === stream).map((entry) => entry.chunk));
  }

  text(stream: OutputStream): string {
    return this.bytes(stream).toString("utf8");
  }

  /** Resolves once `done()` holds after some chunk arrived; rejects after `timeoutMs` describing `what`. */
  waitUntil(done: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.text("stdout"))} on stdout`));
      }, timeoutMs);
      this.waiters.push({
        done,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Resolves once `stream` contains `text`. */
  waitFor(text: string, stream: OutputStream = "stdout", timeoutMs = 10_000): Promise<void> {
    return this.waitUntil(() => this.text(stream).includes(text), `${JSON.stringify(text)} on ${stream}`, timeoutMs);
  }
}

/** Processes of group `pgid` that are still running (zombies excluded). */
export function liveGroupMembers(pgid: number): number[] {
  return (processGroupMembers(pgid) ?? []).filter((member) => member.state !== "Z").map((member) => member.pid);
}

/** SIGKILLs whatever is left of the given groups; for cleanup after a failed assertion. */
export function killGroups(pgids: Iterable<number | undefined>): void {
  for (const pgid of pgids) {
    if (pgid === undefined) continue;
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
