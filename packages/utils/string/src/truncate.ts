import { charCount, prefixEnd, suffixStart, utf8ByteLength } from "./utf8.js";

/** The estimate used everywhere a token count is needed without a tokenizer. */
export const APPROX_BYTES_PER_TOKEN = 4;

/** Approximate tokens in `text`: its UTF-8 length divided by 4, rounded up. */
export function approxTokenCount(text: string): number {
  return approxTokensFromByteCount(utf8ByteLength(text));
}

/** Approximate tokens for a byte count, rounded up. */
export function approxTokensFromByteCount(bytes: number): number {
  if (bytes <= 0) return 0;
  return Math.ceil(bytes / APPROX_BYTES_PER_TOKEN);
}

/** Byte budget that corresponds to a token budget. */
export function approxBytesForTokens(tokens: number): number {
  return Math.max(0, tokens) * APPROX_BYTES_PER_TOKEN;
}

/** The marker put where the middle of a text was cut out. */
export function truncationMarker(unit: "tokens" | "chars", removed: number): string {
  return `…${removed} ${unit} truncated…`;
}

/**
 * Keeps the head and the tail of `text` within `maxBytes` UTF-8 bytes in total (half each, on character
 * boundaries) and replaces the middle with `…N chars truncated…`, N being the number of characters removed.
 * A text that fits is returned unchanged; with a zero budget only the marker remains.
 */
export function truncateMiddleChars(text: string, maxBytes: number): string {
  return truncateWithByteEstimate(text, maxBytes, "chars");
}

/** Result of a token-budget truncation. */
export interface TokenTruncation {
  text: string;
  /** The approximate token count of the input when something was cut, otherwise null. */
  originalTokenCount: number | null;
}

/**
 * Keeps the head and the tail of `text` within about `maxTokens` tokens (4 bytes each) and replaces the middle
 * with `…N tokens truncated…`, N being the approximate number of tokens removed.
 */
export function truncateMiddleTokens(text: string, maxTokens: number): TokenTruncation {
  if (text.length === 0) return { text: "", originalTokenCount: null };
  const budget = approxBytesForTokens(maxTokens);
  const totalBytes = utf8ByteLength(text);
  if (maxTokens > 0 && totalBytes <= budget) return { text, originalTokenCount: null };
  const truncated = truncateWithByteEstimate(text, budget, "tokens");
  if (truncated === text) return { text, originalTokenCount: null };
  return { text: truncated, originalTokenCount: approxTokensFromByteCount(totalBytes) };
}

function truncateWithByteEstimate(text: string, maxBytes: number, unit: "tokens" | "chars"): string {
  if (text.length === 0) return "";
  const totalBytes = utf8ByteLength(text);
  if (maxBytes <= 0) {
    const removed = unit === "tokens" ? approxTokensFromByteCount(totalBytes) : charCount(text);
    return truncationMarker(unit, removed);
  }
  if (totalBytes <= maxBytes) return text;

  const headBudget = Math.floor(maxBytes / 2);
  const tailBudget = maxBytes - headBudget;
  const head = prefixEnd(text, headBudget);
  const tail = suffixStart(text, totalBytes - tailBudget, totalBytes);
  // head + tail budgets add up to less than the text, so the two never overlap.
  const removed =
    unit === "tokens" ? approxTokensFromByteCount(totalBytes - maxBytes) : charCount(text) - head.chars - tail.chars;
  return text.slice(0, head.index) + truncationMarker(unit, removed) + text.slice(tail.index);
}
