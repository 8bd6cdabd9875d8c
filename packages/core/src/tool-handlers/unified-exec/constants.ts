/** Shortest wait for output a call makes (unless the process exits first). */
export const MIN_YIELD_TIME_MS = 250;
/** Longest wait of exec_command and of a write_stdin that sends characters. */
export const MAX_YIELD_TIME_MS = 30_000;
/** Shortest wait of an empty write_stdin (a poll). */
export const MIN_EMPTY_YIELD_TIME_MS = 5_000;
/** Default longest wait of an empty write_stdin. */
export const DEFAULT_MAX_BACKGROUND_TERMINAL_TIMEOUT_MS = 300_000;
/** exec_command's wait when `yield_time_ms` is not given. */
export const DEFAULT_EXEC_YIELD_TIME_MS = 10_000;
/** write_stdin's wait when `yield_time_ms` is not given. */
export const DEFAULT_WRITE_STDIN_YIELD_TIME_MS = 250;
/** Tokens of output returned to the model when `max_output_tokens` is not given. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 10_000;
/** Output kept per session between calls, and per call (head and tail halves). */
export const UNIFIED_EXEC_OUTPUT_MAX_BYTES = 1024 * 1024;
/** Sessions kept open; starting one more prunes an old one. */
export const MAX_UNIFIED_EXEC_SESSIONS = 64;
/** Session count from which the model is warned that old sessions will be pruned. */
export const WARNING_UNIFIED_EXEC_SESSIONS = 60;
/** The most recently used sessions are never pruned. */
export const PROTECTED_RECENT_SESSIONS = 8;

/**
 * Environment for unified exec commands: no colours, no pagers, a dumb terminal and a UTF-8 locale, so the
 * output reads well as text. The launcher applies it on top of the turn's environment.
 */
export const UNIFIED_EXEC_ENV: Readonly<Record<string, string>> = Object.freeze({
  NO_COLOR: "1",
  TERM: "dumb",
  LANG: "C.UTF-8",
  LC_CTYPE: "C.UTF-8",
  LC_ALL: "C.UTF-8",
  COLORTERM: "",
  PAGER: "cat",
  GIT_PAGER: "cat",
  GH_PAGER: "cat",
  CODEX_CI: "1",
});

/** exec_command's wait: default 10 s, clamped to 250 ms – 30 s. */
export function execYieldTimeMs(requested: number | undefined): number {
  return clamp(requested ?? DEFAULT_EXEC_YIELD_TIME_MS, MIN_YIELD_TIME_MS, MAX_YIELD_TIME_MS);
}

/**
 * write_stdin's wait: default 250 ms, at least 250 ms; a poll (no characters) waits 5 s up to the background
 * maximum, a write at most 30 s.
 */
export function writeStdinYieldTimeMs(
  requested: number | undefined,
  poll: boolean,
  maxBackgroundMs = DEFAULT_MAX_BACKGROUND_TERMINAL_TIMEOUT_MS,
): number {
  const atLeast = Math.max(requested ?? DEFAULT_WRITE_STDIN_YIELD_TIME_MS, MIN_YIELD_TIME_MS);
  return poll
    ? clamp(atLeast, MIN_EMPTY_YIELD_TIME_MS, Math.max(maxBackgroundMs, MIN_EMPTY_YIELD_TIME_MS))
    : Math.min(atLeast, MAX_YIELD_TIME_MS);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
