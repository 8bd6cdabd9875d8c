import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import {
  hasProcFs,
  isProcessGroupAlive,
  killChildProcessGroup,
  killProcessGroup,
  spawnInProcessGroup,
} from "../src/index.js";
import { exitOf, liveMembers, waitForStdout } from "./helpers.js";

const started: number[] = [];

afterEach(() => {
  // Never leave anything behind, even when an assertion failed half-way.
  for (const pgid of started.splice(0)) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

function spawnBash(script: string) {
  const child = spawnInProcessGroup("bash", ["-c", script], { stdio: ["ignore", "pipe", "inherit"] });
  if (child.pid !== undefined) started.push(child.pid);
  return child;
}

/** pids in group `pgid` according to `ps`, independent of our /proc reader. */
function psGroupPids(pgid: number): number[] {
  const out = execFileSync("ps", ["-e", "-o", "pid=,pgid=,stat="], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, group, stat]) => pid && Number(group) === pgid && !stat?.startsWith("Z"))
    .map(([pid]) => Number(pid));
}

describe.runIf(hasProcFs())("process groups", () => {
  it("makes the child the leader of its own group", async () => {
    const child = spawnBash("echo ready; exec sleep 300");
    await waitForStdout(child, "ready");
    const members = liveMembers(child.pid!);
    expect(members.map((member) => member.pid)).toEqual([child.pid]);
    await killChildProcessGroup(child, { graceMs: 5000 });
  });

  it("kills a tree of background processes and leaves no orphans", async () => {
    // The subshell announces readiness after every other process was forked.
    const child = spawnBash("sleep 300 & sleep 301 & (sleep 302 & echo ready; wait) & wait");
    await waitForStdout(child, "ready");
    const pgid = child.pid!;
    expect(liveMembers(pgid).length).toBeGreaterThanOrEqual(5);
    expect(psGroupPids(pgid).length).toBeGreaterThanOrEqual(5);

    const result = await killChildProcessGroup(child, { graceMs: 5000 });

    expect(result).toEqual({ escalated: false, exited: true });
    expect(await exitOf(child)).toEqual({ code: null, signal: "SIGTERM" });
    expect(liveMembers(pgid)).toEqual([]);
    expect(psGroupPids(pgid)).toEqual([]);
    expect(isProcessGroupAlive(pgid)).toBe(false);
  });

  it("escalates to SIGKILL when the leader ignores SIGTERM", async () => {
    const child = spawnBash("trap '' TERM; echo ready; while :; do sleep 1; done");
    await waitForStdout(child, "ready");
    const pgid = child.pid!;

    const result = await killChildProcessGroup(child, { graceMs: 100 });

    expect(result).toEqual({ escalated: true, exited: true });
    expect(await exitOf(child)).toEqual({ code: null, signal: "SIGKILL" });
    expect(liveMembers(pgid)).toEqual([]);
  });

  it("escalates when a group member outlives a leader that obeyed SIGTERM", async () => {
    const child = spawnBash("(trap '' TERM; echo ready; exec sleep 300) & wait");
    await waitForStdout(child, "ready");
    const pgid = child.pid!;

    const result = await killChildProcessGroup(child, { graceMs: 100 });

    expect(result.escalated).toBe(true);
    expect(await exitOf(child)).toEqual({ code: null, signal: "SIGTERM" });
    expect(liveMembers(pgid)).toEqual([]);
  });

  it("works from a pid alone, without an exit promise", async () => {
    const child = spawnBash("sleep 300 & echo ready; wait");
    await waitForStdout(child, "ready");
    const pgid = child.pid!;

    const result = await killProcessGroup(pgid, { graceMs: 5000 });

    expect(result).toEqual({ escalated: false, exited: true });
    expect(liveMembers(pgid)).toEqual([]);
  });

  it("uses the requested first signal", async () => {
    const child = spawnBash("echo ready; exec sleep 300");
    await waitForStdout(child, "ready");
    await killChildProcessGroup(child, { signal: "SIGINT", graceMs: 5000 });
    expect(await exitOf(child)).toEqual({ code: null, signal: "SIGINT" });
  });

  it("treats a group that already exited as done", async () => {
    const child = spawnBash("echo ready");
    await waitForStdout(child, "ready");
    await exitOf(child);
    await expect(killChildProcessGroup(child)).resolves.toEqual({ escalated: false, exited: true });
    await expect(killProcessGroup(child.pid!, { graceMs: 0 })).resolves.toEqual({ escalated: false, exited: true });
  });

  it("resolves at once for a child that never started", async () => {
    const child = spawnInProcessGroup("/nonexistent/program", [], { stdio: "ignore" });
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => child.once("error", resolve));
    expect(error.code).toBe("ENOENT");
    await expect(killChildProcessGroup(child)).resolves.toEqual({ escalated: false, exited: true });
  });
});
