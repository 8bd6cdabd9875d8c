// Events as `codex exec --experimental-json` prints them, one JSON object per stdout line.
import type { ThreadItem } from "./items.js";

/** First event of every run: the id to pass to `resumeThread` later. */
export type ThreadStartedEvent = {
  type: "thread.started";
  thread_id: string;
};

/** The prompt was sent to the model; everything up to `turn.completed` / `turn.failed` belongs to this turn. */
export type TurnStartedEvent = {
  type: "turn.started";
};

/** Token counts of one turn, as the CLI reports them. */
export type Usage = {
  input_tokens: number;
  /** Part of `input_tokens` served from the prompt cache. */
  cached_input_tokens: number;
  /** Part of `input_tokens` written to the prompt cache (0 when the provider does not report it). */
  cache_write_input_tokens: number;
  output_tokens: number;
  /** Part of `output_tokens` spent on reasoning. */
  reasoning_output_tokens: number;
};

/** The turn finished; carries its token usage. */
export type TurnCompletedEvent = {
  type: "turn.completed";
  usage: Usage;
};

/** Error payload of `turn.failed`. */
export type ThreadError = {
  message: string;
};

/** The turn ended with an error. */
export type TurnFailedEvent = {
  type: "turn.failed";
  error: ThreadError;
};

/** A new item appeared, usually still in progress. */
export type ItemStartedEvent = {
  type: "item.started";
  item: ThreadItem;
};

/** An item changed (for example, more command output or a to-do ticked off). */
export type ItemUpdatedEvent = {
  type: "item.updated";
  item: ThreadItem;
};

/** An item reached its final state, successful or not. */
export type ItemCompletedEvent = {
  type: "item.completed";
  item: ThreadItem;
};

/** A fatal error of the event stream. */
export type ThreadErrorEvent = {
  type: "error";
  message: string;
};

/** Every event `codex exec --experimental-json` emits, discriminated by `type`. */
export type ThreadEvent =
  | ThreadStartedEvent
  | TurnStartedEvent
  | TurnCompletedEvent
  | TurnFailedEvent
  | ItemStartedEvent
  | ItemUpdatedEvent
  | ItemCompletedEvent
  | ThreadErrorEvent;
