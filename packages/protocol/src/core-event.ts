// Events a running thread emits, in the order clients see them. The app-server maps each one to a v2
// notification (or server request) of the same name; `codex exec --json` maps them to its JSONL events.
import type { CommandAction, FileUpdateChange, ThreadItem } from "./thread-item.js";

export type TurnStatus = "inProgress" | "completed" | "interrupted" | "failed";

/** Machine-readable class of a turn failure (the v2 `CodexErrorInfo`). */
export type CodexErrorInfo =
  | "contextWindowExceeded"
  | "usageLimitExceeded"
  | "rateLimitExceeded"
  | "serverOverloaded"
  | "modelNotFound"
  | "internalServerError"
  | "unauthorized"
  | "badRequest"
  | "sandboxError"
  | "other"
  | { httpConnectionFailed: { httpStatusCode: number | null } }
  | { responseStreamConnectionFailed: { httpStatusCode: number | null } }
  | { responseStreamDisconnected: { httpStatusCode: number | null } }
  | { responseTooManyFailedAttempts: { httpStatusCode: number | null } };

export interface TurnError {
  message: string;
  codexErrorInfo: CodexErrorInfo | null;
  additionalDetails: string | null;
}

export type TurnPlanStepStatus = "pending" | "inProgress" | "completed";
export interface TurnPlanStep {
  step: string;
  status: TurnPlanStepStatus;
}

/** Token counts in the v2 camelCase shape. */
export interface TokenUsageBreakdown {
  totalTokens: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningOutputTokens: number;
}

export interface ThreadTokenUsage {
  total: TokenUsageBreakdown;
  last: TokenUsageBreakdown;
  modelContextWindow: number | null;
}

export type ThreadActiveFlag = "waitingOnApproval" | "waitingOnUserInput";
export type ThreadStatus =
  | { type: "notLoaded" }
  | { type: "idle" }
  | { type: "systemError" }
  | { type: "active"; activeFlags: ThreadActiveFlag[] };

/** A user's answer to an approval request. `cancel` also interrupts the turn. */
export type ReviewDecision = "accept" | "acceptForSession" | "decline" | "cancel";

export type ApprovalRequest =
  | {
      kind: "commandExecution";
      /** Unique within the process. */
      requestId: string;
      itemId: string;
      startedAtMs: number;
      command: string;
      cwd: string;
      commandActions: CommandAction[];
      reason: string | null;
      /** A prefix the user could allow for good (`prefix_rule`). */
      proposedExecpolicyAmendment: string[] | null;
    }
  | {
      kind: "fileChange";
      requestId: string;
      itemId: string;
      startedAtMs: number;
      changes: FileUpdateChange[];
      reason: string | null;
      grantRoot: string | null;
    };

export type CoreEvent =
  | { type: "turn_started"; turnId: string; startedAt: number }
  | { type: "item_started"; turnId: string; item: ThreadItem; atMs: number }
  | { type: "item_updated"; turnId: string; item: ThreadItem }
  | { type: "item_completed"; turnId: string; item: ThreadItem; atMs: number }
  | { type: "agent_message_delta"; turnId: string; itemId: string; delta: string }
  | { type: "reasoning_summary_delta"; turnId: string; itemId: string; delta: string; summaryIndex: number }
  | { type: "reasoning_summary_part_added"; turnId: string; itemId: string; summaryIndex: number }
  | { type: "reasoning_content_delta"; turnId: string; itemId: string; delta: string; contentIndex: number }
  | { type: "command_output_delta"; turnId: string; itemId: string; delta: string }
  | { type: "turn_diff"; turnId: string; diff: string }
  | { type: "plan_updated"; turnId: string; explanation: string | null; plan: TurnPlanStep[] }
  | { type: "token_usage"; turnId: string; usage: ThreadTokenUsage }
  | {
      type: "turn_completed";
      turnId: string;
      status: Exclude<TurnStatus, "inProgress">;
      error: TurnError | null;
      startedAt: number;
      completedAt: number;
      durationMs: number;
    }
  | { type: "error"; turnId: string; error: TurnError; willRetry: boolean }
  | { type: "approval_requested"; turnId: string; request: ApprovalRequest }
  | { type: "approval_resolved"; turnId: string; requestId: string }
  | { type: "status_changed"; status: ThreadStatus }
  | { type: "name_updated"; name: string | null }
  | { type: "warning"; message: string };

export type CoreEventType = CoreEvent["type"];
