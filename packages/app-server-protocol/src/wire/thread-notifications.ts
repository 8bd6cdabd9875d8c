// Notifications about threads, turns and items.
import type { RequestId } from "./jsonrpc.js";
import type { Int64, UInt64 } from "./scalars.js";
import type { Thread, ThreadStatus } from "./thread.js";
import type { ThreadItem } from "./thread-item.js";
import type { ThreadTokenUsage, Turn, TurnError, TurnPlanStep } from "./turn.js";

/** `thread/started`: a thread was created (start or fork). */
export interface ThreadStartedNotification {
  thread: Thread;
}

/** `thread/status/changed`. */
export interface ThreadStatusChangedNotification {
  threadId: string;
  status: ThreadStatus;
}

/** `thread/archived`. */
export interface ThreadArchivedNotification {
  threadId: string;
}

/** `thread/unarchived`. */
export interface ThreadUnarchivedNotification {
  threadId: string;
}

/** `thread/name/updated`. */
export interface ThreadNameUpdatedNotification {
  threadId: string;
  /** The new name; absent or null when it was cleared. */
  threadName?: string | null;
}

/** `thread/tokenUsage/updated`: usage after a model request. */
export interface ThreadTokenUsageUpdatedNotification {
  threadId: string;
  turnId: string;
  tokenUsage: ThreadTokenUsage;
}

/** `turn/started`. */
export interface TurnStartedNotification {
  threadId: string;
  turn: Turn;
}

/** `turn/completed`: the turn ended (completed, interrupted or failed). */
export interface TurnCompletedNotification {
  threadId: string;
  turn: Turn;
}

/** `turn/diff/updated`: the turn's aggregated unified diff so far. */
export interface TurnDiffUpdatedNotification {
  threadId: string;
  turnId: string;
  diff: string;
}

/** `turn/plan/updated`: the agent's plan, whole. */
export interface TurnPlanUpdatedNotification {
  threadId: string;
  turnId: string;
  explanation?: string | null;
  plan: TurnPlanStep[];
}

/** `item/started`. */
export interface ItemStartedNotification {
  threadId: string;
  turnId: string;
  item: ThreadItem;
  /** Unix milliseconds. */
  startedAtMs: Int64;
}

/** `item/completed`: the item in its final state. */
export interface ItemCompletedNotification {
  threadId: string;
  turnId: string;
  item: ThreadItem;
  /** Unix milliseconds. */
  completedAtMs: Int64;
  /** Tokens the item's content takes in the context, when known. */
  contentTokenCount?: UInt64 | null;
}

/** `item/agentMessage/delta`: text to append to an agent message. */
export interface AgentMessageDeltaNotification {
  threadId: string;
  turnId: string;
  itemId: string;
  delta: string;
}

/** `item/reasoning/summaryTextDelta`: text to append to a reasoning summary part. */
export interface ReasoningSummaryTextDeltaNotification {
  threadId: string;
  turnId: string;
  itemId: string;
  delta: string;
  summaryIndex: Int64;
}

/** `item/reasoning/summaryPartAdded`: a new reasoning summary part begins. */
export interface ReasoningSummaryPartAddedNotification {
  threadId: string;
  turnId: string;
  itemId: string;
  summaryIndex: Int64;
}

/** `item/reasoning/textDelta`: text to append to a raw reasoning part. */
export interface ReasoningTextDeltaNotification {
  threadId: string;
  turnId: string;
  itemId: string;
  delta: string;
  contentIndex: Int64;
}

/** `item/commandExecution/outputDelta`: output of a running command, as text. */
export interface CommandExecutionOutputDeltaNotification {
  threadId: string;
  turnId: string;
  itemId: string;
  delta: string;
}

/** `serverRequest/resolved`: a server request was answered or cleared. */
export interface ServerRequestResolvedNotification {
  threadId: string;
  requestId: RequestId;
}

/** `error`: a turn hit an error; with `willRetry` the turn goes on. */
export interface ErrorNotification {
  threadId: string;
  turnId: string;
  error: TurnError;
  willRetry: boolean;
}
