// Standalone command execution: `command/exec*` methods and their output notification.
import type { SandboxPolicy } from "./sandbox.js";
import type { Int32, Int64, UInt, UInt16 } from "./scalars.js";

/** Terminal size in character cells. */
export interface CommandExecTerminalSize {
  rows: UInt16;
  cols: UInt16;
}

/**
 * Run a command (argv) in the sandbox, outside any thread. The response arrives when the process has
 * exited, after every `command/exec/outputDelta` notification for it.
 */
export interface CommandExecParams {
  /** Program and arguments; must not be empty. */
  command: string[];
  /**
   * Identifier chosen by the client, unique on this connection. Needed for `tty`, `streamStdin`,
   * `streamStdoutStderr` and for the `command/exec/write|resize|terminate` follow-ups.
   */
  processId?: string | null;
  /** Run under a pseudo-terminal; implies `streamStdin` and `streamStdoutStderr`. */
  tty?: boolean;
  /** Accept stdin bytes through `command/exec/write`. Needs `processId`. */
  streamStdin?: boolean;
  /** Send output as `command/exec/outputDelta` notifications instead of in the response. Needs `processId`. */
  streamStdoutStderr?: boolean;
  /** Per-stream capture limit in bytes; the server default applies when omitted. Excludes `disableOutputCap`. */
  outputBytesCap?: UInt | null;
  /** Capture output without a limit. Excludes `outputBytesCap`. */
  disableOutputCap?: boolean;
  /** Run without a timeout. Excludes `timeoutMs`. */
  disableTimeout?: boolean;
  /** Timeout in milliseconds; the server default applies when omitted. Excludes `disableTimeout`. */
  timeoutMs?: Int64 | null;
  /** Working directory; the server's own when omitted. */
  cwd?: string | null;
  /** Environment changes on top of the server's environment; a `null` value removes the variable. */
  env?: { [name: string]: string | null } | null;
  /** Initial terminal size; only with `tty`. */
  size?: CommandExecTerminalSize | null;
  /** Sandbox for this command; the configured policy when omitted. Excludes `permissionProfile`. */
  sandboxPolicy?: SandboxPolicy | null;
  /**
   * Permission profile id for this command; the configured permissions when omitted. Excludes `sandboxPolicy`.
   * @experimental
   */
  permissionProfile?: string | null;
}

/** Outcome of a finished command. */
export interface CommandExecResponse {
  exitCode: Int32;
  /** Captured stdout; empty when it was streamed. */
  stdout: string;
  /** Captured stderr; empty when it was streamed. */
  stderr: string;
}

/** Send stdin bytes to a running command, close its stdin, or both. */
export interface CommandExecWriteParams {
  /** The `processId` given to `command/exec`. */
  processId: string;
  /** Bytes to write, base64-encoded. */
  deltaBase64?: string | null;
  /** Close stdin after writing. */
  closeStdin?: boolean;
}

/** Empty result of `command/exec/write`. */
export type CommandExecWriteResponse = Record<string, never>;

/** Kill a running command. */
export interface CommandExecTerminateParams {
  /** The `processId` given to `command/exec`. */
  processId: string;
}

/** Empty result of `command/exec/terminate`. */
export type CommandExecTerminateResponse = Record<string, never>;

/** Change the terminal size of a command started with `tty`. */
export interface CommandExecResizeParams {
  /** The `processId` given to `command/exec`. */
  processId: string;
  size: CommandExecTerminalSize;
}

/** Empty result of `command/exec/resize`. */
export type CommandExecResizeResponse = Record<string, never>;

/** Output stream of a command. With `tty`, all terminal output is reported as `stdout`. */
export type CommandExecOutputStream = "stdout" | "stderr";

/** A chunk of streamed command output. */
export interface CommandExecOutputDeltaNotification {
  /** The `processId` given to `command/exec`. */
  processId: string;
  stream: CommandExecOutputStream;
  /** Output bytes, base64-encoded. */
  deltaBase64: string;
  /** True on the last chunk of a stream whose further output was dropped by `outputBytesCap`. */
  capReached: boolean;
}
