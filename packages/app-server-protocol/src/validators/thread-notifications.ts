// Validators of the thread, turn and item notifications and of the approval server requests.
import { z } from "zod";
import type {
  AgentMessageDeltaNotification,
  CommandExecutionApprovalDecision,
  CommandExecutionOutputDeltaNotification,
  CommandExecutionRequestApprovalParams,
  CommandExecutionRequestApprovalResponse,
  ErrorNotification,
  FileChangeApprovalDecision,
  FileChangeRequestApprovalParams,
  FileChangeRequestApprovalResponse,
  ItemCompletedNotification,
  ItemStartedNotification,
  NetworkPolicyAmendment,
  ReasoningSummaryPartAddedNotification,
  ReasoningSummaryTextDeltaNotification,
  ReasoningTextDeltaNotification,
  ServerRequestResolvedNotification,
  ThreadArchivedNotification,
  ThreadNameUpdatedNotification,
  ThreadStartedNotification,
  ThreadStatusChangedNotification,
  ThreadTokenUsageUpdatedNotification,
  ThreadUnarchivedNotification,
  TurnCompletedNotification,
  TurnDiffUpdatedNotification,
  TurnPlanUpdatedNotification,
  TurnStartedNotification,
} from "../wire/index.js";
import { exact, int64, nullish, uint64 } from "./exact.js";
import { requestIdSchema } from "./jsonrpc.js";
import { commandActionSchema, threadItemSchema } from "./thread-item.js";
import {
  threadSchema,
  threadStatusSchema,
  threadTokenUsageSchema,
  turnErrorSchema,
  turnPlanStepSchema,
  turnSchema,
} from "./turn.js";

const itemScope = { threadId: z.string(), turnId: z.string(), itemId: z.string() };

export const threadStartedNotificationSchema = exact<ThreadStartedNotification>()(z.object({ thread: threadSchema }));
export const threadStatusChangedNotificationSchema = exact<ThreadStatusChangedNotification>()(
  z.object({ threadId: z.string(), status: threadStatusSchema }),
);
export const threadArchivedNotificationSchema = exact<ThreadArchivedNotification>()(z.object({ threadId: z.string() }));
export const threadUnarchivedNotificationSchema = exact<ThreadUnarchivedNotification>()(
  z.object({ threadId: z.string() }),
);
export const threadNameUpdatedNotificationSchema = exact<ThreadNameUpdatedNotification>()(
  z.object({ threadId: z.string(), threadName: nullish(z.string()) }),
);
export const threadTokenUsageUpdatedNotificationSchema = exact<ThreadTokenUsageUpdatedNotification>()(
  z.object({ threadId: z.string(), turnId: z.string(), tokenUsage: threadTokenUsageSchema }),
);
export const turnStartedNotificationSchema = exact<TurnStartedNotification>()(
  z.object({ threadId: z.string(), turn: turnSchema }),
);
export const turnCompletedNotificationSchema = exact<TurnCompletedNotification>()(
  z.object({ threadId: z.string(), turn: turnSchema }),
);
export const turnDiffUpdatedNotificationSchema = exact<TurnDiffUpdatedNotification>()(
  z.object({ threadId: z.string(), turnId: z.string(), diff: z.string() }),
);
export const turnPlanUpdatedNotificationSchema = exact<TurnPlanUpdatedNotification>()(
  z.object({
    threadId: z.string(),
    turnId: z.string(),
    explanation: nullish(z.string()),
    plan: z.array(turnPlanStepSchema),
  }),
);
export const itemStartedNotificationSchema = exact<ItemStartedNotification>()(
  z.object({ threadId: z.string(), turnId: z.string(), item: threadItemSchema, startedAtMs: int64 }),
);
export const itemCompletedNotificationSchema = exact<ItemCompletedNotification>()(
  z.object({
    threadId: z.string(),
    turnId: z.string(),
    item: threadItemSchema,
    completedAtMs: int64,
    contentTokenCount: nullish(uint64),
  }),
);
export const agentMessageDeltaNotificationSchema = exact<AgentMessageDeltaNotification>()(
  z.object({ ...itemScope, delta: z.string() }),
);
export const reasoningSummaryTextDeltaNotificationSchema = exact<ReasoningSummaryTextDeltaNotification>()(
  z.object({ ...itemScope, delta: z.string(), summaryIndex: int64 }),
);
export const reasoningSummaryPartAddedNotificationSchema = exact<ReasoningSummaryPartAddedNotification>()(
  z.object({ ...itemScope, summaryIndex: int64 }),
);
export const reasoningTextDeltaNotificationSchema = exact<ReasoningTextDeltaNotification>()(
  z.object({ ...itemScope, delta: z.string(), contentIndex: int64 }),
);
export const commandExecutionOutputDeltaNotificationSchema = exact<CommandExecutionOutputDeltaNotification>()(
  z.object({ ...itemScope, delta: z.string() }),
);
export const serverRequestResolvedNotificationSchema = exact<ServerRequestResolvedNotification>()(
  z.object({ threadId: z.string(), requestId: requestIdSchema }),
);
export const errorNotificationSchema = exact<ErrorNotification>()(
  z.object({ threadId: z.string(), turnId: z.string(), error: turnErrorSchema, willRetry: z.boolean() }),
);

