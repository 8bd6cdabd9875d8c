export { GitError, type GitErrorCode } from "./errors.js";
export {
  DEFAULT_GIT_TIMEOUT_MS,
  type GitCommandResult,
  type GitQueryOptions,
  type GitRunOptions,
  runGit,
} from "./git-command.js";
export { type GitInfo, getGitInfo } from "./git-info.js";
export { type GitDiffToRemote, gitDiffToRemote } from "./diff-to-remote.js";
export { getDefaultBranch, listRemotes } from "./remote-base.js";
export { getGitRepoRoot, isInsideGitRepo } from "./repo-root.js";
