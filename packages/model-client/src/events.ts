import type { ResponseItem, TokenUsage } from "@codex-ts/protocol";
import type { RateLimitSnapshot } from "./rate-limits.js";

/** Typed events of one streamed Responses API call, in arrival order. */
export type ResponseEvent =
  | { type: "created"; responseId: string | undefined }
  | { type: "output_item_added"; item: ResponseItem }
  | { type: "output_item_done"; item: ResponseItem }
  | { type: "output_text_delta"; delta: string }
  | { type: "reasoning_summary_delta"; delta: string; summaryIndex: number }
  | { type: "reasoning_summary_part_added"; summaryIndex: number }
  | { type: "reasoning_content_delta"; delta: string; contentIndex: number }
  | { type: "completed"; responseId: string; tokenUsage: TokenUsage | undefined }
  | { type: "rate_limits"; snapshot: RateLimitSnapshot }
  /** The stream dropped before any output and is being reopened (attempt of max). */
  | { type: "stream_retry"; attempt: number; maxRetries: number; message: string; delayMs: number };

interface WireUsage {
  input_tokens?: number;
  input_tokens_details?: { cached_tokens?: number } | null;
  output_tokens?: number;
  output_tokens_details?: { reasoning_tokens?: number } | null;
  total_tokens?: number;
}

/** Converts the Responses API `usage` object to the protocol `TokenUsage`. */
export function tokenUsageFromWire(usage: WireUsage | null | undefined): TokenUsage | undefined {
  if (!usage) return undefined;
  return {
    input_tokens: usage.input_tokens ?? 0,
    cached_input_tokens: usage.input_tokens_details?.cached_tokens ?? 0,
    output_tokens: usage.output_tokens ?? 0,
    reasoning_output_tokens: usage.output_tokens_details?.reasoning_tokens ?? 0,
    total_tokens: usage.total_tokens ?? 0,
  };
}
