// Validators of thread items and their parts.
import { z } from "zod";
import type {
  AgentMessageDisplay,
  AgentMessageModeration,
  AsyncUserInputQuestion,
  CollabAgentState,
  CommandAction,
  DynamicToolCallOutputContentItem,
  FileUpdateChange,
  FunctionCallOutputBody,
  FunctionCallOutputContentItem,
  HookPromptFragment,
  ImageGenerationFailure,
  ImageGenerationInputImage,
  McpAppUi,
  McpToolCallAppContext,
  McpToolCallResult,
  MemoryCitation,
  PatchChangeKind,
  ThreadItem,
  WebSearchAction,
} from "../wire/index.js";
import { reasoningEffortSchema } from "./common.js";
import { absolutePath, exact, int32, int64, jsonValue, nullish, optionalJsonValue, uint32, uint64 } from "./exact.js";
import { imageDetailSchema, userInputSchema } from "./user-input.js";

export const commandActionSchema = exact<CommandAction>()(
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("read"), command: z.string(), name: z.string(), path: z.string() }),
    z.object({ type: z.literal("listFiles"), command: z.string(), path: nullish(z.string()) }),
    z.object({ type: z.literal("search"), command: z.string(), query: nullish(z.string()), path: nullish(z.string()) }),
    z.object({ type: z.literal("unknown"), command: z.string() }),
  ]),
);

const commandExecutionSourceSchema = z.enum(["agent", "userShell", "unifiedExecStartup", "unifiedExecInteraction"]);
const applyStatusSchema = z.enum(["inProgress", "completed", "failed", "declined"]);
const callStatusSchema = z.enum(["inProgress", "completed", "failed"]);

export const patchChangeKindSchema = exact<PatchChangeKind>()(
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("add") }),
    z.object({ type: z.literal("delete") }),
    z.object({ type: z.literal("update"), move_path: nullish(z.string()) }),
  ]),
);

export const fileUpdateChangeSchema = exact<FileUpdateChange>()(
  z.object({ path: z.string(), kind: patchChangeKindSchema, diff: z.string() }),
);

export const mcpToolCallResultSchema = exact<McpToolCallResult>()(
  z.object({ content: z.array(jsonValue), structuredContent: optionalJsonValue, _meta: optionalJsonValue }),
);

const mcpToolCallAppContextSchema = exact<McpToolCallAppContext>()(
  z.object({
    connectorId: z.string(),
    appName: nullish(z.string()),
    actionName: nullish(z.string()),
    linkId: nullish(z.string()),
    resourceUri: nullish(z.string()),
  }),
);

const mcpAppUiSchema = exact<McpAppUi>()(
  z.object({ resourceUri: z.string(), preferredModelDisplayMode: z.enum(["inline", "fullscreen"]) }),
);

const dynamicToolCallOutputContentItemSchema = exact<DynamicToolCallOutputContentItem>()(
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("inputText"), text: z.string() }),
    z.object({ type: z.literal("inputImage"), imageUrl: z.string() }),
    z.object({ type: z.literal("inputAudio"), audioUrl: z.string() }),
  ]),
);

const functionCallOutputContentItemSchema = exact<FunctionCallOutputContentItem>()(
  z.union([
    z.object({ type: z.literal("input_text"), text: z.string() }),
    z.object({ type: z.literal("input_image"), detail: nullish(imageDetailSchema), image_url: z.string() }),
    z.object({ type: z.literal("input_image"), detail: nullish(imageDetailSchema), file_id: z.string() }),
    z.object({ type: z.literal("input_audio"), audio_url: z.string() }),
    z.object({ type: z.literal("input_audio"), file_id: z.string() }),
    z.object({ type: z.literal("encrypted_content"), encrypted_content: z.string() }),
  ]),
);

export const functionCallOutputBodySchema = exact<FunctionCallOutputBody>()(
  z.union([z.string(), z.array(functionCallOutputContentItemSchema)]),
);

const collabAgentStateSchema = exact<CollabAgentState>()(
  z.object({
    status: z.enum(["pendingInit", "running", "interrupted", "completed", "errored", "shutdown", "notFound"]),
    message: nullish(z.string()),
  }),
);

export const webSearchActionSchema = exact<WebSearchAction>()(
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("search"), query: nullish(z.string()), queries: nullish(z.array(z.string())) }),
    z.object({ type: z.literal("openPage"), url: nullish(z.string()) }),
    z.object({ type: z.literal("findInPage"), url: nullish(z.string()), pattern: nullish(z.string()) }),
    z.object({ type: z.literal("other") }),
  ]),
);

const agentMessageDisplaySchema = exact<AgentMessageDisplay>()(
  z.object({
    action: z.string(),
    blockType: nullish(z.string()),
    checkTrustedContacts: nullish(z.boolean()),
    cyberTrustedAccess: nullish(z.boolean()),
  }),
);
const agentMessageModerationSchema = exact<AgentMessageModeration>()(
  z.object({ moderated: z.boolean(), display: nullish(agentMessageDisplaySchema) }),
);
const asyncUserInputQuestionSchema = exact<AsyncUserInputQuestion>()(
  z.object({ title: z.string(), options: nullish(z.array(z.string())) }),
);
const memoryCitationSchema = exact<MemoryCitation>()(
  z.object({
    entries: z.array(z.object({ path: z.string(), lineStart: uint32, lineEnd: uint32, note: z.string() })),
    threadIds: z.array(z.string()),
  }),
);
const hookPromptFragmentSchema = exact<HookPromptFragment>()(z.object({ text: z.string(), hookRunId: z.string() }));
const imageGenerationFailureSchema = exact<ImageGenerationFailure>()(
  z.object({ type: z.literal("usageLimitExceeded"), limitId: z.string(), resetsAt: nullish(int64) }),
);
const imageGenerationInputImageSchema = exact<ImageGenerationInputImage>()(
  z.object({ path: absolutePath, sha256: z.string() }),
);

