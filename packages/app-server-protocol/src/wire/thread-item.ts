// Items of a thread: what the user said, what the agent said and did. Tagged by `type`.
import type { LegacyAppPathString } from "./config-requirements-managed.js";
import type { ReasoningEffort } from "./reasoning.js";
import type { AbsolutePathBuf, Int32, Int64, JsonValue, UInt64 } from "./scalars.js";
import type {
  AgentMessageDelivery,
  AgentMessageModeration,
  AsyncUserInputQuestion,
  CollabAgentState,
  CollabAgentTool,
  CollabAgentToolCallStatus,
  CommandAction,
  CommandExecutionSource,
  CommandExecutionStatus,
  DynamicToolCallOutputContentItem,
  DynamicToolCallStatus,
  FileUpdateChange,
  FunctionCallOutputBody,
  HookPromptFragment,
  ImageGenerationFailure,
  ImageGenerationInputImage,
  McpAppUi,
  McpToolCallAppContext,
  McpToolCallError,
  McpToolCallResult,
  McpToolCallStatus,
  MemoryCitation,
  MessagePhase,
  PatchApplyStatus,
  SubAgentActivityKind,
  WebSearchAction,
} from "./thread-item-parts.js";
import type { UserInput } from "./user-input.js";

/**
 * One item of a thread: its kind-specific fields (tagged by `type`) and, on items read back from history,
 * when it started and completed (Unix milliseconds).
 */
export type ThreadItem = {
  startedAtMs?: Int64 | null;
  completedAtMs?: Int64 | null;
} & (
  | {
      type: "userMessage";
      id: string;
      /** Id the client gave the message (`clientUserMessageId`), if any. */
      clientId?: string | null;
      content: UserInput[];
    }
  | { type: "hookPrompt"; id: string; fragments: HookPromptFragment[] }
  | {
      type: "agentMessage";
      id: string;
      text: string;
      phase?: MessagePhase | null;
      memoryCitation?: MemoryCitation | null;
      delivery?: AgentMessageDelivery | null;
      moderation?: AgentMessageModeration | null;
      questions?: AsyncUserInputQuestion[] | null;
    }
  | {
      type: "functionCallOutput";
      id: string;
      name: string;
      namespace?: string | null;
      output: FunctionCallOutputBody;
    }
  | { type: "plan"; id: string; text: string }
  | {
      type: "reasoning";
      id: string;
      /** Summary parts. Defaults to none. */
      summary?: string[];
      /** Raw reasoning text parts. Defaults to none. */
      content?: string[];
    }
  | {
      type: "commandExecution";
      id: string;
      /** The command as one shell string. */
      command: string;
      cwd: LegacyAppPathString;
      /** Id of the background process, for commands that keep running. */
      processId?: string | null;
      /** Defaults to `agent`. */
      source?: CommandExecutionSource;
      status: CommandExecutionStatus;
      commandActions: CommandAction[];
      /** Combined stdout and stderr, once the command finished. */
      aggregatedOutput?: string | null;
      exitCode?: Int32 | null;
      durationMs?: Int64 | null;
      pluginId?: string | null;
      scriptPath?: string | null;
    }
  | { type: "fileChange"; id: string; changes: FileUpdateChange[]; status: PatchApplyStatus }
  | {
      type: "mcpToolCall";
      id: string;
      server: string;
      tool: string;
      status: McpToolCallStatus;
      arguments: JsonValue;
      result?: McpToolCallResult | null;
      error?: McpToolCallError | null;
      durationMs?: Int64 | null;
      appContext?: McpToolCallAppContext | null;
      /** Older spelling of `mcpAppUi.resourceUri`. */
      mcpAppResourceUri?: string | null;
      mcpAppUi?: McpAppUi | null;
      pluginId?: string | null;
      readOnlyHint?: boolean | null;
    }
  | {
      type: "dynamicToolCall";
      id: string;
      namespace?: string | null;
      tool: string;
      arguments: JsonValue;
      status: DynamicToolCallStatus;
      contentItems?: DynamicToolCallOutputContentItem[] | null;
      success?: boolean | null;
      durationMs?: Int64 | null;
    }
  | {
      type: "collabAgentToolCall";
      id: string;
      tool: CollabAgentTool;
      status: CollabAgentToolCallStatus;
      senderThreadId: string;
      receiverThreadIds: string[];
      prompt?: string | null;
      model?: string | null;
      reasoningEffort?: ReasoningEffort | null;
      /** State of each receiving agent, by thread id. */
      agentsStates: { [threadId: string]: CollabAgentState };
    }
  | {
      type: "subAgentActivity";
      id: string;
      kind: SubAgentActivityKind;
      agentThreadId: string;
      agentPath: string;
      model?: string | null;
      reasoningEffort?: ReasoningEffort | null;
    }
  | {
      type: "webSearch";
      id: string;
      query: string;
      action?: WebSearchAction | null;
      results?: JsonValue[] | null;
    }
  | { type: "imageView"; id: string; path: LegacyAppPathString }
  | { type: "sleep"; id: string; durationMs: UInt64 }
  | {
      type: "imageGeneration";
      id: string;
      status: string;
      revisedPrompt?: string | null;
      savedPath?: AbsolutePathBuf | null;
      inputImages?: ImageGenerationInputImage[];
      generationId?: string | null;
      transparentBackground?: boolean | null;
      failure?: ImageGenerationFailure | null;
      /** Id of the generated image file. */
      fileId: string;
    }
  | {
      type: "imageGeneration";
      id: string;
      status: string;
      revisedPrompt?: string | null;
      savedPath?: AbsolutePathBuf | null;
      inputImages?: ImageGenerationInputImage[];
      generationId?: string | null;
      transparentBackground?: boolean | null;
      failure?: ImageGenerationFailure | null;
      /** The generated image, base64. */
      result: string;
    }
  | {
      type: "enteredReviewMode";
      id: string;
      /** Short label of what is reviewed. */
      review: string;
    }
  | {
      type: "exitedReviewMode";
      id: string;
      /** The review's full text. */
      review: string;
    }
  | { type: "contextCompaction"; id: string }
);
