/** Error codes of the SDK's own errors. */
export type CodexSdkErrorCode =
  | "INVALID_CONFIG_OVERRIDE"
  | "INVALID_OUTPUT_SCHEMA"
  | "CODEX_EXEC_FAILED"
  | "INVALID_EVENT_LINE"
  | "TURN_FAILED";

/** Base class of the errors this package throws; `code` says which one it is. */
export class CodexSdkError extends Error {
  readonly code: CodexSdkErrorCode;

  constructor(code: CodexSdkErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A value of `CodexOptions.config` cannot be written as a TOML literal. */
export class ConfigOverrideError extends CodexSdkError {
  constructor(message: string) {
    super("INVALID_CONFIG_OVERRIDE", message);
  }
}

/** `TurnOptions.outputSchema` is not a plain JSON object. */
export class OutputSchemaError extends CodexSdkError {
  constructor() {
    super("INVALID_OUTPUT_SCHEMA", "outputSchema must be a plain JSON object (a JSON Schema).");
  }
}

/** `codex exec` exited with a non-zero code or was killed by a signal; `stderr` holds what it printed. */
export class CodexExecError extends CodexSdkError {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;

  constructor(exitCode: number | null, signal: NodeJS.Signals | null, stderr: string) {
    const how = signal ? `was killed by ${signal}` : `exited with code ${exitCode ?? 1}`;
    const detail = stderr.trim();
    super("CODEX_EXEC_FAILED", `codex exec ${how}${detail ? `: ${detail}` : "."}`);
    this.exitCode = exitCode;
    this.signal = signal;
    this.stderr = stderr;
  }
}

/** A stdout line of `codex exec` is not a JSON event. */
export class EventParseError extends CodexSdkError {
  readonly line: string;

  constructor(line: string, cause: unknown) {
    super("INVALID_EVENT_LINE", `codex exec printed a line that is not a JSON event: ${line}`, { cause });
    this.line = line;
  }
}

/** The turn ended with `turn.failed`; the message is the one the CLI reported. */
export class TurnFailedError extends CodexSdkError {
  constructor(message: string) {
    super("TURN_FAILED", message);
  }
}
