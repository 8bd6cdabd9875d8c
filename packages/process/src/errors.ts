/** Every error code this package raises. */
export type ProcessErrorCode =
  | "PROCESS_INVALID_OPTIONS"
  | "PROCESS_SPAWN_FAILED"
  | "PROCESS_NOT_RUNNING"
  | "PROCESS_STDIN_CLOSED"
  | "PROCESS_STDIN_WRITE_FAILED"
  | "PROCESS_NOT_A_TTY"
  | "PROCESS_ID_IN_USE"
  | "PROCESS_NOT_FOUND";

/** A failure a caller can cause or act on; `code` says which, the message says what to do in one sentence. */
export class ProcessError extends Error {
  readonly code: ProcessErrorCode;

  constructor(code: ProcessErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ProcessError";
    this.code = code;
  }
}

/** The program could not be started: not found, not executable, bad working directory, or the OS refused. */
export class ProcessSpawnError extends ProcessError {
  /** The program that was to run (`command[0]`). */
  readonly program: string;
  /** The errno name behind the failure (`ENOENT`, `EACCES`, `ENOTDIR`, ...), when known. */
  readonly errno: string | undefined;

  constructor(program: string, message: string, options?: { errno?: string; cause?: unknown }) {
    super("PROCESS_SPAWN_FAILED", message, options);
    this.name = "ProcessSpawnError";
    this.program = program;
    this.errno = options?.errno;
  }
}

/** The errno name (`code` property) of a Node system error, if any. */
export function errnoOf(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}

/** A spawn failure reported by the OS, turned into one actionable sentence. */
export function spawnErrorFrom(program: string, error: unknown): ProcessSpawnError {
  const errno = errnoOf(error);
  const quoted = JSON.stringify(program);
  let message: string;
  switch (errno) {
    case "ENOENT":
      message = `Could not start ${quoted}: no such program was found; check the name or PATH.`;
      break;
    case "EACCES":
    case "EPERM":
      message = `Could not start ${quoted}: permission denied; check that it is an executable file.`;
      break;
    case "ENOEXEC":
      message = `Could not start ${quoted}: the file is not in an executable format.`;
      break;
    default:
      message = `Could not start ${quoted}: ${error instanceof Error ? error.message : String(error)}.`;
  }
  return new ProcessSpawnError(program, message, { errno, cause: error });
}
