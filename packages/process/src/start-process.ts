import path from "node:path";
import type { BackendSink, ProcessBackend, SpawnRequest } from "./backend.js";
import { buildEnv } from "./env.js";
import { ManagedProcessImpl, type ManagedProcess } from "./managed-process.js";
import {
  DEFAULT_TERMINAL_NAME,
  DEFAULT_TERMINAL_SIZE,
  type ProcessResult,
  type StartProcessOptions,
} from "./options.js";
import { startPipeBackend } from "./pipe-backend.js";
import { checkWorkingDirectory } from "./program-path.js";
import { startPtyBackend } from "./pty-backend.js";
import { startPortablePtyBackend } from "./pty-backend-portable.js";
import { validateStartOptions } from "./validate-options.js";

function spawnRequest(options: StartProcessOptions): SpawnRequest {
  const [program = "", ...args] = options.command;
  const env = buildEnv(options.baseEnv ?? process.env, options.env);
  return {
    program,
    args,
    cwd: path.resolve(options.cwd ?? process.cwd()),
    env,
    size: options.size ?? { ...DEFAULT_TERMINAL_SIZE },
    terminalName: options.terminalName ?? env.TERM ?? DEFAULT_TERMINAL_NAME,
    stdin: options.stdin ?? "pipe",
  };
}

type BackendStart = (request: SpawnRequest, sink: BackendSink) => ProcessBackend;

function defaultBackend(options: StartProcessOptions): BackendStart {
  if (!options.tty) return startPipeBackend;
  return process.platform === "win32" ? startPortablePtyBackend : startPtyBackend;
}

/** `startProcess` with an explicit backend; lets tests run the Windows PTY backend on POSIX too. */
export function startProcessWithBackend(options: StartProcessOptions, start: BackendStart): ManagedProcess {
  validateStartOptions(options);
  return new ManagedProcessImpl(options, spawnRequest(options), (request, sink) => {
    checkWorkingDirectory(request.program, request.cwd);
    return start(request, sink);
  });
}

/**
 * Starts `options.command` in its own process group, with pipes or (with `tty`) a pseudo-terminal.
 * Throws `ProcessError` (`PROCESS_INVALID_OPTIONS`) at once for invalid options; a program that cannot be started
 * (missing, not executable, bad cwd) is reported by `spawned` and `exited` rejecting with `ProcessSpawnError`.
 */
export function startProcess(options: StartProcessOptions): ManagedProcess {
  return startProcessWithBackend(options, defaultBackend(options));
}

export interface RunProcessOptions extends Omit<StartProcessOptions, "retainOutput" | "stdin"> {
  /** Bytes to feed to stdin, which is then closed. Without it stdin is `/dev/null` (pipe mode). */
  input?: string | Uint8Array;
}

/**
 * Runs a command to completion and returns its retained output (`stdout`/`stderr` Buffers, capped by
 * `outputBytesCap`) with the exit status. Rejects with `ProcessSpawnError` if it could not start.
 */
export async function runProcess(options: RunProcessOptions): Promise<ProcessResult> {
  const { input, ...rest } = options;
  const child = startProcess({ ...rest, retainOutput: true, stdin: input === undefined ? "ignore" : "pipe" });
  if (input !== undefined && child.running) {
    // A child that exits without reading its input is not an error of the run.
    child.write(input).catch(() => {});
    child.closeStdin();
  }
  return child.exited;
}
