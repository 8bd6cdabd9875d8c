import type { ChildProcess } from "node:child_process";
import { assertValidPid } from "./errors.js";
import { isProcessAlive, isProcessGroupAlive, signalProcessGroup } from "./signal.js";

/** Default time between the polite signal and SIGKILL. */
export const DEFAULT_KILL_GRACE_MS = 2000;
/** Default time to wait for the group to disappear after SIGKILL before giving up. */
export const DEFAULT_KILL_TIMEOUT_MS = 5000;

export interface KillProcessGroupOptions {
  /** Time between the first signal and SIGKILL of the group. Default 2000 ms; 0 escalates at once. */
  graceMs?: number;
  /** The first, polite signal. Default `SIGTERM`. */
  signal?: NodeJS.Signals;
  /**
   * Settles when the group leader has exited and been reaped (for a Node child: its `exit` event). Without
   * it the leader is considered gone once it no longer exists or is a zombie.
   */
  leaderExited?: PromiseLike<unknown>;
  /** How long to wait after SIGKILL for everything to disappear. Default 5000 ms. */
  killTimeoutMs?: number;
}

export interface KillProcessGroupResult {
  /** SIGKILL had to be sent because something outlived the grace period. */
  escalated: boolean;
  /** The leader exited and no live process is left in the group. False only if something survived SIGKILL. */
  exited: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `done` with a growing interval (2..50 ms) until it holds or `deadline` passes; `wake` cuts a wait short. */
async function waitUntil(done: () => boolean, deadline: number, wake: Promise<unknown>): Promise<boolean> {
  let interval = 2;
  for (;;) {
    if (done()) return true;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return false;
    await Promise.race([sleep(Math.min(interval, remaining)), wake]);
    interval = Math.min(interval * 2, 50);
  }
}

/**
 * Kills the process group led by `pid`: sends `signal` (SIGTERM) to the group, waits up to `graceMs` for the
 * leader to exit and the group to empty, then sends SIGKILL to the group. A group that is already gone
 * (ESRCH) is not an error. Resolves once the leader has exited and no live member is left, or when
 * `killTimeoutMs` after SIGKILL has passed. Throws `PROCESS_GROUP_SIGNAL_FAILED` if signalling is refused.
 */
export async function killProcessGroup(
  pid: number,
  options: KillProcessGroupOptions = {},
): Promise<KillProcessGroupResult> {
  assertValidPid(pid);
  const graceMs = Math.max(0, options.graceMs ?? DEFAULT_KILL_GRACE_MS);
  const killTimeoutMs = Math.max(0, options.killTimeoutMs ?? DEFAULT_KILL_TIMEOUT_MS);
  let leaderDone = false;
  const wake =
    options.leaderExited === undefined
      ? new Promise<void>(() => {})
      : Promise.resolve(options.leaderExited).then(
          () => {
            leaderDone = true;
          },
          () => {
            leaderDone = true;
          },
        );
  const leaderGone = (): boolean => (options.leaderExited === undefined ? !isProcessAlive(pid) : leaderDone);
  const allGone = (): boolean => leaderGone() && !isProcessGroupAlive(pid);

  signalProcessGroup(pid, options.signal ?? "SIGTERM");
  if (await waitUntil(allGone, Date.now() + graceMs, wake)) return { escalated: false, exited: true };

  signalProcessGroup(pid, "SIGKILL");
  const exited = await waitUntil(allGone, Date.now() + killTimeoutMs, wake);
  return { escalated: true, exited };
}

/** The promise of a Node child's `exit`, already settled if it has exited. */
export function childExited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => {
      if (child.pid === undefined) resolve(); // it never started
    });
  });
}

/**
 * `killProcessGroup` for a child started with `spawnInProcessGroup`, using its `exit` event to know when the
 * leader is gone. A child that never started (no pid) resolves at once.
 */
export async function killChildProcessGroup(
  child: ChildProcess,
  options: Omit<KillProcessGroupOptions, "leaderExited"> = {},
): Promise<KillProcessGroupResult> {
  if (child.pid === undefined) return { escalated: false, exited: true };
  return killProcessGroup(child.pid, { ...options, leaderExited: childExited(child) });
}
