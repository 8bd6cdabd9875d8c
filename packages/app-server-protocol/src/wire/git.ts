// `gitDiffToRemote`: the diff between a working tree and its remote base.

/** A git commit hash. */
export type GitSha = string;

/** Diff a repository against the remote commit it is based on. */
export interface GitDiffToRemoteParams {
  /** Directory inside the repository. */
  cwd: string;
}

/** The base commit and the diff to it. */
export interface GitDiffToRemoteResponse {
  /** Remote commit the diff is taken against. */
  sha: GitSha;
  /** Unified diff, including untracked files. */
  diff: string;
}
