import { createRequire } from "node:module";
import type * as NodePty from "node-pty";
import type { BackendSink, ProcessBackend, SpawnRequest } from "./backend.js";
import { spawnErrorFrom } from "./errors.js";
import type { TerminalSize } from "./options.js";
import { checkProgram } from "./program-path.js";
import { signalName } from "./signals.js";

/** The terminal's end-of-file character (VEOF, Ctrl-D). */
const EOF_CHAR = Buffer.from([0x04]);
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

let nodePty: typeof NodePty | undefined;

/** node-pty is a native module: load it only when a PTY is first needed. */
function loadNodePty(): typeof NodePty {
  nodePty ??= createRequire(import.meta.url)("node-pty") as typeof NodePty;
  return nodePty;
}

/** node-pty's terminal is also an event emitter, which its typings do not show. */
interface PtyEvents {
  on(event: "error", listener: (error: Error) => void): void;
}

/**
 * Runs the request under a pseudo-terminal through node-pty's public API (ConPTY on Windows, where this backend
 * is used). stdout and stderr both arrive as `stdout`, as raw bytes. On POSIX `startPtyBackend` is used instead:
 * it keeps the terminal open until the child has been reaped, which node-pty's terminal object does not.
 */
export function startPortablePtyBackend(request: SpawnRequest, sink: BackendSink): ProcessBackend {
  // A PTY child reports exec failures only as text on the terminal, so check the program up front.
  checkProgram(request.program, request.env.PATH, request.cwd);
  let term: NodePty.IPty;
  try {
    term = loadNodePty().spawn(request.program, request.args, {
      name: request.terminalName,
      cols: request.size.cols,
      rows: request.size.rows,
      cwd: request.cwd,
      env: request.env,
      encoding: null,
    });
  } catch (error) {
    throw spawnErrorFrom(request.program, error);
  }
  // The master side reports EIO once the child side closes; node-pty rethrows errors nobody listens to.
  (term as unknown as PtyEvents).on("error", () => {});
  let lastByteWritten: number | undefined;
  let exited = false;

  term.onData((data) => sink.output("stdout", data as unknown as Buffer));
  term.onExit(({ exitCode, signal }) => {
    exited = true;
    // node-pty reports exit only after the terminal's output was read to the end (or after a short grace).
    if (signal !== undefined && signal !== 0) sink.exit(null, signalName(signal) ?? "SIGKILL");
    else sink.exit(exitCode, null);
    sink.closed();
  });
  sink.spawned();

  return {
    pid: term.pid,
    write(data: Buffer): Promise<void> {
      if (data.length > 0 && !exited) {
        term.write(data);
        lastByteWritten = data[data.length - 1];
      }
      return Promise.resolve();
    },
    closeStdin(): void {
      if (exited) return;
      // In canonical mode EOF only ends input at the start of a line: a pending partial line needs one EOF to be
      // delivered and a second to signal end-of-file.
      const midLine = lastByteWritten !== undefined && lastByteWritten !== NEWLINE && lastByteWritten !== CARRIAGE_RETURN;
      term.write(midLine ? Buffer.concat([EOF_CHAR, EOF_CHAR]) : EOF_CHAR);
      lastByteWritten = undefined;
    },
    resize(size: TerminalSize): void {
      if (!exited) term.resize(size.cols, size.rows);
    },
    abandonOutput(): void {
      // node-pty closes the terminal itself shortly after the child exits.
    },
  };
}
