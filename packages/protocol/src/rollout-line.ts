import { z } from "zod";
import { type EventMsg, eventMsgSchema } from "./event-msg.js";
import { type ResponseItem, responseItemSchema } from "./response-item.js";
import { type SessionMeta, sessionMetaSchema } from "./session-meta.js";
import { type TokenUsage, tokenUsageSchema } from "./token-usage.js";

/** Per-turn settings recorded at the start of each turn (upstream `TurnContextItem`). */
export interface TurnContextItem {
  turn_id?: string;
  cwd: string;
  /** Approval policy in the rollout spelling (`never`, `on-request`, ... or `{granular: ...}`). */
  approval_policy: unknown;
  /** Sandbox policy in the rollout spelling: kebab-case `type`, snake_case fields. */
  sandbox_policy: { type: string; [field: string]: unknown };
  model: string;
  effort?: string | null;
  summary?: string;
  user_instructions?: string | null;
  developer_instructions?: string | null;
}

/** A compaction point: the summary and, when known, the history that replaces everything before it. */
export interface CompactedItem {
  message: string;
  replacement_history?: ResponseItem[] | null;
}

/** Snapshot (or diff) of the environment the model sees, written by newer upstream versions. */
export interface WorldStateItem {
  full?: boolean;
  state: Record<string, unknown>;
}

/** Token usage of one model response, written by newer upstream versions next to `token_count` events. */
export interface TokenUsageRecordItem {
  thread_id: string;
  turn_id: string;
  response_id?: string;
  usage: TokenUsage;
}

/** One persisted record, tagged by `type` with its data in `payload` (upstream `RolloutItem`). */
export type RolloutItem =
  | { type: "session_meta"; payload: SessionMeta }
  | { type: "response_item"; payload: ResponseItem }
  | { type: "event_msg"; payload: EventMsg }
  | { type: "turn_context"; payload: TurnContextItem }
  | { type: "compacted"; payload: CompactedItem }
  | { type: "world_state"; payload: WorldStateItem }
  | { type: "token_usage_record"; payload: TokenUsageRecordItem };

export type RolloutItemType = RolloutItem["type"];

/** Fields a line carries besides `type` and `payload`. */
export interface RolloutLineEnvelope {
  /** RFC 3339 UTC time with milliseconds, e.g. `2026-01-02T03:04:05.678Z`. */
  timestamp: string;
  /** Position in the file, written by newer upstream versions. */
  ordinal?: number;
  /** History bookkeeping written by newer upstream versions next to `response_item` payloads. */
  metadata?: unknown;
}

/** One line of a rollout file: `{timestamp, type, payload}`. */
export type RolloutLine = RolloutLineEnvelope & RolloutItem;

/** A line whose `type` or payload this version does not know; kept verbatim so it can be written back. */
export interface UnknownRolloutLine extends RolloutLineEnvelope {
  type: string;
  payload: unknown;
  [field: string]: unknown;
}

const envelope = {
  timestamp: z.string(),
  ordinal: z.number().int().optional(),
  metadata: z.unknown().optional(),
};

export const turnContextItemSchema: z.ZodType<TurnContextItem> = z.looseObject({
  turn_id: z.string().optional(),
  cwd: z.string(),
  approval_policy: z.unknown(),
  sandbox_policy: z.looseObject({ type: z.string() }),
  model: z.string(),
  effort: z.string().nullable().optional(),
  summary: z.string().optional(),
  user_instructions: z.string().nullable().optional(),
  developer_instructions: z.string().nullable().optional(),
});

export const compactedItemSchema: z.ZodType<CompactedItem> = z.looseObject({
  message: z.string(),
  replacement_history: z.array(responseItemSchema).nullable().optional(),
});

const worldStateItemSchema: z.ZodType<WorldStateItem> = z.looseObject({
  full: z.boolean().optional(),
  state: z.record(z.string(), z.unknown()),
});

const tokenUsageRecordItemSchema: z.ZodType<TokenUsageRecordItem> = z.looseObject({
  thread_id: z.string(),
  turn_id: z.string(),
  response_id: z.string().optional(),
  usage: tokenUsageSchema,
});

export const rolloutLineSchema: z.ZodType<RolloutLine> = z.discriminatedUnion("type", [
  z.looseObject({ ...envelope, type: z.literal("session_meta"), payload: sessionMetaSchema }),
  z.looseObject({ ...envelope, type: z.literal("response_item"), payload: responseItemSchema }),
  z.looseObject({ ...envelope, type: z.literal("event_msg"), payload: eventMsgSchema }),
  z.looseObject({ ...envelope, type: z.literal("turn_context"), payload: turnContextItemSchema }),
  z.looseObject({ ...envelope, type: z.literal("compacted"), payload: compactedItemSchema }),
  z.looseObject({ ...envelope, type: z.literal("world_state"), payload: worldStateItemSchema }),
  z.looseObject({ ...envelope, type: z.literal("token_usage_record"), payload: tokenUsageRecordItemSchema }),
]);

const unknownRolloutLineSchema = z.looseObject({ ...envelope, type: z.string(), payload: z.unknown() });

/** The result of `parseRolloutLine`: a typed line, or a well-formed line kept verbatim with the reason. */
export type ParsedRolloutLine =
  | { known: true; line: RolloutLine }
  | { known: false; line: UnknownRolloutLine; reason: string };

/** Thrown by `parseRolloutLine` when a value is not even `{timestamp, type, payload}`. */
export class InvalidRolloutLineError extends Error {
  readonly code = "invalid_rollout_line";
  constructor(message: string) {
    super(message);
    this.name = "InvalidRolloutLineError";
  }
}

/**
 * Classifies a decoded rollout line. The returned `line` is the input object itself, never a copy, so
 * `JSON.stringify(line)` reproduces the original text (key order included) and unknown fields survive.
 */
export function parseRolloutLine(value: unknown): ParsedRolloutLine {
  const base = unknownRolloutLineSchema.safeParse(value);
  if (!base.success) {
    throw new InvalidRolloutLineError(
      `not a rollout line: expected an object with string "timestamp" and "type" and a "payload" (${base.error.issues[0]?.message ?? "invalid"})`,
    );
  }
  const typed = rolloutLineSchema.safeParse(value);
  if (typed.success) return { known: true, line: value as RolloutLine };
  const issue = typed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  return { known: false, line: value as UnknownRolloutLine, reason: `${issue?.message ?? "unrecognised"}${where}` };
}
