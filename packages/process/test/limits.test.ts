import { afterEach, describe, expect, it } from "vitest";
import { runProcess, startProcess, type ManagedProcess, type StartProcessOptions } from "../src/index.js";
import { killGroups, liveGroupMembers, OutputRecorder } from "./helpers.js";

const started: ManagedProcess[] = [];
function start(options: StartProcessOptions): ManagedProcess {
  const child = startProcess(options);
  started.push(child);
  return child;
}

afterEach(() => killGroups(started.splice(0).map((child) => child.pid)));

describe("timeouts", () => {
  it("kills the process tree when the timeout elapses and reports timedOut", async () => {
    const child = start({ command: ["bash", "-c", "sleep 300 & sleep 301 & wait"], timeoutMs: 300 });
    const pgid = child.pid!;
    const result = await child.exited;
    expect(result).toMatchObject({ timedOut: true, terminated: false, exitCode: null, signal: "SIGTERM" });
    expect(liveGroupMembers(pgid)).toEqual([]);
  });

  it("escalates to SIGKILL after the grace period when SIGTERM is ignored", async () => {
    const child = start({
      command: ["bash", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done"],
      // Long enough for bash to install the trap before the timeout fires, even on a loaded machine.
      timeoutMs: 1000,
      killGraceMs: 100,
    });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    const result = await child.exited;
    expect(result).toMatchObject({ timedOut: true, signal: "SIGKILL" });
    expect(liveGroupMembers(child.pid!)).toEqual([]);
  });

  it("times out in PTY mode too", async () => {
    const result = await runProcess({ command: ["sleep", "300"], tty: true, timeoutMs: 100 });
    expect(result).toMatchObject({ timedOut: true, signal: "SIGTERM" });
  });

  it("does not fire for a process that finishes in time", async () => {
    const result = await runProcess({ command: ["bash", "-c", "exit 4"], timeoutMs: 60_000 });
    expect(result).toMatchObject({ timedOut: false, exitCode: 4 });
  });

  it("is off when timeoutMs is null", async () => {
    const result = await runProcess({ command: ["true"], timeoutMs: null });
    expect(result.timedOut).toBe(false);
  });
});

describe("output caps", () => {
  it("keeps at most the cap, reports truncation, and lets the process run to completion", async () => {
    // 10 MB is far more than a pipe buffer: the process would block forever if the dropped output were not drained.
    const child = start({ command: ["head", "-c", "10000000", "/dev/zero"], outputBytesCap: 1000, retainOutput: true });
    const recorder = new OutputRecorder(child);
    const result = await child.exited;
    expect(result).toMatchObject({ exitCode: 0, stdoutTruncated: true, stderrTruncated: false, truncated: true });
    expect(result.stdout.length).toBe(1000);
    expect(result.stdoutBytes).toBe(10_000_000);
    expect(recorder.bytes("stdout").length).toBe(1000);
    // Only the last delivered chunk carries capReached, and nothing follows it.
    const flags = recorder.chunks.map((entry) => entry.capReached);
    expect(flags.at(-1)).toBe(true);
    expect(flags.slice(0, -1).every((flag) => !flag)).toBe(true);
  });

  it("delivers everything without a cap", async () => {
    const result = await runProcess({ command: ["head", "-c", "10000000", "/dev/zero"] });
    expect(result).toMatchObject({ exitCode: 0, truncated: false });
    expect(result.stdout.length).toBe(10_000_000);
  });

  it("caps stdout and stderr separately", async () => {
    const result = await runProcess({
      command: ["bash", "-c", "printf 0123456789; printf abcdefghij >&2; printf xyz"],
      outputBytesCap: 5,
    });
    expect(result.stdout.toString()).toBe("01234");
    expect(result.stderr.toString()).toBe("abcde");
    expect(result).toMatchObject({ stdoutTruncated: true, stderrTruncated: true, stdoutBytes: 13, stderrBytes: 10 });
  });

  it("does not report truncation when output fits the cap exactly", async () => {
    const result = await runProcess({ command: ["printf", "12345"], outputBytesCap: 5 });
    expect(result.stdout.toString()).toBe("12345");
    expect(result.truncated).toBe(false);
  });

  it("applies the cap to streamed output when nothing is retained", async () => {
    const child = start({ command: ["head", "-c", "200000", "/dev/zero"], outputBytesCap: 65_536 });
    const recorder = new OutputRecorder(child);
    const result = await child.exited;
    expect(recorder.bytes("stdout").length).toBe(65_536);
    expect(result.stdout.length).toBe(0);
    expect(result.stdoutTruncated).toBe(true);
  });

  it("caps PTY output", async () => {
    const result = await runProcess({ command: ["head", "-c", "100000", "/dev/zero"], tty: true, outputBytesCap: 100 });
    expect(result.stdout.length).toBe(100);
    expect(result).toMatchObject({ exitCode: 0, stdoutTruncated: true });
  });

  it("keeps a capped, still-running process writable and terminable", async () => {
    const child = start({ command: ["bash", "-c", "yes | head -c 1000000; echo; cat"], outputBytesCap: 10 });
    const recorder = new OutputRecorder(child);
    await child.write("ignored\n");
    await recorder.waitUntil(() => recorder.chunks.some((entry) => entry.capReached), "the cap to be reached");
    expect(child.running).toBe(true);
    const result = await child.terminate();
    expect(result).toMatchObject({ terminated: true, stdoutTruncated: true });
  });
});
