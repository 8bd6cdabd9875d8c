const INITIAL_DELAY_MS = 200;
const BACKOFF_FACTOR = 2;

/** Delay before retry number `attempt` (1-based): 200 ms doubling, times a jitter in [0.9, 1.1). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const base = INITIAL_DELAY_MS * BACKOFF_FACTOR ** exponent;
  return Math.round(base * (0.9 + random() * 0.2));
}

/** `Retry-After` as seconds or an HTTP date, in ms; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Reads "try again in 1.5s" / "try again in 250ms" from a rate-limit message, in ms. */
export function parseTryAgainIn(message: string | undefined): number | undefined {
  if (!message) return undefined;
  const match = /try again in\s*(\d+(?:\.\d+)?)\s*(ms|s|seconds?)\b/i.exec(message);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2]?.toLowerCase() === "ms" ? Math.round(amount) : Math.round(amount * 1000);
}
