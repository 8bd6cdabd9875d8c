import { type GitQueryOptions, gitOutput } from "./git-command.js";

/** Git facts recorded with a session (upstream `GitInfo`). A field is absent when git cannot tell. */
export interface GitInfo {
  /** Full hash of HEAD; absent before the first commit. */
  commitHash?: string;
  /** Current branch; absent on a detached HEAD. */
  branch?: string;
  /** URL of the `origin` remote. */
  repositoryUrl?: string;
}

/**
 * Commit, branch and origin URL of the repository at `cwd`, or undefined when `cwd` is not inside a
 * repository or git is unavailable. The three lookups run in parallel, each with the git timeout.
 */
export async function getGitInfo(cwd: string, options: GitQueryOptions = {}): Promise<GitInfo | undefined> {
  const run = { ...options, cwd };
  if ((await gitOutput(["rev-parse", "--git-dir"], run)) === undefined) return undefined;
  const [commitHash, branch, repositoryUrl] = await Promise.all([
    gitOutput(["rev-parse", "--verify", "--quiet", "HEAD"], run),
    gitOutput(["symbolic-ref", "--quiet", "--short", "HEAD"], run),
    gitOutput(["remote", "get-url", "origin"], run),
  ]);
  const info: GitInfo = {};
  if (commitHash) info.commitHash = commitHash;
  if (branch) info.branch = branch;
  if (repositoryUrl) info.repositoryUrl = repositoryUrl;
  return info;
}
