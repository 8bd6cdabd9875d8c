// A server in a child process (`codex app-server` by default), spoken to over its stdin and stdout.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import type { ClientTransport } from "../transport.js";
import { jsonlStreamTransport } from "./jsonl-stream.js";

export interface SpawnAppServerOptions {
  /** Program to run; default `codex`. */
  command?: string;
  /** Its arguments; default `["app-server"]`. */
  args?: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** How long `close()` waits for the child to exit after stdin ends before signalling it; default 5000. */
  exitTimeoutMs?: number;
}

export interface SpawnedAppServer {
  readonly transport: ClientTransport;
  /** The child; its stderr is piped for the caller to read (logs, banners). */
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with the child's exit code (null when killed by a signal). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnAppServer(options: SpawnAppServerOptions = {}): SpawnedAppServer {
  const child = spawn(options.command ?? "codex", [...(options.args ?? ["app-server"])], {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", () => resolve({ code: null, signal: null }));
  });
  const exitTimeoutMs = options.exitTimeoutMs ?? 5000;
  const transport = jsonlStreamTransport({
    input: child.stdout,
    output: child.stdin,
    close: async () => {
      child.stdin.end();
      let timer: NodeJS.Timeout | undefined;
      const forced = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), exitTimeoutMs).unref();
          resolve();
        }, exitTimeoutMs);
      });
      await Promise.race([exited, forced]);
      const { code } = await exited;
      clearTimeout(timer);
      return { code, reason: "server exited" };
    },
  });
  return { transport, child, exited };
}
