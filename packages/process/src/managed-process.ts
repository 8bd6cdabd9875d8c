import { performance } from "node:perf_hooks";
import { killProcessGroup, signalProcessGroup } from "@codex-ts/utils-process-group";
import type { BackendSink, ProcessBackend, SpawnRequest } from "./backend.js";
import { ProcessError, ProcessSpawnError, spawnErrorFrom } from "./errors.js";
import {
  DEFAULT_DRAIN_TIMEOUT_MS,
  DEFAULT_KILL_GRACE_MS,
  type OutputListener,
  type OutputStream,
  type ProcessResult,
  type StartProcessOptions,
} from "./options.js";
import { OutputCapture } from "./output-capture.js";
import { checkTerminalSize } from "./validate-options.js";

/** A running (or finished) child process. Obtain one from `startProcess`. */
export interface ManagedProcess {
  /** pid of the child, which also leads its own process group; undefined if it never started. */
  readonly pid: number | undefined;
  /** The argv it was started with. */
  readonly command: readonly string[];
  /** Started under a pseudo-terminal. */
  readonly tty: boolean;
  /** True until the process has exited (or failed to start). */
  readonly running: boolean;
  /** Resolves once the process started; rejects with `ProcessSpawnError` if it could not. */
  readonly spawned: Promise<void>;
  /**
   * Resolves with the result after the process exited and all its output was delivered to listeners (after a
   * timeout or `terminate`, once the whole process tree is gone); rejects with `ProcessSpawnError` if it could not
   * start.
   */
  readonly exited: Promise<ProcessResult>;
  /** Adds an output listener; returns a function that removes it. */
  onOutput(listener: OutputListener): () => void;
  /** Writes to stdin (terminal input in PTY mode); resolves once handed to the OS. */
  write(data: Buffer | Uint8Array | string): Promise<void>;
  /** Ends stdin: closes the pipe, or sends end-of-file (Ctrl-D) to the terminal. Idempotent. */
  closeStdin(): void;
  /** Changes the PTY size. Throws `PROCESS_NOT_A_TTY` in pipe mode and `PROCESS_NOT_RUNNING` after exit. */
  resize(cols: number, rows: number): void;
  /** Sends one signal to the whole process group; false when nothing was there to receive it. */
  signal(signal: NodeJS.Signals): boolean;
  /** Kills the process tree (SIGTERM, grace, SIGKILL) and resolves with the result once all of it has exited. */
  terminate(options?: { graceMs?: number }): Promise<ProcessResult>;
}

type State = "starting" | "running" | "draining" | "done" | "failed";

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // a caller that never awaits must not crash the process on a spawn failure
  return { promise, resolve, reject };
}

export type BackendFactory = (request: SpawnRequest, sink: BackendSink) => ProcessBackend;

/** The state machine behind `ManagedProcess`: caps, listeners, timeout, drain and termination. */
export class ManagedProcessImpl implements ManagedProcess {
  readonly command: readonly string[];
  readonly tty: boolean;
  private state: State = "starting";
  private backend: ProcessBackend | undefined;
  private readonly listeners = new Set<OutputListener>();
  private readonly captures: Record<OutputStream, OutputCapture>;
  private readonly spawnedDeferred = deferred<void>();
  private readonly exitedDeferred = deferred<ProcessResult>();
  private readonly leaderExited = deferred<void>();
  private readonly startedAt = performance.now();
  private readonly killGraceMs: number;
  private readonly drainTimeoutMs: number;
  private timeoutTimer: NodeJS.Timeout | undefined;
  private drainTimer: NodeJS.Timeout | undefined;
  private killing: Promise<void> | undefined;
  private stdinClosed: boolean;
  private exitCode: number | null = null;
  private exitSignal: NodeJS.Signals | null = null;
  private timedOut = false;
  private terminated = false;

  constructor(options: StartProcessOptions, request: SpawnRequest, factory: BackendFactory) {
    this.command = [...options.command];
    this.tty = options.tty === true;
    this.killGraceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
    this.drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
    this.stdinClosed = !this.tty && request.stdin === "ignore";
    const cap = options.outputBytesCap ?? null;
    const retain = options.retainOutput === true;
    this.captures = { stdout: new OutputCapture(cap, retain), stderr: new OutputCapture(cap, retain) };
    if (options.onOutput) this.listeners.add(options.onOutput);
    const sink: BackendSink = {
      spawned: () => this.handleSpawned(),
      spawnFailed: (error) => this.handleSpawnFailed(error),
      output: (stream, chunk) => this.handleOutput(stream, chunk),
      exit: (exitCode, signal) => this.handleExit(exitCode, signal),
      closed: () => this.handleClosed(),
    };
    try {
      this.backend = factory(request, sink);
    } catch (error) {
      this.handleSpawnFailed(error instanceof ProcessSpawnError ? error : spawnErrorFrom(request.program, error));
      return;
    }
    const timeoutMs = options.timeoutMs ?? null;
    if (timeoutMs !== null && this.state !== "failed") {
      this.timeoutTimer = setTimeout(() => this.onTimeout(), timeoutMs);
    }
  }

