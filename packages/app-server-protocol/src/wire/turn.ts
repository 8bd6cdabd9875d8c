// Turns: one user request and everything the agent did for it, their errors, plans and token counts.
import type { Int64, JsonValue, UInt16 } from "./scalars.js";
import type { ThreadItem } from "./thread-item.js";

/** Where a turn stands. */
export type TurnStatus = "completed" | "interrupted" | "failed" | "inProgress";

/** How much of a turn's items a response carries. */
export type TurnItemsView = "notLoaded" | "summary" | "full";

/** Kinds of turn that do not accept `turn/steer`. */
export type NonSteerableTurnKind = "review" | "compact";

/** An HTTP status seen while talking to the model, when there was one. */
export interface HttpStatusInfo {
  httpStatusCode?: UInt16 | null;
}

/**
 * Machine-readable class of a failure. Known classes are listed; servers may send other strings or
 * objects, which clients should treat as `other`.
 */
export type CodexErrorInfo =
  | "contextWindowExceeded"
  | "sessionBudgetExceeded"
  | "usageLimitExceeded"
  | "rateLimitExceeded"
  | "flexUnavailable"
  | "serverOverloaded"
  | "modelNotFound"
  | "policyCapacityUnavailable"
  | "cyberPolicy"
  | "misalignmentPolicyViolation"
  | "tooManyDenials"
  | "internalServerError"
  | "unauthorized"
  | "badRequest"
  | "threadRollbackFailed"
  | "sandboxError"
  | "other"
  | "inferenceHookDenied"
  | { httpConnectionFailed: HttpStatusInfo }
  | { responseStreamConnectionFailed: HttpStatusInfo }
  | { responseStreamDisconnected: HttpStatusInfo }
  | { responseTooManyFailedAttempts: HttpStatusInfo }
  | { activeTurnNotSteerable: { turnKind: NonSteerableTurnKind } }
  | string
  | { [key: string]: JsonValue };

/** A suggested follow-up after a policy refusal. */
export interface MisalignmentSteer {
  message: string;
}

/** Details of a refusal for misalignment with a usage policy. */
export interface MisalignmentErrorDetails {
  detailedExplanation?: string | null;
  errorType?: string | null;
  reviewTarget?: string | null;
  steer?: MisalignmentSteer | null;
}

/** Why a turn failed, or an error reported while it ran. */
export interface TurnError {
  /** One sentence for the user. */
  message: string;
  codexErrorInfo?: CodexErrorInfo | null;
  /** Extra text, such as the body of a failed HTTP response. */
  additionalDetails?: string | null;
  misalignment?: MisalignmentErrorDetails | null;
}

/** One turn of a thread. */
export interface Turn {
  id: string;
  /** The turn's items; empty in `turn/started` and `turn/completed` (the item notifications carry them). */
  items: ThreadItem[];
  /** How much of `items` is filled in. Defaults to `full`. */
  itemsView?: TurnItemsView;
  status: TurnStatus;
  /** Set when `status` is `failed`. */
  error?: TurnError | null;
  /** Unix seconds. */
  startedAt?: Int64 | null;
  /** Unix seconds. */
  completedAt?: Int64 | null;
  durationMs?: Int64 | null;
  /** The turn this one continues, for turns started on behalf of another. */
  rootTurnId?: string | null;
}

/** Status of one plan step. */
export type TurnPlanStepStatus = "pending" | "inProgress" | "completed";

/** One step of the agent's plan. */
export interface TurnPlanStep {
  step: string;
  status: TurnPlanStepStatus;
}

/** Token counts of one request or of a whole thread. */
export interface TokenUsageBreakdown {
  totalTokens: Int64;
  inputTokens: Int64;
  cachedInputTokens: Int64;
  /** Input tokens written to the prompt cache. Defaults to 0. */
  cacheWriteInputTokens?: Int64;
  outputTokens: Int64;
  reasoningOutputTokens: Int64;
}

/** Token usage of a thread: the running total and the last model request. */
export interface ThreadTokenUsage {
  total: TokenUsageBreakdown;
  last: TokenUsageBreakdown;
  /** Context window of the model, when known. */
  modelContextWindow?: Int64 | null;
}
