/** Error codes raised by this package. */
export type ProcessGroupErrorCode = "PROCESS_GROUP_SIGNAL_FAILED" | "PROCESS_GROUP_INVALID_PID";

/** A failure to signal a process group that is not simply "the group is already gone". */
export class ProcessGroupError extends Error {
  readonly code: ProcessGroupErrorCode;
  /** The errno name reported by the kernel (for example `EPERM`), when there was one. */
  readonly errno: string | undefined;

  constructor(code: ProcessGroupErrorCode, message: string, options?: { errno?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ProcessGroupError";
    this.code = code;
    this.errno = options?.errno;
  }
}

/** Throws `PROCESS_GROUP_INVALID_PID` unless `pid` is a positive integer (0 and negatives would signal other groups). */
export function assertValidPid(pid: number): void {
  if (!Number.isInteger(pid) || pid <= 0) {
    throw new ProcessGroupError("PROCESS_GROUP_INVALID_PID", `Process id ${String(pid)} is not a positive integer.`);
  }
}
