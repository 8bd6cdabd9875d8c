import { z } from "zod";

/** Token counts of one or more model responses (upstream `TokenUsage`, snake_case on the wire). */
export interface TokenUsage {
  input_tokens: number;
  cached_input_tokens: number;
  /** Written by newer upstream versions; absent in older rollouts. */
  cache_write_input_tokens?: number;
  output_tokens: number;
  reasoning_output_tokens: number;
  total_tokens: number;
}

/** Running totals for a thread plus the usage of the last response (upstream `TokenUsageInfo`). */
export interface TokenUsageInfo {
  total_token_usage: TokenUsage;
  last_token_usage: TokenUsage;
  model_context_window?: number | null;
}

const count = z.number().int().nonnegative();

export const tokenUsageSchema: z.ZodType<TokenUsage> = z.looseObject({
  input_tokens: count,
  cached_input_tokens: count,
  cache_write_input_tokens: count.optional(),
  output_tokens: count,
  reasoning_output_tokens: count,
  total_tokens: count,
});

export const tokenUsageInfoSchema: z.ZodType<TokenUsageInfo> = z.looseObject({
  total_token_usage: tokenUsageSchema,
  last_token_usage: tokenUsageSchema,
  model_context_window: z.number().int().nullable().optional(),
});

/** An all-zero usage. */
export function emptyTokenUsage(): TokenUsage {
  return {
    input_tokens: 0,
    cached_input_tokens: 0,
    output_tokens: 0,
    reasoning_output_tokens: 0,
    total_tokens: 0,
  };
}

/** `a + b`, field by field (a field absent on both sides stays absent). */
export function addTokenUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  const sum: TokenUsage = {
    input_tokens: a.input_tokens + b.input_tokens,
    cached_input_tokens: a.cached_input_tokens + b.cached_input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    reasoning_output_tokens: a.reasoning_output_tokens + b.reasoning_output_tokens,
    total_tokens: a.total_tokens + b.total_tokens,
  };
  if (a.cache_write_input_tokens !== undefined || b.cache_write_input_tokens !== undefined) {
    sum.cache_write_input_tokens = (a.cache_write_input_tokens ?? 0) + (b.cache_write_input_tokens ?? 0);
  }
  return sum;
}