const networkPolicyAmendmentSchema = exact<NetworkPolicyAmendment>()(
  z.object({ host: z.string(), action: z.enum(["allow", "deny"]) }),
);

export const commandExecutionRequestApprovalParamsSchema = exact<CommandExecutionRequestApprovalParams>()(
  z.object({
    threadId: z.string(),
    turnId: z.string(),
    itemId: z.string(),
    startedAtMs: int64,
    approvalId: nullish(z.string()),
    kind: z.enum(["command", "writeStdin", "humanCommand"]).optional(),
    environmentId: nullish(z.string()),
    reason: nullish(z.string()),
    networkApprovalContext: nullish(
      z.object({ host: z.string(), protocol: z.enum(["http", "https", "socks5Tcp", "socks5Udp"]) }),
    ),
    command: nullish(z.string()),
    cwd: nullish(z.string()),
    commandActions: nullish(z.array(commandActionSchema)),
    proposedExecpolicyAmendment: nullish(z.array(z.string())),
    proposedNetworkPolicyAmendments: nullish(z.array(networkPolicyAmendmentSchema)),
  }),
);

export const commandExecutionApprovalDecisionSchema = exact<CommandExecutionApprovalDecision>()(
  z.union([
    z.enum(["accept", "acceptForSession", "decline", "cancel"]),
    z.strictObject({ acceptWithExecpolicyAmendment: z.object({ execpolicy_amendment: z.array(z.string()) }) }),
    z.strictObject({
      applyNetworkPolicyAmendment: z.object({ network_policy_amendment: networkPolicyAmendmentSchema }),
    }),
  ]),
);

export const commandExecutionRequestApprovalResponseSchema = exact<CommandExecutionRequestApprovalResponse>()(
  z.object({ decision: commandExecutionApprovalDecisionSchema }),
);

export const fileChangeRequestApprovalParamsSchema = exact<FileChangeRequestApprovalParams>()(
  z.object({
    threadId: z.string(),
    turnId: z.string(),
    itemId: z.string(),
    startedAtMs: int64,
    reason: nullish(z.string()),
    grantRoot: nullish(z.string()),
  }),
);

export const fileChangeApprovalDecisionSchema = exact<FileChangeApprovalDecision>()(
  z.enum(["accept", "acceptForSession", "decline", "cancel"]),
);

export const fileChangeRequestApprovalResponseSchema = exact<FileChangeRequestApprovalResponse>()(
  z.object({ decision: fileChangeApprovalDecisionSchema }),
);
