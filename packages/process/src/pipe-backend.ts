import { spawnInProcessGroup } from "@codex-ts/utils-process-group";
import type { BackendSink, ProcessBackend, SpawnRequest } from "./backend.js";
import { ProcessError, spawnErrorFrom } from "./errors.js";
import type { TerminalSize } from "./options.js";

/** Runs the request with stdin/stdout/stderr as pipes, in a new process group. */
export function startPipeBackend(request: SpawnRequest, sink: BackendSink): ProcessBackend {
  const child = spawnInProcessGroup(request.program, request.args, {
    cwd: request.cwd,
    env: request.env,
    stdio: [request.stdin, "pipe", "pipe"],
    windowsHide: true,
  });
  let started = false;
  child.once("spawn", () => {
    started = true;
    sink.spawned();
  });
  child.on("error", (error) => {
    // After a successful spawn, errors come from signalling and are handled by the caller.
    if (!started) sink.spawnFailed(spawnErrorFrom(request.program, error));
  });
  child.stdout?.on("data", (chunk: Buffer) => sink.output("stdout", chunk));
  child.stderr?.on("data", (chunk: Buffer) => sink.output("stderr", chunk));
  // A child that exits without reading its input breaks the pipe: the write callback reports it.
  child.stdin?.on("error", () => {});
  child.once("exit", (code, signal) => {
    if (started) sink.exit(code, signal);
  });
  child.once("close", () => {
    if (started) sink.closed();
  });

  return {
    get pid() {
      return child.pid;
    },
    write(data: Buffer): Promise<void> {
      const stdin = child.stdin;
      if (stdin === null || stdin.writableEnded || stdin.destroyed) {
        return Promise.reject(new ProcessError("PROCESS_STDIN_CLOSED", "stdin of the process is closed; it accepts no more input."));
      }
      return new Promise((resolve, reject) => {
        stdin.write(data, (error) => {
          if (error) {
            reject(
              new ProcessError("PROCESS_STDIN_WRITE_FAILED", `Writing to stdin failed (${error.message}); the process stopped reading it.`, {
                cause: error,
              }),
            );
          } else {
            resolve();
          }
        });
      });
    },
    closeStdin(): void {
      child.stdin?.end();
    },
    resize(_size: TerminalSize): void {
      throw new ProcessError("PROCESS_NOT_A_TTY", "Only processes started with tty can be resized.");
    },
    abandonOutput(): void {
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.stdin?.destroy();
    },
  };
}
