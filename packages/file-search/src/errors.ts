export type FileSearchErrorCode = "INVALID_LIMIT" | "INVALID_EXCLUDE" | "SESSION_STOPPED";

/** An error a caller can cause; `message` is one actionable sentence. */
export class FileSearchError extends Error {
  readonly code: FileSearchErrorCode;

  constructor(code: FileSearchErrorCode, message: string) {
    super(message);
    this.name = "FileSearchError";
    this.code = code;
  }
}