const imageGenerationBase = {
  type: z.literal("imageGeneration"),
  id: z.string(),
  status: z.string(),
  revisedPrompt: nullish(z.string()),
  savedPath: nullish(absolutePath),
  inputImages: z.array(imageGenerationInputImageSchema).optional(),
  generationId: nullish(z.string()),
  transparentBackground: nullish(z.boolean()),
  failure: nullish(imageGenerationFailureSchema),
};

const threadItemVariants = z.union([
  z.object({ type: z.literal("userMessage"), id: z.string(), clientId: nullish(z.string()), content: z.array(userInputSchema) }),
  z.object({ type: z.literal("hookPrompt"), id: z.string(), fragments: z.array(hookPromptFragmentSchema) }),
  z.object({
    type: z.literal("agentMessage"),
    id: z.string(),
    text: z.string(),
    phase: nullish(z.enum(["commentary", "partial_answer", "final_answer"])),
    memoryCitation: nullish(memoryCitationSchema),
    delivery: nullish(z.literal("async")),
    moderation: nullish(agentMessageModerationSchema),
    questions: nullish(z.array(asyncUserInputQuestionSchema)),
  }),
  z.object({
    type: z.literal("functionCallOutput"),
    id: z.string(),
    name: z.string(),
    namespace: nullish(z.string()),
    output: functionCallOutputBodySchema,
  }),
  z.object({ type: z.literal("plan"), id: z.string(), text: z.string() }),
  z.object({
    type: z.literal("reasoning"),
    id: z.string(),
    summary: z.array(z.string()).optional(),
    content: z.array(z.string()).optional(),
  }),
  z.object({
    type: z.literal("commandExecution"),
    id: z.string(),
    command: z.string(),
    cwd: z.string(),
    processId: nullish(z.string()),
    source: commandExecutionSourceSchema.optional(),
    status: applyStatusSchema,
    commandActions: z.array(commandActionSchema),
    aggregatedOutput: nullish(z.string()),
    exitCode: nullish(int32),
    durationMs: nullish(int64),
    pluginId: nullish(z.string()),
    scriptPath: nullish(z.string()),
  }),
  z.object({ type: z.literal("fileChange"), id: z.string(), changes: z.array(fileUpdateChangeSchema), status: applyStatusSchema }),
  z.object({
    type: z.literal("mcpToolCall"),
    id: z.string(),
    server: z.string(),
    tool: z.string(),
    status: callStatusSchema,
    arguments: jsonValue,
    result: nullish(mcpToolCallResultSchema),
    error: nullish(z.object({ message: z.string() })),
    durationMs: nullish(int64),
    appContext: nullish(mcpToolCallAppContextSchema),
    mcpAppResourceUri: nullish(z.string()),
    mcpAppUi: nullish(mcpAppUiSchema),
    pluginId: nullish(z.string()),
    readOnlyHint: nullish(z.boolean()),
  }),
  z.object({
    type: z.literal("dynamicToolCall"),
    id: z.string(),
    namespace: nullish(z.string()),
    tool: z.string(),
    arguments: jsonValue,
    status: callStatusSchema,
    contentItems: nullish(z.array(dynamicToolCallOutputContentItemSchema)),
    success: nullish(z.boolean()),
    durationMs: nullish(int64),
  }),
  z.object({
    type: z.literal("collabAgentToolCall"),
    id: z.string(),
    tool: z.enum([
      "spawnAgent",
      "sendInput",
      "resumeAgent",
      "wait",
      "closeAgent",
      "sendMessage",
      "followupTask",
      "interruptAgent",
      "listAgents",
    ]),
    status: z.enum(["inProgress", "completed", "failed", "interrupted"]),
    senderThreadId: z.string(),
    receiverThreadIds: z.array(z.string()),
    prompt: nullish(z.string()),
    model: nullish(z.string()),
    reasoningEffort: nullish(reasoningEffortSchema),
    agentsStates: z.record(z.string(), collabAgentStateSchema),
  }),
  z.object({
    type: z.literal("subAgentActivity"),
    id: z.string(),
    kind: z.enum(["started", "interacted", "interrupted", "completed"]),
    agentThreadId: z.string(),
    agentPath: z.string(),
    model: nullish(z.string()),
    reasoningEffort: nullish(reasoningEffortSchema),
  }),
  z.object({
    type: z.literal("webSearch"),
    id: z.string(),
    query: z.string(),
    action: nullish(webSearchActionSchema),
    results: nullish(z.array(jsonValue)),
  }),
  z.object({ type: z.literal("imageView"), id: z.string(), path: z.string() }),
  z.object({ type: z.literal("sleep"), id: z.string(), durationMs: uint64 }),
  z.object({ ...imageGenerationBase, fileId: z.string() }),
  z.object({ ...imageGenerationBase, result: z.string() }),
  z.object({ type: z.literal("enteredReviewMode"), id: z.string(), review: z.string() }),
  z.object({ type: z.literal("exitedReviewMode"), id: z.string(), review: z.string() }),
  z.object({ type: z.literal("contextCompaction"), id: z.string() }),
]);

export const threadItemSchema = exact<ThreadItem>()(
  z.intersection(z.object({ startedAtMs: nullish(int64), completedAtMs: nullish(int64) }), threadItemVariants),
);
