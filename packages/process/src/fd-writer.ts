import { write } from "node:fs";
import { errnoOf, ProcessError } from "./errors.js";

interface PendingWrite {
  data: Buffer;
  offset: number;
  resolve(): void;
  reject(error: unknown): void;
}

const MAX_RETRY_DELAY_MS = 20;

/**
 * Writes buffers in order to a non-blocking file descriptor (a PTY master), retrying with a short growing delay
 * while the kernel's input queue is full (EAGAIN). `stop` refuses further writes and reports when the write in
 * flight, if any, has finished, so the fd can be closed without a write racing the close.
 */
export class FdWriter {
  private readonly queue: PendingWrite[] = [];
  private busy = false;
  private stopped = false;
  private retryDelay = 1;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly fd: number) {}

  write(data: Buffer): Promise<void> {
    if (this.stopped) {
      return Promise.reject(new ProcessError("PROCESS_NOT_RUNNING", "The process has exited; it accepts no more input."));
    }
    if (data.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ data, offset: 0, resolve, reject });
      if (!this.busy) this.pump();
    });
  }

  /** Refuses further writes, rejects queued ones, and resolves once no write is in flight. */
  stop(): Promise<void> {
    this.stopped = true;
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    if (this.stopped) {
      for (const pending of this.queue.splice(0)) {
        pending.reject(new ProcessError("PROCESS_NOT_RUNNING", "The process exited before its input was written."));
      }
    }
    const pending = this.queue[0];
    if (pending === undefined) {
      this.busy = false;
      for (const waiter of this.idleWaiters.splice(0)) waiter();
      return;
    }
    this.busy = true;
    write(this.fd, pending.data, pending.offset, pending.data.length - pending.offset, null, (error, written) => {
      if (error) {
        if (errnoOf(error) === "EAGAIN") {
          setTimeout(() => this.pump(), this.retryDelay);
          this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_DELAY_MS);
          return;
        }
        this.queue.shift();
        pending.reject(
          new ProcessError("PROCESS_STDIN_WRITE_FAILED", `Writing to the terminal failed (${error.message}).`, { cause: error }),
        );
        this.pump();
        return;
      }
      this.retryDelay = 1;
      pending.offset += written;
      if (pending.offset >= pending.data.length) {
        this.queue.shift();
        pending.resolve();
      }
      this.pump();
    });
  }
}
