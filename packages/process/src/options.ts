import type { BaseEnv, EnvOverrides } from "./env.js";

/** Which output stream a chunk came from. In PTY mode everything arrives as `stdout`. */
export type OutputStream = "stdout" | "stderr";

/** Terminal size in character cells. */
export interface TerminalSize {
  cols: number;
  rows: number;
}

/** Extra facts about a delivered chunk. */
export interface OutputChunkInfo {
  /**
   * True on the last chunk delivered for this stream because the output cap was hit: later output on the stream is
   * dropped. The chunk may be empty when the cap was reached exactly on a chunk boundary.
   */
  capReached: boolean;
}

/** Receives output as raw bytes; base64 or decode them as needed. */
export type OutputListener = (stream: OutputStream, chunk: Buffer, info: OutputChunkInfo) => void;

export interface StartProcessOptions {
  /** argv: the program and its arguments. Must not be empty. The program is looked up on the child's PATH. */
  command: readonly string[];
  /** Working directory; default the current directory. Must exist. */
  cwd?: string;
  /** Overrides applied on top of `baseEnv`: a string sets, `null` unsets. */
  env?: EnvOverrides;
  /** The environment to start from; default `process.env`. */
  baseEnv?: BaseEnv;
  /** Run under a pseudo-terminal: stdout and stderr merge into `stdout`, and `resize` works. Default false. */
  tty?: boolean;
  /** Initial PTY size; only valid with `tty`. Default 80x24. */
  size?: TerminalSize;
  /** PTY mode: the TERM value; default the environment's TERM, else `xterm-256color`. */
  terminalName?: string;
  /** Pipe mode: whether stdin is a pipe for `write`/`closeStdin` or is closed (`/dev/null`). Default `pipe`. */
  stdin?: "pipe" | "ignore";
  /**
   * Per-stream cap on delivered and retained bytes. Once a stream reaches it, its further output is dropped (the
   * process keeps running and its pipes keep draining) and the result reports it as truncated. `null` or
   * absent: no cap.
   */
  outputBytesCap?: number | null;
  /** Keep the (capped) output in memory and return it in the result. Default false: output is only streamed. */
  retainOutput?: boolean;
  /** Kill the process tree after this many ms and report `timedOut`. `null` or absent: no timeout. */
  timeoutMs?: number | null;
  /** Time between SIGTERM and SIGKILL when the tree is killed (timeout or `terminate`). Default 2000 ms. */
  killGraceMs?: number;
  /**
   * How long to keep reading after the process exited while something it started still holds its stdout/stderr
   * (or terminal) open. After that the output is abandoned and the result is delivered. Default 2000 ms.
   */
  drainTimeoutMs?: number;
  /** Output listener attached before the process starts (same as calling `onOutput` at once). */
  onOutput?: OutputListener;
}

/** How a process ended, and what it produced. */
export interface ProcessResult {
  /** Exit code, or null when the process was killed by a signal. */
  exitCode: number | null;
  /** The signal that killed the process (`SIGTERM`, `SIGKILL`, ...), or null when it exited normally. */
  signal: NodeJS.Signals | null;
  /** The timeout elapsed and the process tree was killed. */
  timedOut: boolean;
  /** `terminate()` was called before the process exited. */
  terminated: boolean;
  /** Retained stdout (empty unless `retainOutput`; at most `outputBytesCap` bytes). */
  stdout: Buffer;
  /** Retained stderr (empty unless `retainOutput`, and always empty in PTY mode). */
  stderr: Buffer;
  /** stdout hit `outputBytesCap` and later output was dropped. */
  stdoutTruncated: boolean;
  /** stderr hit `outputBytesCap` and later output was dropped. */
  stderrTruncated: boolean;
  /** Either stream was truncated. */
  truncated: boolean;
  /** Bytes the process wrote to stdout, including dropped ones. */
  stdoutBytes: number;
  /** Bytes the process wrote to stderr, including dropped ones. */
  stderrBytes: number;
  /** Wall time from start to the delivery of the result. */
  durationMs: number;
}

export const DEFAULT_TERMINAL_SIZE: Readonly<TerminalSize> = Object.freeze({ cols: 80, rows: 24 });
export const DEFAULT_KILL_GRACE_MS = 2000;
export const DEFAULT_DRAIN_TIMEOUT_MS = 2000;
export const DEFAULT_TERMINAL_NAME = "xterm-256color";
