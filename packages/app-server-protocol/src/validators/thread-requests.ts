// Validators of the thread and turn methods.
import { z } from "zod";
import type {
  CollaborationMode,
  Personality,
  ThreadArchiveParams,
  ThreadArchiveResponse,
  ThreadCompactStartParams,
  ThreadCompactStartResponse,
  ThreadForkParams,
  ThreadForkResponse,
  ThreadListParams,
  ThreadListResponse,
  ThreadLoadedListParams,
  ThreadLoadedListResponse,
  ThreadReadParams,
  ThreadReadResponse,
  ThreadResumeParams,
  ThreadResumeResponse,
  ThreadSetNameParams,
  ThreadSetNameResponse,
  ThreadStartParams,
  ThreadStartResponse,
  ThreadUnarchiveParams,
  ThreadUnarchiveResponse,
  TurnInterruptParams,
  TurnInterruptResponse,
  TurnStartParams,
  TurnStartResponse,
  TurnSteerParams,
  TurnSteerResponse,
  TurnToolOutput,
} from "../wire/index.js";
import { reasoningEffortSchema, reasoningSummarySchema } from "./common.js";
import { absolutePath, exact, jsonValue, nullish, optionalJsonValue, uint32 } from "./exact.js";
import { approvalsReviewerSchema, askForApprovalSchema, sandboxModeSchema, sandboxPolicySchema } from "./sandbox.js";
import { functionCallOutputBodySchema } from "./thread-item.js";
import { threadSchema, turnSchema } from "./turn.js";
import { userInputSchema } from "./user-input.js";

const emptyResult = z.object({});

export const personalitySchema = exact<Personality>()(z.enum(["none", "friendly", "pragmatic"]));

const collaborationModeSchema = exact<CollaborationMode>()(
  z.object({
    mode: z.enum(["plan", "default"]),
    settings: z.object({
      model: z.string(),
      reasoning_effort: nullish(reasoningEffortSchema),
      developer_instructions: nullish(z.string()),
    }),
  }),
);

const overrides = {
  model: nullish(z.string()),
  modelProvider: nullish(z.string()),
  serviceTier: nullish(z.string()),
  cwd: nullish(z.string()),
  approvalPolicy: nullish(askForApprovalSchema),
  approvalsReviewer: nullish(approvalsReviewerSchema),
  sandbox: nullish(sandboxModeSchema),
  config: nullish(z.record(z.string(), jsonValue)),
  baseInstructions: nullish(z.string()),
  developerInstructions: nullish(z.string()),
};

const sessionResponse = {
  thread: threadSchema,
  model: z.string(),
  modelProvider: z.string(),
  serviceTier: nullish(z.string()),
  cwd: absolutePath,
  instructionSources: z.array(z.string()).optional(),
  approvalPolicy: askForApprovalSchema,
  approvalsReviewer: approvalsReviewerSchema,
  sandbox: sandboxPolicySchema,
  reasoningEffort: nullish(reasoningEffortSchema),
  disabledPluginIds: z.array(z.string()).optional(),
};

export const threadStartParamsSchema = exact<ThreadStartParams>()(
  z.object({
    ...overrides,
    personality: nullish(personalitySchema),
    ephemeral: nullish(z.boolean()),
    serviceName: nullish(z.string()),
    sessionStartSource: nullish(z.enum(["startup", "clear"])),
    threadSource: nullish(z.string()),
    experimentalRawEvents: z.boolean().optional(),
    persistExtendedHistory: z.boolean().optional(),
  }),
);
export const threadStartResponseSchema = exact<ThreadStartResponse>()(z.object(sessionResponse));

export const threadResumeParamsSchema = exact<ThreadResumeParams>()(
  z.object({
    ...overrides,
    threadId: z.string(),
    personality: nullish(personalitySchema),
    excludeTurns: z.boolean().optional(),
    path: nullish(z.string()),
  }),
);
export const threadResumeResponseSchema = exact<ThreadResumeResponse>()(
  z.object({
    ...sessionResponse,
    collaborationMode: nullish(collaborationModeSchema),
    itemsBackwardsCursor: nullish(z.string()),
    turnsBackwardsCursor: nullish(z.string()),
  }),
);

export const threadForkParamsSchema = exact<ThreadForkParams>()(
  z.object({
    ...overrides,
    threadId: z.string(),
    lastTurnId: nullish(z.string()),
    ephemeral: z.boolean().optional(),
    threadSource: nullish(z.string()),
    excludeTurns: z.boolean().optional(),
    path: nullish(z.string()),
  }),
);
export const threadForkResponseSchema = exact<ThreadForkResponse>()(z.object(sessionResponse));

