export class WaitForTimeoutError extends Error {
  readonly code = "WAIT_FOR_TIMEOUT";
  constructor(description: string, deadlineMs: number, lastError: unknown) {
    const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
    super(`Timed out after ${deadlineMs} ms waiting for ${description}${cause}.`);
    this.name = "WaitForTimeoutError";
  }
}

export type WaitForOptions = {
  /** Give up after this many milliseconds. Default 5000. */
  deadlineMs?: number;
  /** Named in the timeout error. */
  description?: string;
  /** Delay between checks. Default 10 ms. */
  intervalMs?: number;
};

/**
 * Resolves with the first truthy value `predicate` returns (a throwing predicate counts as not yet),
 * or rejects with `WaitForTimeoutError` once the deadline passes.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  options: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const deadlineMs = options.deadlineMs ?? 5000;
  const intervalMs = options.intervalMs ?? 10;
  const deadline = Date.now() + deadlineMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      throw new WaitForTimeoutError(options.description ?? "the condition", deadlineMs, lastError);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
}
