/** Machine-readable reasons an apply_patch call can fail. */
export type ApplyPatchErrorCode =
  | "INVALID_PATCH"
  | "EMPTY_PATCH"
  | "CONTEXT_NOT_FOUND"
  | "FILE_NOT_FOUND"
  | "NOT_A_FILE"
  | "WRITE_FAILED";

/** Where a failure happened, when it is tied to a place in the patch or a file. */
export interface ApplyPatchErrorDetails {
  /** 1-based line of the patch text that could not be parsed. */
  line?: number;
  /** The file path as written in the patch. */
  path?: string;
  /** 1-based index of the failing `@@` hunk within its file section. */
  hunk?: number;
  /** The lines the failing hunk expected to find in the file. */
  expected?: string[];
}

/** A user-caused apply_patch failure: a code and one actionable sentence (plus the expected lines, if any). */
export class ApplyPatchError extends Error {
  readonly code: ApplyPatchErrorCode;
  readonly line: number | undefined;
  readonly path: string | undefined;
  readonly hunk: number | undefined;
  readonly expected: string[] | undefined;

  constructor(code: ApplyPatchErrorCode, message: string, details: ApplyPatchErrorDetails = {}) {
    super(message);
    this.name = "ApplyPatchError";
    this.code = code;
    this.line = details.line;
    this.path = details.path;
    this.hunk = details.hunk;
    this.expected = details.expected;
  }
}

/** A grammar error at a 1-based line of the patch text. */
export function invalidPatch(line: number, message: string): ApplyPatchError {
  return new ApplyPatchError("INVALID_PATCH", `Invalid patch at line ${line}: ${message}`, { line });
}
