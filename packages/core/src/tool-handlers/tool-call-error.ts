/**
 * A tool call that failed in a way the model should hear about: bad arguments, a missing file, an unknown
 * session. The turn loop returns `message` to the model as the tool's output (with `success: false`); it is
 * not a crash and not a turn error.
 */
export class ToolCallError extends Error {
  override readonly name = "ToolCallError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isToolCallError(error: unknown): error is ToolCallError {
  return error instanceof ToolCallError;
}
