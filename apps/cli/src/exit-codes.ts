/** Process exit codes shared by every command. */
export const ExitCode = {
  success: 0,
  failure: 1,
  usage: 2,
} as const;

/** A failure the user can fix; printed as one line, without a stack trace. */
export class CliUsageError extends Error {
  readonly code = "CLI_USAGE";
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}
