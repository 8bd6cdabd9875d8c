/** What went wrong with a rollout file. */
export type RolloutErrorCode =
  | "corrupt_line"
  | "missing_session_meta"
  | "not_in_sessions"
  | "not_in_archive"
  | "bad_file_name"
  | "already_exists"
  | "recorder_closed"
  | "bad_fork_point"
  | "bad_cursor";

/** A rollout problem a user can cause; the message is one actionable sentence. */
export class RolloutError extends Error {
  constructor(
    readonly code: RolloutErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RolloutError";
  }
}
