export type ExecPolicyErrorCode = "EXEC_POLICY_PARSE" | "EXEC_POLICY_READ";

/** A rules file that cannot be read or is not valid; the message reads `file:line:col: reason`. */
export class ExecPolicyError extends Error {
  constructor(
    readonly code: ExecPolicyErrorCode,
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(code === "EXEC_POLICY_READ" ? `${file}: ${reason}` : `${file}:${line}:${column}: ${reason}`);
    this.name = "ExecPolicyError";
  }
}

/** A position in a rules file (1-based line and column). */
export interface SourcePosition {
  line: number;
  column: number;
}

export function parseError(file: string, at: SourcePosition, reason: string): ExecPolicyError {
  return new ExecPolicyError("EXEC_POLICY_PARSE", file, at.line, at.column, reason);
}
