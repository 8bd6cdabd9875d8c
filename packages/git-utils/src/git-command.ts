import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { GitError } from "./errors.js";

/** Time one git command may take before it is killed (as upstream: 5 s). */
export const DEFAULT_GIT_TIMEOUT_MS = 5_000;

export interface GitRunOptions {
  cwd: string;
  /** Milliseconds before the command is killed and `GitError` `GIT_TIMEOUT` is thrown (default 5000). */
  timeoutMs?: number;
  /** Extra environment variables for git. */
  env?: Record<string, string>;
  /** The git executable (default `git` on PATH). */
  gitPath?: string;
}

/** Options of the higher-level queries: everything but the directory, which they take first. */
export type GitQueryOptions = Omit<GitRunOptions, "cwd">;

export interface GitCommandResult {
  /** Exit code; null when git was ended by a signal. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `git <args>` in `options.cwd` and collects its output. Repository hooks and fsmonitor helpers
 * are disabled, and git takes no optional locks, so inspecting a repository never changes it.
 * Throws `GitError` when git is missing (`GIT_NOT_FOUND`) or too slow (`GIT_TIMEOUT`); a non-zero exit
 * is returned, not thrown.
 */
export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitCommandResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  const nullDevice = process.platform === "win32" ? "NUL" : "/dev/null";
  const argv = ["-c", `core.hooksPath=${nullDevice}`, "-c", "core.fsmonitor=false", ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(options.gitPath ?? "git", argv, {
      cwd: options.cwd,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      windowsHide: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill("SIGKILL");
      reject(
        new GitError("GIT_TIMEOUT", `git ${args[0] ?? ""} took longer than ${timeoutMs} ms; retry, or check the repository for a stuck lock or a very large working tree.`),
      );
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error.code === "ENOENT") {
        reject(
          !existsSync(options.cwd)
            ? new GitError("NOT_A_GIT_REPO", `${options.cwd} does not exist; pass an existing directory inside a git repository.`, { cause: error })
            : new GitError("GIT_NOT_FOUND", "git was not found on PATH; install git or add it to PATH.", { cause: error }),
        );
      } else {
        reject(new GitError("GIT_FAILED", `could not run git: ${error.message}.`, { cause: error }));
      }
    });
    child.on("close", (exitCode) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        exitCode,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
}

/** Trimmed stdout of a successful command, or undefined (non-zero exit, timeout, missing git). */
export async function gitOutput(args: readonly string[], options: GitRunOptions): Promise<string | undefined> {
  try {
    const result = await runGit(args, options);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  } catch {
    return undefined;
  }
}