export const threadListParamsSchema = exact<ThreadListParams>()(
  z.object({
    cursor: nullish(z.string()),
    limit: nullish(uint32),
    sortKey: nullish(z.enum(["created_at", "updated_at", "recency_at", "section_position"])),
    sortDirection: nullish(z.enum(["asc", "desc"])),
    modelProviders: nullish(z.array(z.string())),
    sourceKinds: nullish(
      z.array(
        z.enum([
          "cli",
          "vscode",
          "exec",
          "appServer",
          "subAgent",
          "subAgentReview",
          "subAgentCompact",
          "subAgentThreadSpawn",
          "subAgentOther",
          "unknown",
        ]),
      ),
    ),
    originators: nullish(z.array(z.string())),
    archived: nullish(z.boolean()),
    cwd: nullish(z.union([z.string(), z.array(z.string())])),
    searchTerm: nullish(z.string()),
    sectionId: nullish(z.string()),
    excludedThreadIds: nullish(z.array(z.string())),
    currentAccountOnly: z.boolean().optional(),
    useStateDbOnly: z.boolean().optional(),
  }),
);
export const threadListResponseSchema = exact<ThreadListResponse>()(
  z.object({ data: z.array(threadSchema), nextCursor: nullish(z.string()), backwardsCursor: nullish(z.string()) }),
);

export const threadReadParamsSchema = exact<ThreadReadParams>()(
  z.object({ threadId: z.string(), includeTurns: z.boolean().optional() }),
);
export const threadReadResponseSchema = exact<ThreadReadResponse>()(z.object({ thread: threadSchema }));

const threadIdOnly = z.object({ threadId: z.string() });
export const threadArchiveParamsSchema = exact<ThreadArchiveParams>()(threadIdOnly);
export const threadArchiveResponseSchema = exact<ThreadArchiveResponse>()(emptyResult);
export const threadUnarchiveParamsSchema = exact<ThreadUnarchiveParams>()(threadIdOnly);
export const threadUnarchiveResponseSchema = exact<ThreadUnarchiveResponse>()(z.object({ thread: threadSchema }));
export const threadSetNameParamsSchema = exact<ThreadSetNameParams>()(z.object({ threadId: z.string(), name: z.string() }));
export const threadSetNameResponseSchema = exact<ThreadSetNameResponse>()(emptyResult);
export const threadLoadedListParamsSchema = exact<ThreadLoadedListParams>()(
  z.object({ cursor: nullish(z.string()), limit: nullish(uint32) }),
);
export const threadLoadedListResponseSchema = exact<ThreadLoadedListResponse>()(
  z.object({ data: z.array(z.string()), nextCursor: nullish(z.string()) }),
);
export const threadCompactStartParamsSchema = exact<ThreadCompactStartParams>()(threadIdOnly);
export const threadCompactStartResponseSchema = exact<ThreadCompactStartResponse>()(emptyResult);

const turnToolOutputSchema = exact<TurnToolOutput>()(
  z.object({
    name: z.string(),
    namespace: nullish(z.string()),
    output: functionCallOutputBodySchema,
    retain: z.boolean().optional(),
  }),
);

export const turnStartParamsSchema = exact<TurnStartParams>()(
  z.object({
    threadId: z.string(),
    input: z.array(userInputSchema),
    clientUserMessageId: nullish(z.string()),
    cwd: nullish(z.string()),
    approvalPolicy: nullish(askForApprovalSchema),
    approvalsReviewer: nullish(approvalsReviewerSchema),
    sandboxPolicy: nullish(sandboxPolicySchema),
    model: nullish(z.string()),
    serviceTier: nullish(z.string()),
    serviceTierForTurn: nullish(z.string()),
    effort: nullish(reasoningEffortSchema),
    summary: nullish(reasoningSummarySchema),
    personality: nullish(personalitySchema),
    outputSchema: optionalJsonValue,
    disabledPluginIds: nullish(z.array(z.string())),
    parentTurnId: nullish(z.string()),
    rootTurnId: nullish(z.string()),
    toolOutput: nullish(turnToolOutputSchema),
    turnTrigger: nullish(z.string()),
  }),
);
export const turnStartResponseSchema = exact<TurnStartResponse>()(z.object({ turn: turnSchema }));

export const turnSteerParamsSchema = exact<TurnSteerParams>()(
  z.object({
    threadId: z.string(),
    input: z.array(userInputSchema),
    expectedTurnId: z.string(),
    clientUserMessageId: nullish(z.string()),
  }),
);
export const turnSteerResponseSchema = exact<TurnSteerResponse>()(z.object({ turnId: z.string() }));

export const turnInterruptParamsSchema = exact<TurnInterruptParams>()(
  z.object({ threadId: z.string(), turnId: z.string() }),
);
export const turnInterruptResponseSchema = exact<TurnInterruptResponse>()(emptyResult);
