import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, realpath } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const codexBin = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

export interface CodexRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Collects a child's output and resolves with its exit code when it closes; kills it and rejects after
 * `deadlineMs` instead of hanging.
 */
export function collectExit(
  child: ChildProcess,
  description: string,
  deadlineMs = 15000,
): Promise<CodexRun> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${description} did not exit within ${deadlineMs} ms\n${stdout}\n${stderr}`));
    }, deadlineMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs the built `codex` binary and resolves when it exits; rejects after `deadlineMs`. */
export function runCodex(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; deadlineMs?: number } = {},
): Promise<CodexRun> {
  const child = spawn(process.execPath, [codexBin, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return collectExit(child, `codex ${args.join(" ")}`, options.deadlineMs);
}

/** A temp CODEX_HOME, a temp system config dir and a clean environment pointing at them. */
export async function makeCodexEnv(): Promise<{ home: string; system: string; root: string; env: NodeJS.ProcessEnv }> {
  const root = await realpath(await mkdtemp(path.join(tmpdir(), "codex-cli-test-")));
  const home = path.join(root, "codex-home");
  const system = path.join(root, "etc-codex");
  const { mkdir } = await import("node:fs/promises");
  await mkdir(home);
  await mkdir(system);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: root,
    CODEX_HOME: home,
    CODEX_SYSTEM_CONFIG_DIR: system,
  };
  return { home, system, root, env };
}
