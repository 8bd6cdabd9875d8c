import { afterEach, describe, expect, it } from "vitest";
import { runProcess, startProcess, type ManagedProcess } from "../src/index.js";
import { killGroups, liveGroupMembers, OutputRecorder } from "./helpers.js";

const started: ManagedProcess[] = [];
function start(options: Parameters<typeof startProcess>[0]): ManagedProcess {
  const child = startProcess({ tty: true, ...options });
  started.push(child);
  return child;
}

afterEach(() => killGroups(started.splice(0).map((child) => child.pid)));

describe.skipIf(process.platform === "win32")("PTY mode", () => {
  it("gives the child a terminal", async () => {
    const child = start({ command: ["tty"] });
    const recorder = new OutputRecorder(child);
    const result = await child.exited;
    expect(result.exitCode).toBe(0);
    expect(recorder.text("stdout")).toMatch(/^\/dev\/pts\/\d+\r\n$/);
    expect(child.tty).toBe(true);
  });

  it("merges stderr into stdout", async () => {
    const child = start({ command: ["bash", "-c", "echo to-out; echo to-err >&2"] });
    const recorder = new OutputRecorder(child);
    await child.exited;
    expect(recorder.text("stdout")).toBe("to-out\r\nto-err\r\n");
    expect(recorder.chunks.every((entry) => entry.stream === "stdout")).toBe(true);
  });

  it("starts with the requested size", async () => {
    const result = await runProcess({ command: ["stty", "size"], tty: true, size: { cols: 100, rows: 30 } });
    expect(result.stdout.toString()).toBe("30 100\r\n");
  });

  it("defaults to 80x24", async () => {
    const result = await runProcess({ command: ["stty", "size"], tty: true });
    expect(result.stdout.toString()).toBe("24 80\r\n");
  });

  it("resizes the terminal and the child sees the new size", async () => {
    const child = start({ command: ["bash", "-c", "stty -echo; echo ready; read line; stty size"] });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    child.resize(132, 43);
    await child.write("go\n");
    const result = await child.exited;
    expect(result.exitCode).toBe(0);
    expect(recorder.text("stdout")).toBe("ready\r\n43 132\r\n");
  });

  it("delivers SIGWINCH to the child on resize", async () => {
    const child = start({ command: ["bash", "-c", "trap 'stty size; exit 0' WINCH; echo ready; while :; do sleep 0.05; done"] });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    child.resize(90, 20);
    const result = await child.exited;
    expect(result.exitCode).toBe(0);
    expect(recorder.text("stdout")).toContain("20 90\r\n");
  });

  it("rejects invalid sizes", async () => {
    const child = start({ command: ["cat"] });
    expect(() => child.resize(0, 10)).toThrow(expect.objectContaining({ code: "PROCESS_INVALID_OPTIONS" }));
    expect(() => child.resize(80, 1.5)).toThrow(/rows/);
    await child.terminate();
    expect(() => child.resize(80, 24)).toThrow(expect.objectContaining({ code: "PROCESS_NOT_RUNNING" }));
  });

  it("round-trips input through cat and ends it with closeStdin", async () => {
    const child = start({ command: ["cat"] });
    const recorder = new OutputRecorder(child);
    await child.write("hello\n");
    await recorder.waitFor("hello\r\nhello\r\n"); // terminal echo, then cat's copy
    child.closeStdin();
    const result = await child.exited;
    expect(result.exitCode).toBe(0);
  });

  it("ends input that stops in the middle of a line", async () => {
    const child = start({ command: ["bash", "-c", "stty -echo; echo ready; cat; echo; echo done"] });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    await child.write("partial");
    child.closeStdin();
    const result = await child.exited;
    expect(result.exitCode).toBe(0);
    expect(recorder.text("stdout")).toBe("ready\r\npartial\r\ndone\r\n");
  });

  it("delivers non-UTF-8 bytes unchanged", async () => {
    const result = await runProcess({ command: ["printf", "\\200\\377\\376A"], tty: true });
    expect([...result.stdout]).toEqual([0x80, 0xff, 0xfe, 0x41]);
  });

  it("sets TERM, honours env overrides and cwd", async () => {
    const result = await runProcess({
      command: ["bash", "-c", 'echo "$TERM $FOO ${GONE-unset} $(pwd -P)"'],
      tty: true,
      cwd: "/",
      baseEnv: { PATH: process.env.PATH, GONE: "x" },
      env: { FOO: "bar", GONE: null },
    });
    expect(result.stdout.toString()).toBe("xterm-256color bar unset /\r\n");
    const named = await runProcess({ command: ["bash", "-c", "echo $TERM"], tty: true, terminalName: "vt100" });
    expect(named.stdout.toString()).toBe("vt100\r\n");
  });

  it("reports exit codes and signals", async () => {
    expect(await runProcess({ command: ["bash", "-c", "exit 5"], tty: true })).toMatchObject({ exitCode: 5, signal: null });
    expect(await runProcess({ command: ["bash", "-c", "kill -KILL $$"], tty: true })).toMatchObject({
      exitCode: null,
      signal: "SIGKILL",
    });
  });

  it("terminates the whole process tree", async () => {
    const child = start({ command: ["bash", "-c", "sleep 300 & sleep 301 & (sleep 302 & echo ready; wait) & wait"] });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    const pgid = child.pid!;
    expect(liveGroupMembers(pgid).length).toBeGreaterThanOrEqual(5);
    const result = await child.terminate({ graceMs: 5000 });
    expect(result).toMatchObject({ terminated: true, exitCode: null, signal: "SIGTERM" });
    expect(liveGroupMembers(pgid)).toEqual([]);
  });

  it("escalates to SIGKILL for a tree that ignores SIGTERM", async () => {
    const child = start({ command: ["bash", "-c", "trap '' TERM HUP; echo ready; while :; do sleep 1; done"] });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    const result = await child.terminate({ graceMs: 100 });
    expect(result.signal).toBe("SIGKILL");
    expect(liveGroupMembers(child.pid!)).toEqual([]);
  });

  it("stops waiting for a background process that keeps the terminal open after the drain timeout", async () => {
    // The leader exits on our newline, once the background process has announced that it ignores SIGHUP.
    const child = start({
      command: ["bash", "-c", "(trap '' HUP; echo started; exec sleep 300) & read line"],
      drainTimeoutMs: 200,
    });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("started");
    await child.write("\n");
    const result = await child.exited;
    expect(result).toMatchObject({ exitCode: 0, signal: null });
    expect(liveGroupMembers(child.pid!).length).toBe(1);
  });

  it("reports a missing program as a typed spawn error", async () => {
    const child = startProcess({ command: ["definitely-not-a-program-xyz"], tty: true });
    await expect(child.exited).rejects.toMatchObject({ code: "PROCESS_SPAWN_FAILED", errno: "ENOENT" });
    await expect(child.spawned).rejects.toMatchObject({ name: "ProcessSpawnError" });
    expect(child.running).toBe(false);
    expect(child.pid).toBeUndefined();
  });
});

describe.skipIf(process.platform === "win32")("PTY mode, programs that close the terminal before exiting", () => {
  it("reports cat's own exit status every time, never a hangup", async () => {
    const statuses = new Set<string>();
    for (let i = 0; i < 40; i += 1) {
      const child = start({ command: ["cat"] });
      const recorder = new OutputRecorder(child);
      await child.write("line\n");
      await recorder.waitFor("line\r\nline\r\n");
      child.closeStdin();
      const result = await child.exited;
      statuses.add(`${result.exitCode}/${result.signal}`);
    }
    expect([...statuses]).toEqual(["0/null"]);
  });
});
