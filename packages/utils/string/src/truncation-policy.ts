import {
  approxBytesForTokens,
  approxTokenCount,
  approxTokensFromByteCount,
  truncateMiddleChars,
  truncateMiddleTokens,
} from "./truncate.js";
import { utf8ByteLength } from "./utf8.js";

/** How much tool output may reach the model: a byte budget or an (approximate) token budget. */
export type TruncationPolicy = { mode: "bytes"; limit: number } | { mode: "tokens"; limit: number };

export function bytesPolicy(limit: number): TruncationPolicy {
  return { mode: "bytes", limit };
}

export function tokensPolicy(limit: number): TruncationPolicy {
  return { mode: "tokens", limit };
}

/** The policy's budget in bytes (tokens × 4 for a token policy). */
export function policyByteBudget(policy: TruncationPolicy): number {
  return policy.mode === "bytes" ? policy.limit : approxBytesForTokens(policy.limit);
}

/** The policy's budget in tokens (bytes ÷ 4, rounded up, for a byte policy). */
export function policyTokenBudget(policy: TruncationPolicy): number {
  return policy.mode === "tokens" ? policy.limit : approxTokensFromByteCount(policy.limit);
}

/** Cuts the middle out of `text` under `policy`, with a chars marker (bytes) or a tokens marker (tokens). */
export function truncateText(text: string, policy: TruncationPolicy): string {
  return policy.mode === "bytes" ? truncateMiddleChars(text, policy.limit) : truncateMiddleTokens(text, policy.limit).text;
}

/**
 * Number of lines in `text`, counted like Rust's `str::lines`: a trailing newline does not start another
 * line, and the empty string has none.
 */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let count = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return text.endsWith("\n") ? count - 1 : count;
}

/** The two header lines put above output that was cut: the original token count and the line count. */
export function truncationHeader(originalTokenCount: number, totalLines: number): string {
  return `Warning: truncated output (original token count: ${originalTokenCount})\nTotal output lines: ${totalLines}`;
}

/**
 * Returns `text` unchanged when it fits the policy's byte budget; otherwise the truncation header, a blank line
 * and the middle-truncated text.
 */
export function formattedTruncateText(text: string, policy: TruncationPolicy): string {
  if (utf8ByteLength(text) <= policyByteBudget(policy)) return text;
  return `${truncationHeader(approxTokenCount(text), countLines(text))}\n\n${truncateText(text, policy)}`;
}
