import { spawn } from "node:child_process";
import readline from "node:readline";
import type { CodexCommand } from "./codex-path.js";
import { CodexExecError } from "./errors.js";

export type ExecLaunch = {
  command: CodexCommand;
  args: string[];
  env: Record<string, string>;
  /** Written to stdin, which is then closed. */
  input: string;
  signal?: AbortSignal;
};

type ExitStatus = { code: number | null; signal: NodeJS.Signals | null };

/**
 * Spawns `codex exec` and yields its stdout lines. After the last line it waits for the exit and throws
 * `CodexExecError` (with stderr) on a non-zero code or a signal, the spawn error when the program could not
 * start, or the abort error when `signal` fired (the child is killed with SIGTERM). Stopping the iteration
 * early kills the child.
 */
export async function* execLines(launch: ExecLaunch): AsyncGenerator<string> {
  const { signal } = launch;
  signal?.throwIfAborted();

  const child = spawn(launch.command.command, [...launch.command.prefixArgs, ...launch.args], {
    env: launch.env,
    signal,
    stdio: ["pipe", "pipe", "pipe"],
  });

  let failure: Error | null = null;
  const exited = new Promise<ExitStatus>((resolve) => {
    // The listener stays for the child's whole life: an abort after we stop reading must not go unhandled.
    child.on("error", (error) => {
      failure ??= error;
      resolve({ code: null, signal: null });
    });
    child.once("close", (code, exitSignal) => resolve({ code, signal: exitSignal }));
  });

  const stderrChunks: Buffer[] = [];
  child.stderr.on("data", (chunk: Buffer) => stderrChunks.push(chunk));
  // The child may exit before it reads its prompt; a broken pipe is reported through the exit status.
  child.stdin.on("error", () => {});
  child.stdin.end(launch.input);

  const lines = readline.createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
  // Stop reading at once on abort: a grandchild holding stdout open must not keep the turn alive.
  const stopReading = () => {
    lines.close();
    child.stdout.destroy();
  };
  signal?.addEventListener("abort", stopReading, { once: true });
  try {
    for await (const line of lines) {
      yield line;
    }
    const status = await exited;
    if (signal?.aborted) throw failure ?? signal.reason;
    if (failure) throw failure;
    if (status.code !== 0 || status.signal) {
      throw new CodexExecError(status.code, status.signal, Buffer.concat(stderrChunks).toString("utf8"));
    }
  } finally {
    signal?.removeEventListener("abort", stopReading);
    lines.close();
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}
