import { processGroupMembers } from "@codex-ts/utils-process-group";
import type { ManagedProcess, OutputStream } from "../src/index.js";

/** Accumulates a process's output per stream as it arrives. */
export class OutputRecorder {
  readonly chunks: { stream: OutputStream; chunk: Buffer; capReached: boolean }[] = [];
  private waiters: { stream: OutputStream; text: string; resolve: () => void }[] = [];

  constructor(child: ManagedProcess) {
    child.onOutput((stream, chunk, info) => {
      this.chunks.push({ stream, chunk: Buffer.from(chunk), capReached: info.capReached });
      this.waiters = this.waiters.filter((waiter) => {
        if (!this.text(waiter.stream).includes(waiter.text)) return true;
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

  /** Resolves once `stream` contains `text`; rejects after `timeoutMs` with what arrived so far. */
  waitFor(text: string, stream: OutputStream = "stdout", timeoutMs = 10_000): Promise<void> {
    if (this.text(stream).includes(text)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`timed out waiting for ${JSON.stringify(text)} on ${stream}; got ${JSON.stringify(this.text(stream))}`));
      }, timeoutMs);
      this.waiters.push({
        stream,
        text,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
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
