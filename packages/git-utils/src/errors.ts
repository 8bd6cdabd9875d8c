export type GitErrorCode =
  | "NOT_A_GIT_REPO"
  | "NO_REMOTE"
  | "NO_REMOTE_BASE"
  | "GIT_NOT_FOUND"
  | "GIT_TIMEOUT"
  | "GIT_FAILED";

/** A git problem a user can act on; `message` is one actionable sentence. */
export class GitError extends Error {
  readonly code: GitErrorCode;

  constructor(code: GitErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "GitError";
    this.code = code;
  }
}
