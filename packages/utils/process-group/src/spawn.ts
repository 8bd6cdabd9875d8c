import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

/**
 * Spawns `command` with `args` as the leader of a new process group (and session) on POSIX, so the child and
 * everything it starts can be signalled together with `killProcessGroup(child.pid)`. The group id equals the
 * child's pid. On Windows the child is spawned normally (there are no signalable process groups there).
 */
export function spawnInProcessGroup(
  command: string,
  args: readonly string[] = [],
  options: Omit<SpawnOptions, "detached"> = {},
): ChildProcess {
  return spawn(command, args, { ...options, detached: process.platform !== "win32" });
}
