// What a running turn gives its tool handlers: settings, cancellation, event emission and approvals.
import type { ApprovalRequest, ContentItem, CoreEvent, ReviewDecision } from "@codex-ts/protocol";
import type { ExecPolicy } from "@codex-ts/shell-command";
import type { McpToolSet } from "../mcp-tools.js";
import type { UnifiedExecManager } from "../tool-handlers/index.js";
import type { ThreadConfig } from "../thread-config.js";
import type { TurnDiffTracker } from "./turn-diff-tracker.js";

/** An approval request before the thread numbers and stamps it. */
export type ApprovalRequestInput =
  | Omit<Extract<ApprovalRequest, { kind: "commandExecution" }>, "requestId" | "startedAtMs">
  | Omit<Extract<ApprovalRequest, { kind: "fileChange" }>, "requestId" | "startedAtMs">;

/** Thrown inside a turn when the user chose `cancel`: the turn ends as interrupted. */
export class TurnCancelledError extends Error {
  constructor() {
    super("turn cancelled by the user");
  }
}

export interface TurnContext {
  readonly threadId: string;
  readonly turnId: string;
  readonly config: ThreadConfig;
  readonly signal: AbortSignal;
  /** The environment commands start from (before the shell environment policy). */
  readonly env: NodeJS.ProcessEnv;
  readonly execPolicy: ExecPolicy | undefined;
  readonly unifiedExec: UnifiedExecManager;
  /** MCP tools offered this turn. */
  readonly mcpTools: McpToolSet;
  readonly diffTracker: TurnDiffTracker;
  /** Commands the user approved for the rest of the session. */
  readonly approvedCommands: Set<string>;
  /** Roots the user allowed patches under for the rest of the session. */
  readonly approvedPatchRoots: Set<string>;
  /** Images a tool asked to show the model; sent with the next request. */
  readonly pendingImages: ContentItem[];
  emit(event: CoreEvent): void;
  /** Asks the user; resolves with `cancel` when the turn ends first. */
  requestApproval(request: ApprovalRequestInput): Promise<ReviewDecision>;
  /** Ends the turn as interrupted (after `cancel`). */
  cancelTurn(): void;
}
