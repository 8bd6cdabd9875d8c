import type { ChildProcess } from "node:child_process";
import os from "node:os";

/** How a child ended: an exit code, or the signal that killed it. */
export interface ChildExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

/** Signals a wrapper passes on to the child it waits for. */
/** How often a wrapper checks whether its parent is still alive. */
const ORPHAN_CHECK_INTERVAL_MS = 200;

export const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"];

/**
 * Waits for `child` to end while passing the wrapper's own termination signals on to it, so the wrapper lives
 * until the child is gone (and can clean up after it).
 */
export function waitForChild(child: ChildProcess): Promise<ChildExit> {
  const forward = (signal: NodeJS.Signals) => {
    child.kill(signal);
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  // A wrapper killed with its parent's SIGKILL gets no signal at all; when the parent is gone (we were
  // reparented), take the child down too so nothing outlives the process that started us.
  const parent = process.ppid;
  const orphanCheck = setInterval(() => {
    if (process.ppid !== parent) child.kill("SIGKILL");
  }, ORPHAN_CHECK_INTERVAL_MS);
  orphanCheck.unref();
  return new Promise((resolve, reject) => {
    const done = () => {
      clearInterval(orphanCheck);
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    };
    child.once("error", (error) => {
      done();
      reject(error);
    });
    child.once("exit", (exitCode, signal) => {
      done();
      resolve({ exitCode, signal });
    });
  });
}

/** Ends the current process the way the child ended: same exit code, or the same signal. */
export function exitLike(result: ChildExit): never {
  if (result.signal !== null) {
    // Signals node ignores (SIGPIPE) fall through to the shell convention 128 + signal number.
    process.kill(process.pid, result.signal);
    process.exit(128 + (os.constants.signals[result.signal] ?? 0));
  }
  process.exit(result.exitCode ?? 1);
}
