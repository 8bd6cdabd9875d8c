import { z } from "zod";
import { type TokenUsageInfo, tokenUsageInfoSchema } from "./token-usage.js";

/**
 * The part of upstream's `EventMsg` that rollouts persist, tagged by `type` (snake_case). Streaming deltas and
 * approval requests are never persisted. Parsed values keep fields this type does not name.
 */
export type EventMsg =
  | { type: "user_message"; message: string; images?: string[] | null; local_images?: string[] }
  | { type: "agent_message"; message: string; phase?: string | null }
  | { type: "agent_reasoning"; text: string }
  | { type: "agent_reasoning_raw_content"; text: string }
  | { type: "token_count"; info: TokenUsageInfo | null; rate_limits?: unknown }
  | {
      /** Turn started; upstream also accepts the spelling `turn_started`. */
      type: "task_started" | "turn_started";
      turn_id?: string;
      model_context_window?: number | null;
      started_at?: number;
    }
  | { type: "task_complete" | "turn_complete"; turn_id?: string; last_agent_message?: string | null }
  | { type: "turn_aborted"; turn_id?: string | null; reason: string }
  | { type: "context_compacted" }
  | { type: "entered_review_mode"; [field: string]: unknown }
  | { type: "exited_review_mode"; review_output?: unknown }
  | { type: "thread_rolled_back"; num_turns: number }
  | { type: "thread_name_updated"; thread_id?: string; thread_name?: string | null }
  | { type: "item_completed"; thread_id: string; turn_id: string; item: { type: string; id?: string } }
  | { type: "thread_settings_applied"; thread_id: string; thread_settings: Record<string, unknown> }
  | { type: "error"; message: string };

export type EventMsgType = EventMsg["type"];



export const eventMsgSchema: z.ZodType<EventMsg> = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("user_message"),
    message: z.string(),
    images: z.array(z.string()).nullable().optional(),
    local_images: z.array(z.string()).optional(),
  }),
  z.looseObject({ type: z.literal("agent_message"), message: z.string(), phase: z.string().nullable().optional() }),
  z.looseObject({ type: z.literal("agent_reasoning"), text: z.string() }),
  z.looseObject({ type: z.literal("agent_reasoning_raw_content"), text: z.string() }),
  z.looseObject({ type: z.literal("token_count"), info: tokenUsageInfoSchema.nullable(), rate_limits: z.unknown() }),
  z.looseObject({
    type: z.enum(["task_started", "turn_started"]),
    turn_id: z.string().optional(),
    model_context_window: z.number().nullable().optional(),
    started_at: z.number().optional(),
  }),
  z.looseObject({
    type: z.enum(["task_complete", "turn_complete"]),
    turn_id: z.string().optional(),
    last_agent_message: z.string().nullable().optional(),
  }),
  z.looseObject({ type: z.literal("turn_aborted"), turn_id: z.string().nullable().optional(), reason: z.string() }),
  z.looseObject({ type: z.literal("context_compacted") }),
  z.looseObject({ type: z.literal("entered_review_mode") }),
  z.looseObject({ type: z.literal("exited_review_mode"), review_output: z.unknown() }),
  z.looseObject({ type: z.literal("thread_rolled_back"), num_turns: z.number().int() }),
  z.looseObject({
    type: z.literal("thread_name_updated"),
    thread_id: z.string().optional(),
    thread_name: z.string().nullable().optional(),
  }),
  z.looseObject({
    type: z.literal("item_completed"),
    thread_id: z.string(),
    turn_id: z.string(),
    item: z.looseObject({ type: z.string(), id: z.string().optional() }),
  }),
  z.looseObject({
    type: z.literal("thread_settings_applied"),
    thread_id: z.string(),
    thread_settings: z.record(z.string(), z.unknown()),
  }),
  z.looseObject({ type: z.literal("error"), message: z.string() }),
]);
