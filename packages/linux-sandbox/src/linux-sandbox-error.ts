/** Codes of the failures the helper reports before the command starts. */
export type LinuxSandboxErrorCode =
  | "SANDBOX_USAGE"
  | "SANDBOX_BWRAP_NOT_FOUND"
  | "SANDBOX_PROTECTED_SYMLINK"
  | "SANDBOX_NOT_ABSOLUTE"
  | "SANDBOX_FORWARDER_MISSING";

/** A failure of the sandbox setup that the user can fix; the message is one actionable sentence. */
export class LinuxSandboxError extends Error {
  constructor(
    readonly code: LinuxSandboxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LinuxSandboxError";
  }
}

/** Exit status of the helper when the sandbox could not be set up (the command never ran). */
export const SANDBOX_SETUP_FAILED_EXIT_CODE = 125;
