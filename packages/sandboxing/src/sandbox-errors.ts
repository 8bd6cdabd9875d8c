/** Thrown when commands cannot be sandboxed on this machine; never answered by running them unsandboxed. */
export class SandboxUnavailableError extends Error {
  readonly code = "SANDBOX_UNAVAILABLE";
  constructor(message: string) {
    super(message);
    this.name = "SandboxUnavailableError";
  }
}

/** Codes of the other sandbox errors a user can cause. */
export type SandboxErrorCode = "SANDBOX_INVALID_MODE" | "SANDBOX_EMPTY_COMMAND" | "SANDBOX_HELPER_MISSING";

/** A sandbox request that cannot be honoured as given (bad config value, no command, missing helper). */
export class SandboxError extends Error {
  constructor(
    readonly code: SandboxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SandboxError";
  }
}