  get pid(): number | undefined {
    return this.backend?.pid;
  }

  get running(): boolean {
    return this.state === "starting" || this.state === "running";
  }

  get spawned(): Promise<void> {
    return this.spawnedDeferred.promise;
  }

  get exited(): Promise<ProcessResult> {
    return this.exitedDeferred.promise;
  }

  onOutput(listener: OutputListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  write(data: Buffer | Uint8Array | string): Promise<void> {
    if (!this.running || this.backend === undefined) {
      return Promise.reject(new ProcessError("PROCESS_NOT_RUNNING", "The process has exited; it accepts no more input."));
    }
    if (this.stdinClosed) {
      return Promise.reject(new ProcessError("PROCESS_STDIN_CLOSED", "stdin of the process is closed; it accepts no more input."));
    }
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return this.backend.write(bytes);
  }

  closeStdin(): void {
    if (this.stdinClosed || !this.running) return;
    this.stdinClosed = true;
    this.backend?.closeStdin();
  }

  resize(cols: number, rows: number): void {
    if (!this.tty) throw new ProcessError("PROCESS_NOT_A_TTY", "Only processes started with tty can be resized.");
    checkTerminalSize({ cols, rows });
    if (!this.running || this.backend === undefined) {
      throw new ProcessError("PROCESS_NOT_RUNNING", "The process has exited; it can no longer be resized.");
    }
    this.backend.resize({ cols, rows });
  }

  signal(signal: NodeJS.Signals): boolean {
    const pid = this.pid;
    if (pid === undefined || !this.running) return false;
    try {
      return signalProcessGroup(pid, signal);
    } catch {
      return false;
    }
  }

  terminate(options: { graceMs?: number } = {}): Promise<ProcessResult> {
    if (this.running) this.terminated = true;
    if (this.state !== "done" && this.state !== "failed") void this.killTree(options.graceMs ?? this.killGraceMs);
    return this.exited;
  }

  // ---- backend events ----

  private handleSpawned(): void {
    if (this.state === "starting") this.state = "running";
    this.spawnedDeferred.resolve();
  }

  private handleSpawnFailed(error: ProcessSpawnError): void {
    if (this.state === "done" || this.state === "failed") return;
    this.state = "failed";
    this.clearTimers();
    this.spawnedDeferred.reject(error);
    this.exitedDeferred.reject(error);
    this.leaderExited.resolve();
  }

  private handleOutput(stream: OutputStream, chunk: Buffer): void {
    if (this.state === "done" || this.state === "failed") return;
    const accepted = this.captures[stream].accept(chunk);
    if (accepted === undefined) return;
    const info = { capReached: accepted.capReached };
    for (const listener of this.listeners) listener(stream, accepted.chunk, info);
  }

  private handleExit(exitCode: number | null, signal: NodeJS.Signals | null): void {
    if (!this.running) return;
    this.state = "draining";
    this.exitCode = exitCode;
    this.exitSignal = signal;
    clearTimeout(this.timeoutTimer);
    this.leaderExited.resolve();
    this.drainTimer = setTimeout(() => this.backend?.abandonOutput(), this.drainTimeoutMs);
  }

  private handleClosed(): void {
    if (this.state === "done" || this.state === "failed") return;
    this.state = "done";
    this.clearTimers();
    const { stdout, stderr } = this.captures;
    const result: ProcessResult = {
      exitCode: this.exitCode,
      signal: this.exitSignal,
      timedOut: this.timedOut,
      terminated: this.terminated,
      stdout: stdout.retained(),
      stderr: stderr.retained(),
      stdoutTruncated: stdout.truncated,
      stderrTruncated: stderr.truncated,
      truncated: stdout.truncated || stderr.truncated,
      stdoutBytes: stdout.totalBytes,
      stderrBytes: stderr.totalBytes,
      durationMs: performance.now() - this.startedAt,
    };
    // After a kill, report the end only once the whole tree is gone, not just the leader.
    const killing = this.killing ?? Promise.resolve();
    void killing.then(() => this.exitedDeferred.resolve(result));
  }

  // ---- internals ----

  private onTimeout(): void {
    if (!this.running) return;
    this.timedOut = true;
    void this.killTree(this.killGraceMs);
  }

  private killTree(graceMs: number): Promise<void> {
    const pid = this.pid;
    if (pid === undefined) return Promise.resolve();
    this.killing ??= killProcessGroup(pid, { graceMs, leaderExited: this.leaderExited.promise }).then(
      () => {},
      () => {
        // Signalling the group was refused; fall back to the leader alone.
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      },
    );
    return this.killing;
  }

  private clearTimers(): void {
    clearTimeout(this.timeoutTimer);
    clearTimeout(this.drainTimer);
  }
}
