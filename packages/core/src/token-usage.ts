// Running token totals of a thread, in the v2 camelCase shape.
import type { ThreadTokenUsage, TokenUsage, TokenUsageBreakdown } from "@codex-ts/protocol";

export function breakdownOf(usage: TokenUsage): TokenUsageBreakdown {
  return {
    totalTokens: usage.total_tokens,
    inputTokens: usage.input_tokens,
    cachedInputTokens: usage.cached_input_tokens,
    outputTokens: usage.output_tokens,
    reasoningOutputTokens: usage.reasoning_output_tokens,
  };
}

export function wireUsageOf(breakdown: TokenUsageBreakdown): TokenUsage {
  return {
    input_tokens: breakdown.inputTokens,
    cached_input_tokens: breakdown.cachedInputTokens,
    output_tokens: breakdown.outputTokens,
    reasoning_output_tokens: breakdown.reasoningOutputTokens,
    total_tokens: breakdown.totalTokens,
  };
}

function add(a: TokenUsageBreakdown, b: TokenUsageBreakdown): TokenUsageBreakdown {
  return {
    totalTokens: a.totalTokens + b.totalTokens,
    inputTokens: a.inputTokens + b.inputTokens,
    cachedInputTokens: a.cachedInputTokens + b.cachedInputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    reasoningOutputTokens: a.reasoningOutputTokens + b.reasoningOutputTokens,
  };
}

export function accumulateUsage(previous: ThreadTokenUsage | null, last: TokenUsage, window: number | null): ThreadTokenUsage {
  const lastBreakdown = breakdownOf(last);
  return {
    total: previous ? add(previous.total, lastBreakdown) : lastBreakdown,
    last: lastBreakdown,
    modelContextWindow: window,
  };
}
