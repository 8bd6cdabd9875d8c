import { afterEach, describe, expect, it } from "vitest";
import { startProcess, type ManagedProcess, type StartProcessOptions } from "../src/index.js";
import { killGroups, liveGroupMembers, OutputRecorder } from "./helpers.js";

const started: ManagedProcess[] = [];
function start(options: StartProcessOptions): ManagedProcess {
  const child = startProcess(options);
  started.push(child);
  return child;
}

afterEach(() => killGroups(started.splice(0).map((child) => child.pid)));

describe.skipIf(process.platform === "win32")("terminate", () => {
  it("kills a tree of processes and leaves nothing in its process group", async () => {
    const child = start({ command: ["bash", "-c", "sleep 300 & (sleep 301 & sleep 302 & echo ready; wait) & wait"] });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    const pgid = child.pid!;
    expect(liveGroupMembers(pgid).length).toBeGreaterThanOrEqual(5);
    const result = await child.terminate({ graceMs: 5000 });
    expect(result).toMatchObject({ terminated: true, timedOut: false, exitCode: null, signal: "SIGTERM" });
    expect(liveGroupMembers(pgid)).toEqual([]);
    expect(child.running).toBe(false);
  });

  it("escalates to SIGKILL for a process that ignores SIGTERM", async () => {
    const child = start({ command: ["bash", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done"] });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    const result = await child.terminate({ graceMs: 100 });
    expect(result.signal).toBe("SIGKILL");
    expect(liveGroupMembers(child.pid!)).toEqual([]);
  });

  it("uses killGraceMs from the options by default", async () => {
    const child = start({ command: ["bash", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done"], killGraceMs: 50 });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    expect((await child.terminate()).signal).toBe("SIGKILL");
  });

  it("returns the same result when called again or after exit", async () => {
    const child = start({ command: ["bash", "-c", "exit 2"] });
    const result = await child.exited;
    expect(await child.terminate()).toBe(result);
    expect(result).toMatchObject({ terminated: false, exitCode: 2 });
  });

  it("is safe to call twice while the kill is in progress", async () => {
    const child = start({ command: ["sleep", "300"] });
    await child.spawned;
    const [first, second] = await Promise.all([child.terminate(), child.terminate()]);
    expect(first).toBe(second);
    expect(first.signal).toBe("SIGTERM");
  });

  it("sends single signals to the process group", async () => {
    const child = start({ command: ["bash", "-c", "trap 'echo got-usr1' USR1; echo ready; while :; do sleep 0.05; done"] });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    expect(child.signal("SIGUSR1")).toBe(true);
    await recorder.waitFor("got-usr1");
    expect(child.signal("SIGINT")).toBe(true);
    const result = await child.exited;
    expect(result).toMatchObject({ signal: "SIGINT", terminated: false });
    expect(child.signal("SIGINT")).toBe(false);
  });

  it("stops waiting for output held open by a background process after the drain timeout", async () => {
    const child = start({ command: ["bash", "-c", "sleep 300 & echo started"], drainTimeoutMs: 200 });
    const recorder = new OutputRecorder(child);
    const result = await child.exited;
    expect(result).toMatchObject({ exitCode: 0, signal: null });
    expect(recorder.text("stdout")).toBe("started\n");
    // The background sleep is still there (it was not killed); clean it up.
    expect(liveGroupMembers(child.pid!).length).toBe(1);
  });

  it("kills what is left of the group when terminated while draining", async () => {
    const child = start({ command: ["bash", "-c", "sleep 300 & echo started"], drainTimeoutMs: 60_000 });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("started");
    const pgid = child.pid!;
    // The leader exits at once (before or during the kill); the sleep keeps stdout open until it is killed, and
    // without the kill the 60 s drain would outlast the test's timeout.
    await child.terminate({ graceMs: 5000 });
    expect(liveGroupMembers(pgid)).toEqual([]);
  });
});
