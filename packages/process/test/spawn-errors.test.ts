import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ProcessError, ProcessSpawnError, runProcess, startProcess, type StartProcessOptions } from "../src/index.js";

const dir = mkdtempSync(path.join(tmpdir(), "codex-process-spawn-"));
const notExecutable = path.join(dir, "script.sh");
writeFileSync(notExecutable, "#!/bin/sh\necho hi\n");
chmodSync(notExecutable, 0o644);

describe.each([false, true])("spawn failures (tty: %s)", (tty) => {
  it("reports a missing program as a typed error without crashing", async () => {
    const child = startProcess({ command: ["definitely-not-a-program-xyz", "arg"], tty });
    const error = await child.exited.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ProcessSpawnError);
    expect(error).toMatchObject({ code: "PROCESS_SPAWN_FAILED", errno: "ENOENT", program: "definitely-not-a-program-xyz" });
    expect((error as Error).message).toMatch(/no such program/);
    await expect(child.spawned).rejects.toBe(error);
    expect(child.running).toBe(false);
    await expect(child.write("x")).rejects.toMatchObject({ code: "PROCESS_NOT_RUNNING" });
    await expect(child.terminate()).rejects.toBe(error);
    expect(child.signal("SIGTERM")).toBe(false);
  });

  it("does not leave an unhandled rejection when nobody awaits the failure", async () => {
    startProcess({ command: ["definitely-not-a-program-xyz"], tty });
    // Vitest fails the run on unhandled rejections; let the failure surface first.
    await runProcess({ command: ["true"] });
  });

  it("reports a missing working directory", async () => {
    const child = startProcess({ command: ["pwd"], cwd: path.join(dir, "missing"), tty });
    await expect(child.exited).rejects.toMatchObject({ code: "PROCESS_SPAWN_FAILED", errno: "ENOENT" });
    await expect(child.exited).rejects.toThrow(/working directory .* does not exist/);
  });

  it("reports a file that is not executable", async () => {
    await expect(runProcess({ command: [notExecutable], tty })).rejects.toMatchObject({
      code: "PROCESS_SPAWN_FAILED",
      errno: "EACCES",
    });
  });

  it("looks the program up on the child's PATH", async () => {
    await expect(runProcess({ command: ["ls"], tty, baseEnv: { PATH: dir } })).rejects.toMatchObject({ errno: "ENOENT" });
  });
});

describe("invalid options", () => {
  const cases: [string, StartProcessOptions, RegExp][] = [
    ["an empty command", { command: [] }, /command must be a non-empty array/],
    ["an empty program", { command: [""] }, /must not be empty/],
    ["a NUL in an argument", { command: ["echo", "a\0b"] }, /command\[1\] must not contain NUL/],
    ["a size without tty", { command: ["true"], size: { cols: 80, rows: 24 } }, /size is only valid together with tty/],
    ["a zero terminal width", { command: ["true"], tty: true, size: { cols: 0, rows: 24 } }, /size\.cols/],
    ["a negative cap", { command: ["true"], outputBytesCap: -1 }, /outputBytesCap must be a non-negative integer/],
    ["a fractional timeout", { command: ["true"], timeoutMs: 1.5 }, /timeoutMs/],
    ["an env name with =", { command: ["true"], env: { "A=B": "x" } }, /env name/],
    ["a NUL in an env value", { command: ["true"], env: { A: "x\0" } }, /env\.A must not contain NUL/],
    ["an unknown stdin mode", { command: ["true"], stdin: "inherit" as "pipe" }, /stdin must be/],
  ];

  it.each(cases)("rejects %s synchronously", (_name, options, message) => {
    let caught: unknown;
    try {
      startProcess(options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProcessError);
    expect(caught).toMatchObject({ code: "PROCESS_INVALID_OPTIONS" });
    expect((caught as Error).message).toMatch(message);
  });

  it("makes runProcess reject instead of throwing", async () => {
    await expect(runProcess({ command: [] })).rejects.toMatchObject({ code: "PROCESS_INVALID_OPTIONS" });
  });
});
