// Validators of turns, threads and their parts.
import { z } from "zod";
import type {
  CodexErrorInfo,
  GitInfo,
  HttpStatusInfo,
  SessionSource,
  SubAgentSource,
  Thread,
  ThreadSection,
  ThreadStatus,
  ThreadTokenUsage,
  TokenUsageBreakdown,
  Turn,
  TurnError,
  TurnPlanStep,
} from "../wire/index.js";
import { reasoningEffortSchema } from "./common.js";
import { absolutePath, exact, int32, int64, jsonValue, nullish, uint16 } from "./exact.js";
import { threadItemSchema } from "./thread-item.js";

const httpStatusInfoSchema = exact<HttpStatusInfo>()(z.object({ httpStatusCode: nullish(uint16) }));

export const codexErrorInfoSchema = exact<CodexErrorInfo>()(
  z.union([
    z.string(),
    z.strictObject({ httpConnectionFailed: httpStatusInfoSchema }),
    z.strictObject({ responseStreamConnectionFailed: httpStatusInfoSchema }),
    z.strictObject({ responseStreamDisconnected: httpStatusInfoSchema }),
    z.strictObject({ responseTooManyFailedAttempts: httpStatusInfoSchema }),
    z.strictObject({ activeTurnNotSteerable: z.object({ turnKind: z.enum(["review", "compact"]) }) }),
    z.record(z.string(), jsonValue),
  ]),
);

export const turnErrorSchema = exact<TurnError>()(
  z.object({
    message: z.string(),
    codexErrorInfo: nullish(codexErrorInfoSchema),
    additionalDetails: nullish(z.string()),
    misalignment: nullish(
      z.object({
        detailedExplanation: nullish(z.string()),
        errorType: nullish(z.string()),
        reviewTarget: nullish(z.string()),
        steer: nullish(z.object({ message: z.string() })),
      }),
    ),
  }),
);

export const turnSchema = exact<Turn>()(
  z.object({
    id: z.string(),
    items: z.array(threadItemSchema),
    itemsView: z.enum(["notLoaded", "summary", "full"]).optional(),
    status: z.enum(["completed", "interrupted", "failed", "inProgress"]),
    error: nullish(turnErrorSchema),
    startedAt: nullish(int64),
    completedAt: nullish(int64),
    durationMs: nullish(int64),
    rootTurnId: nullish(z.string()),
  }),
);

export const turnPlanStepSchema = exact<TurnPlanStep>()(
  z.object({ step: z.string(), status: z.enum(["pending", "inProgress", "completed"]) }),
);

export const tokenUsageBreakdownSchema = exact<TokenUsageBreakdown>()(
  z.object({
    totalTokens: int64,
    inputTokens: int64,
    cachedInputTokens: int64,
    cacheWriteInputTokens: int64.optional(),
    outputTokens: int64,
    reasoningOutputTokens: int64,
  }),
);

export const threadTokenUsageSchema = exact<ThreadTokenUsage>()(
  z.object({
    total: tokenUsageBreakdownSchema,
    last: tokenUsageBreakdownSchema,
    modelContextWindow: nullish(int64),
  }),
);

export const threadStatusSchema = exact<ThreadStatus>()(
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("notLoaded") }),
    z.object({ type: z.literal("idle") }),
    z.object({ type: z.literal("systemError") }),
    z.object({ type: z.literal("active"), activeFlags: z.array(z.enum(["waitingOnApproval", "waitingOnUserInput"])) }),
  ]),
);

export const subAgentSourceSchema = exact<SubAgentSource>()(
  z.union([
    z.enum(["review", "compact", "memory_consolidation"]),
    z.strictObject({
      thread_spawn: z.object({
        parent_thread_id: z.string(),
        depth: int32,
        agent_path: nullish(z.string()),
        agent_nickname: nullish(z.string()),
        agent_role: nullish(z.string()),
      }),
    }),
    z.strictObject({ other: z.string() }),
  ]),
);

export const sessionSourceSchema = exact<SessionSource>()(
  z.union([
    z.enum(["cli", "vscode", "exec", "appServer", "unknown"]),
    z.strictObject({ custom: z.string() }),
    z.strictObject({ subAgent: subAgentSourceSchema }),
  ]),
);

export const gitInfoSchema = exact<GitInfo>()(
  z.object({ sha: nullish(z.string()), branch: nullish(z.string()), originUrl: nullish(z.string()) }),
);

const threadSectionSchema = exact<ThreadSection>()(
  z.object({
    id: z.string(),
    name: z.string(),
    appearance: nullish(z.object({ color: nullish(z.string()), icon: nullish(z.string()) })),
  }),
);

export const threadSchema = exact<Thread>()(
  z.object({
    id: z.string(),
    sessionId: z.string(),
    projectId: z.string().nullable(),
    forkedFromId: nullish(z.string()),
    parentThreadId: nullish(z.string()),
    preview: z.string(),
    ephemeral: z.boolean(),
    model: nullish(z.string()),
    modelProvider: z.string(),
    reasoningEffort: nullish(reasoningEffortSchema),
    createdAt: int64,
    updatedAt: int64,
    recencyAt: nullish(int64),
    status: threadStatusSchema,
    path: nullish(z.string()),
    cwd: absolutePath,
    cliVersion: z.string(),
    originator: nullish(z.string()),
    source: sessionSourceSchema,
    threadSource: nullish(z.string()),
    agentNickname: nullish(z.string()),
    agentRole: nullish(z.string()),
    gitInfo: nullish(gitInfoSchema),
    name: nullish(z.string()),
    historyMode: z.enum(["legacy", "paginated"]).optional(),
    section: nullish(threadSectionSchema),
    sectionEnteredAt: nullish(int64),
    turns: z.array(turnSchema),
  }),
);
