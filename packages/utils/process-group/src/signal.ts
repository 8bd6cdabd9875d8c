import { assertValidPid, ProcessGroupError } from "./errors.js";
import { processGroupMembers, processState } from "./group-members.js";

const isWindows = process.platform === "win32";

function errnoOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

function sendSignal(target: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(target, signal);
    return true;
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === "ESRCH") return false;
    const what = target < 0 ? `process group ${-target}` : `process ${target}`;
    throw new ProcessGroupError(
      "PROCESS_GROUP_SIGNAL_FAILED",
      `Could not send ${signal === 0 ? "a liveness probe" : signal} to ${what} (${errno ?? "unknown error"}).`,
      { errno, cause: error },
    );
  }
}

/**
 * Sends `signal` to every process in the group led by `pgid`. When no such group exists (the leader never
 * became a group leader, or everything already exited) the single process `pgid` is signalled instead.
 * Returns false when nothing was there to signal; throws `PROCESS_GROUP_SIGNAL_FAILED` on other errors
 * (for example `EPERM`). On Windows, where process groups cannot be signalled, only the process itself is.
 */
export function signalProcessGroup(pgid: number, signal: NodeJS.Signals): boolean {
  assertValidPid(pgid);
  if (!isWindows && sendSignal(-pgid, signal)) return true;
  return sendSignal(pgid, signal);
}

/** True when the process exists and is not a zombie (zombies have exited and only wait to be reaped). */
export function isProcessAlive(pid: number): boolean {
  assertValidPid(pid);
  let exists: boolean;
  try {
    exists = sendSignal(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if (error instanceof ProcessGroupError && error.errno === "EPERM") return true;
    throw error;
  }
  if (!exists) return false;
  return processState(pid) !== "Z";
}

/**
 * True when at least one process of the group `pgid` is still running. Zombies do not count: they have
 * exited and wait only for a parent (possibly not us) to reap them. Uses `/proc` where available and falls
 * back to a signal-0 probe elsewhere.
 */
export function isProcessGroupAlive(pgid: number): boolean {
  assertValidPid(pgid);
  if (isWindows) return isProcessAlive(pgid);
  let exists: boolean;
  try {
    exists = sendSignal(-pgid, 0);
  } catch (error) {
    if (error instanceof ProcessGroupError && error.errno === "EPERM") return true;
    throw error;
  }
  if (!exists) return false;
  const members = processGroupMembers(pgid);
  if (members === undefined) return true;
  return members.some((member) => member.state !== "Z");
}
