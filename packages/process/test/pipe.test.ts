import { mkdtempSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ProcessError, runProcess, startProcess } from "../src/index.js";
import { OutputRecorder } from "./helpers.js";

const hermeticEnv = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: tmpdir() };

describe("pipe mode", () => {
  it("keeps stdout and stderr apart", async () => {
    const child = startProcess({ command: ["bash", "-c", "echo out1; echo err1 >&2; echo out2; echo err2 >&2"] });
    const recorder = new OutputRecorder(child);
    const result = await child.exited;
    expect(recorder.text("stdout")).toBe("out1\nout2\n");
    expect(recorder.text("stderr")).toBe("err1\nerr2\n");
    expect(result).toMatchObject({ exitCode: 0, signal: null, timedOut: false, terminated: false, truncated: false });
    expect(result.stdoutBytes).toBe(10);
    expect(result.stderrBytes).toBe(10);
    // Not retained unless asked.
    expect(result.stdout.length).toBe(0);
  });

  it("round-trips stdin through cat, in pieces", async () => {
    const child = startProcess({ command: ["cat"], retainOutput: true });
    const recorder = new OutputRecorder(child);
    await child.write("first line\n");
    await recorder.waitFor("first line\n");
    await child.write(Buffer.from("second "));
    await child.write(new Uint8Array([0x6c, 0x69, 0x6e, 0x65])); // "line"
    child.closeStdin();
    child.closeStdin(); // idempotent
    const result = await child.exited;
    expect(result.exitCode).toBe(0);
    expect(result.stdout.toString()).toBe("first line\nsecond line");
  });

  it("passes every byte value through unchanged", async () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const big = Buffer.concat(Array.from({ length: 4096 }, () => all)); // 1 MiB, many chunks
    const result = await runProcess({ command: ["cat"], input: big });
    expect(result.stdout.equals(big)).toBe(true);
    const small = await runProcess({ command: ["cat"], input: all });
    expect([...small.stdout]).toEqual([...all]);
    expect(small.stdout.toString("base64")).toBe(all.toString("base64"));
  });

  it("delivers output produced as raw bytes by the program itself", async () => {
    const result = await runProcess({ command: ["printf", "\\000\\001\\200\\377\\376"] });
    expect([...result.stdout]).toEqual([0x00, 0x01, 0x80, 0xff, 0xfe]);
  });

  it("applies env overrides on top of the base env", async () => {
    const result = await runProcess({
      command: ["bash", "-c", 'echo "keep=${KEEP-unset} replace=${REPLACE-unset} drop=${DROP-unset} add=${ADD-unset}"'],
      baseEnv: { ...hermeticEnv, KEEP: "k", REPLACE: "old", DROP: "d" },
      env: { REPLACE: "new", DROP: null, ADD: "a b" },
    });
    expect(result.stdout.toString()).toBe("keep=k replace=new drop=unset add=a b\n");
  });

  it("inherits process.env by default", async () => {
    const result = await runProcess({ command: ["printenv", "PATH"] });
    expect(result.stdout.toString().trim()).toBe(process.env.PATH);
  });

  it("runs in the requested cwd", async () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), "codex-process-cwd-")));
    const result = await runProcess({ command: ["pwd", "-P"], cwd: dir });
    expect(result.stdout.toString().trim()).toBe(dir);
  });

  it("reports exit codes", async () => {
    for (const code of [0, 1, 7, 255]) {
      const result = await runProcess({ command: ["bash", "-c", `exit ${code}`] });
      expect(result).toMatchObject({ exitCode: code, signal: null });
    }
  });

  it("reports the signal that killed the process", async () => {
    const result = await runProcess({ command: ["bash", "-c", "kill -USR1 $$"] });
    expect(result).toMatchObject({ exitCode: null, signal: "SIGUSR1", terminated: false, timedOut: false });
  });

  it("gives /dev/null as stdin when asked, and refuses writes then", async () => {
    const child = startProcess({ command: ["cat"], stdin: "ignore", retainOutput: true });
    await expect(child.write("x")).rejects.toMatchObject({ code: "PROCESS_STDIN_CLOSED" });
    const result = await child.exited;
    expect(result.exitCode).toBe(0);
    expect(result.stdout.length).toBe(0);
  });

  it("refuses writes after closeStdin and after exit", async () => {
    const child = startProcess({ command: ["cat"] });
    child.closeStdin();
    await expect(child.write("late")).rejects.toMatchObject({ code: "PROCESS_STDIN_CLOSED" });
    await child.exited;
    expect(child.running).toBe(false);
    await expect(child.write("later")).rejects.toMatchObject({ code: "PROCESS_NOT_RUNNING" });
  });

  it("reports a write to a process that stopped reading as a typed error, not a crash", async () => {
    const child = startProcess({ command: ["bash", "-c", "exec 0<&-; echo closed; sleep 5"] });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("closed");
    const big = Buffer.alloc(1 << 20);
    await expect(child.write(big)).rejects.toMatchObject({ code: "PROCESS_STDIN_WRITE_FAILED" });
    await child.terminate();
  });

  it("cannot be resized", async () => {
    const child = startProcess({ command: ["true"] });
    let caught: unknown;
    try {
      child.resize(100, 40);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProcessError);
    expect((caught as ProcessError).code).toBe("PROCESS_NOT_A_TTY");
    await child.exited;
  });

  it("delivers all output to listeners before exited resolves", async () => {
    const child = startProcess({ command: ["head", "-c", "3000000", "/dev/zero"] });
    let seen = 0;
    child.onOutput((_stream, chunk) => {
      seen += chunk.length;
    });
    const result = await child.exited;
    expect(seen).toBe(3_000_000);
    expect(result.stdoutBytes).toBe(3_000_000);
  });

  it("stops calling a listener once it is removed", async () => {
    const child = startProcess({ command: ["bash", "-c", "echo one; read; echo two"] });
    const recorder = new OutputRecorder(child);
    const seen: string[] = [];
    const remove = child.onOutput((_stream, chunk) => seen.push(chunk.toString()));
    await recorder.waitFor("one\n");
    remove();
    await child.write("\n");
    await child.exited;
    expect(seen.join("")).toBe("one\n");
    expect(recorder.text("stdout")).toBe("one\ntwo\n");
  });

  it("exposes pid and command", async () => {
    const child = startProcess({ command: ["true"] });
    expect(child.pid).toBeGreaterThan(0);
    expect(child.command).toEqual(["true"]);
    expect(child.tty).toBe(false);
    await child.spawned;
    await child.exited;
  });
});
