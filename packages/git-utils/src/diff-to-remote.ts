import { GitError } from "./errors.js";
import { type GitQueryOptions, type GitRunOptions, gitOutput, runGit } from "./git-command.js";
import { findRemoteBase, listRemotes } from "./remote-base.js";
import { getGitRepoRoot } from "./repo-root.js";

/** Result of `gitDiffToRemote` (the app-server's `GitDiffToRemoteResponse`). */
export interface GitDiffToRemote {
  /** The remote commit the diff is taken against. */
  sha: string;
  /** Unified diff from `sha` to the working tree, untracked files included. */
  diff: string;
}

/** Untracked files diffed at once. */
const UNTRACKED_CONCURRENCY = 8;

/**
 * The closest commit of HEAD's history that exists on a remote, and the diff from it to the working
 * tree, including untracked (not ignored) files as new-file diffs. Paths are relative to the
 * repository root whatever directory inside it `cwd` is. Throws `GitError`: `NOT_A_GIT_REPO`,
 * `NO_REMOTE`, `NO_REMOTE_BASE`, `GIT_NOT_FOUND`, `GIT_TIMEOUT` or `GIT_FAILED`.
 */
export async function gitDiffToRemote(cwd: string, options: GitQueryOptions = {}): Promise<GitDiffToRemote> {
  if (getGitRepoRoot(cwd) === undefined) {
    throw new GitError("NOT_A_GIT_REPO", `${cwd} is not inside a git repository; run this from a repository checkout.`);
  }
  const toplevel = await gitOutput(["rev-parse", "--show-toplevel"], { ...options, cwd });
  if (!toplevel) {
    throw new GitError("NOT_A_GIT_REPO", `${cwd} is not inside a git work tree; run this from a repository checkout.`);
  }
  const run: GitRunOptions = { ...options, cwd: toplevel };
  const remotes = await listRemotes(toplevel, options);
  if (remotes.length === 0) {
    throw new GitError("NO_REMOTE", `the repository at ${toplevel} has no remote; add one with \`git remote add origin <url>\` and fetch it.`);
  }
  if ((await gitOutput(["rev-parse", "--verify", "--quiet", "HEAD"], run)) === undefined) {
    throw new GitError("NO_REMOTE_BASE", `the repository at ${toplevel} has no commits yet; commit and push before diffing against the remote.`);
  }
  const sha = await findRemoteBase(remotes, run);
  if (sha === undefined) {
    throw new GitError("NO_REMOTE_BASE", `no commit of HEAD's history is on a remote of ${toplevel}; push the branch or fetch the remote first.`);
  }
  const tracked = await runGit(["diff", "--no-textconv", "--no-ext-diff", sha], run);
  if (tracked.exitCode !== 0) {
    throw new GitError("GIT_FAILED", `git diff against ${sha} failed: ${firstLine(tracked.stderr)}.`);
  }
  return { sha, diff: tracked.stdout + (await untrackedDiff(run)) };
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "unknown error";
}

/** New-file diffs of every untracked, not ignored file, in path order. */
async function untrackedDiff(run: GitRunOptions): Promise<string> {
  const listing = await runGit(["ls-files", "-z", "--others", "--exclude-standard"], run);
  if (listing.exitCode !== 0) return "";
  const files = listing.stdout
    .split("\0")
    .filter((file) => file !== "" && !file.endsWith("/"))
    .sort();
  const nullDevice = process.platform === "win32" ? "NUL" : "/dev/null";
  const diffs = new Array<string>(files.length).fill("");
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next;
      next += 1;
      const args = ["diff", "--no-textconv", "--no-ext-diff", "--binary", "--no-index", "--", nullDevice, files[index] as string];
      const result = await runGit(args, run);
      if (result.exitCode === 0 || result.exitCode === 1) diffs[index] = result.stdout;
    }
  };
  await Promise.all(Array.from({ length: Math.min(UNTRACKED_CONCURRENCY, files.length) }, worker));
  return diffs.join("");
}
