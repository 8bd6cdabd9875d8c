import { spawn } from "node:child_process";
import { mkdtemp, readFile, realpath, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codexBin, makeCodexEnv, runCodex } from "./run-codex.js";

async function workdir(): Promise<string> {
  return realpath(await mkdtemp(path.join(tmpdir(), "codex-apply-patch-")));
}

/** Runs `codex apply_patch` with `input` on stdin. */
function runWithStdin(input: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [codexBin, "apply_patch"], { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("codex apply_patch did not exit within 15000 ms"));
    }, 15000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

describe("codex apply_patch", () => {
  it("applies a patch given as an argument and prints the A/M/D summary", async () => {
    const { env } = await makeCodexEnv();
    const cwd = await workdir();
    await writeFile(path.join(cwd, "mod.txt"), "one\ntwo\n");
    await writeFile(path.join(cwd, "del.txt"), "bye\n");
    const patch = [
      "*** Begin Patch",
      "*** Add File: new.txt",
      "+hello",
      "*** Update File: mod.txt",
      "@@",
      " one",
      "-two",
      "+2",
      "*** Delete File: del.txt",
      "*** End Patch",
    ].join("\n");
    const run = await runCodex(["apply_patch", patch], { env, cwd });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("Success. Updated the following files:\nA new.txt\nM mod.txt\nD del.txt\n");
    expect(run.code).toBe(0);
    expect(await readFile(path.join(cwd, "new.txt"), "utf8")).toBe("hello\n");
    expect(await readFile(path.join(cwd, "mod.txt"), "utf8")).toBe("one\n2\n");
  });

  it("reads the patch from stdin when no argument is given", async () => {
    const { env } = await makeCodexEnv();
    const cwd = await workdir();
    const run = await runWithStdin("*** Begin Patch\n*** Add File: a.txt\n+a\n*** End Patch\n", cwd, env);
    expect(run.stdout).toBe("Success. Updated the following files:\nA a.txt\n");
    expect(run.code).toBe(0);
    expect(await readFile(path.join(cwd, "a.txt"), "utf8")).toBe("a\n");
  });

  it("exits 1 with the error on stderr and leaves the files alone when a hunk does not apply", async () => {
    const { env } = await makeCodexEnv();
    const cwd = await workdir();
    await writeFile(path.join(cwd, "f.txt"), "a\n");
    const patch = "*** Begin Patch\n*** Add File: b.txt\n+b\n*** Update File: f.txt\n@@\n-zzz\n+y\n*** End Patch";
    const run = await runCodex(["apply_patch", patch], { env, cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/Hunk 1 of 'f\.txt'.*\nExpected lines:\nzzz\n$/s);
    await expect(readFile(path.join(cwd, "b.txt"))).rejects.toThrow();
  });

  it("reports a grammar error with its line number", async () => {
    const { env } = await makeCodexEnv();
    const run = await runCodex(["apply_patch", "*** Begin Patch\n*** Bogus: x\n*** End Patch"], { env, cwd: await workdir() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Invalid patch at line 2: /);
  });
});
