import type { ProcessSpawnError } from "./errors.js";
import type { OutputStream, TerminalSize } from "./options.js";

/** Options after defaults and the environment have been resolved; what a backend needs to spawn. */
export interface SpawnRequest {
  program: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  size: TerminalSize;
  terminalName: string;
  stdin: "pipe" | "ignore";
}

/** Events a backend reports, in this order: spawned (or spawnFailed), output*, exit, closed. */
export interface BackendSink {
  spawned(): void;
  spawnFailed(error: ProcessSpawnError): void;
  output(stream: OutputStream, chunk: Buffer): void;
  /** The process itself exited (output may still be arriving). */
  exit(exitCode: number | null, signal: NodeJS.Signals | null): void;
  /** All output has been delivered (or abandoned); nothing more will be reported. */
  closed(): void;
}

/** One way of running a process: plain pipes, or a pseudo-terminal. */
export interface ProcessBackend {
  /** The child's pid, which is also its process group id; undefined when it never started. */
  readonly pid: number | undefined;
  /** Writes bytes to the child's stdin (or terminal input); resolves when handed to the OS. */
  write(data: Buffer): Promise<void>;
  /** Ends stdin: closes the pipe, or sends end-of-file to the terminal. */
  closeStdin(): void;
  resize(size: TerminalSize): void;
  /** Stops reading output that something still holds open after the process exited. */
  abandonOutput(): void;
}
