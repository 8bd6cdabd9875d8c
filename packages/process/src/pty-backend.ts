import { closeSync, constants, openSync } from "node:fs";
import tty from "node:tty";
import type { BackendSink, ProcessBackend, SpawnRequest } from "./backend.js";
import { spawnErrorFrom } from "./errors.js";
import { FdWriter } from "./fd-writer.js";
import type { TerminalSize } from "./options.js";
import { checkProgram } from "./program-path.js";
import { forkPty, resizePty, type NativePtyFork } from "./pty-native.js";
import { signalName } from "./signals.js";

/** The terminal's end-of-file character (VEOF, Ctrl-D). */
const EOF_CHAR = 0x04;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Runs the request under a new pseudo-terminal (POSIX). The child is a session and process group leader with the
 * PTY as its controlling terminal; stdout and stderr both arrive as `stdout`, as raw bytes.
 *
 * This side keeps its own handle on the terminal's slave end until the child has been reaped. Without it, a child
 * that closes its terminal before exiting (as `cat` does) makes the master read fail with EIO, the master gets
 * closed, and the kernel hangs up the still-exiting child with SIGHUP. Holding the slave also means the master
 * reports end-of-output only after everything the child wrote has been read.
 */
export function startPtyBackend(request: SpawnRequest, sink: BackendSink): ProcessBackend {
  // A PTY child reports exec failures only as text on the terminal, so check the program up front.
  checkProgram(request.program, request.env.PATH, request.cwd);
  let exitStatus: { exitCode: number | null; signal: NodeJS.Signals | null } | undefined;
  let outputClosed = false;
  let slaveFd: number | undefined;
  let forked: NativePtyFork;

  const finishIfDone = (): void => {
    if (exitStatus !== undefined && outputClosed) sink.closed();
  };
  const releaseSlave = (): void => {
    if (slaveFd === undefined) return;
    const fd = slaveFd;
    slaveFd = undefined;
    closeSync(fd);
  };

  try {
    forked = forkPty(
      {
        program: request.program,
        args: request.args,
        env: { ...request.env, TERM: request.terminalName },
        cwd: request.cwd,
        cols: request.size.cols,
        rows: request.size.rows,
      },
      (exitCode, signo) => {
        exitStatus = signo !== 0 ? { exitCode: null, signal: signalName(signo) ?? "SIGKILL" } : { exitCode, signal: null };
        sink.exit(exitStatus.exitCode, exitStatus.signal);
        // Let a write in flight finish before the master can be closed (EIO follows once the slave is released).
        void writer.stop().then(releaseSlave);
        finishIfDone();
      },
    );
  } catch (error) {
    throw spawnErrorFrom(request.program, error);
  }
  try {
    slaveFd = openSync(forked.pty, constants.O_RDWR | constants.O_NOCTTY);
  } catch {
    // The child is already gone and took the terminal with it; output still drains below.
  }
  const writer = new FdWriter(forked.fd);
  const master = new tty.ReadStream(forked.fd);
  master.on("data", (chunk: Buffer) => sink.output("stdout", chunk));
  // EIO is how the master reports that the slave side is closed: the normal end of output.
  master.on("error", () => {});
  master.once("close", () => {
    outputClosed = true;
    finishIfDone();
  });
  sink.spawned();

  let lastByteWritten: number | undefined;
  return {
    pid: forked.pid,
    write(data: Buffer): Promise<void> {
      if (data.length > 0) lastByteWritten = data[data.length - 1];
      return writer.write(data);
    },
    closeStdin(): void {
      // In canonical mode EOF ends input only at the start of a line: a pending partial line needs one EOF to be
      // delivered and a second to signal end-of-file.
      const midLine = lastByteWritten !== undefined && lastByteWritten !== NEWLINE && lastByteWritten !== CARRIAGE_RETURN;
      writer.write(Buffer.from(midLine ? [EOF_CHAR, EOF_CHAR] : [EOF_CHAR])).catch(() => {});
      lastByteWritten = undefined;
    },
    resize(size: TerminalSize): void {
      if (exitStatus === undefined && !outputClosed) resizePty(forked.fd, size.cols, size.rows);
    },
    abandonOutput(): void {
      void writer.stop().then(() => {
        releaseSlave();
        master.destroy();
      });
    },
  };
}
