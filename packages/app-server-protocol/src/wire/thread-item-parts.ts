// Building blocks of thread items: command readings, file changes, tool call results and the like.
import type { LegacyAppPathString } from "./config-requirements-managed.js";
import type { AbsolutePathBuf, Int64, JsonValue, UInt32 } from "./scalars.js";
import type { ImageDetail } from "./user-input.js";

/** A best-effort reading of what a shell command does. Tagged by `type`. */
export type CommandAction =
  | { type: "read"; command: string; name: string; path: LegacyAppPathString }
  | { type: "listFiles"; command: string; path?: string | null }
  | { type: "search"; command: string; query?: string | null; path?: string | null }
  | { type: "unknown"; command: string };

/** Who started a command. */
export type CommandExecutionSource = "agent" | "userShell" | "unifiedExecStartup" | "unifiedExecInteraction";

export type CommandExecutionStatus = "inProgress" | "completed" | "failed" | "declined";

export type PatchApplyStatus = "inProgress" | "completed" | "failed" | "declined";

/** What happens to a file. `move_path` (snake_case on the wire) is the new path of a renamed file. */
export type PatchChangeKind = { type: "add" } | { type: "delete" } | { type: "update"; move_path?: string | null };

/** One file touched by a patch. */
export interface FileUpdateChange {
  path: string;
  kind: PatchChangeKind;
  /** Unified diff of the change (the whole content for an added file). */
  diff: string;
}

export type McpToolCallStatus = "inProgress" | "completed" | "failed";

/** What an MCP tool returned. */
export interface McpToolCallResult {
  content: JsonValue[];
  structuredContent?: JsonValue;
  _meta?: JsonValue;
}

export interface McpToolCallError {
  message: string;
}

/** The app (connector) an MCP tool call belongs to. */
export interface McpToolCallAppContext {
  connectorId: string;
  appName?: string | null;
  actionName?: string | null;
  linkId?: string | null;
  resourceUri?: string | null;
}

export type McpAppDisplayMode = "inline" | "fullscreen";

/** A UI resource an MCP app offers for its result. */
export interface McpAppUi {
  resourceUri: string;
  preferredModelDisplayMode: McpAppDisplayMode;
}

export type DynamicToolCallStatus = "inProgress" | "completed" | "failed";

/** Output a client-provided tool returned. Tagged by `type`. */
export type DynamicToolCallOutputContentItem =
  | { type: "inputText"; text: string }
  | { type: "inputImage"; imageUrl: string }
  | { type: "inputAudio"; audioUrl: string };

/** One item of function call output, in the Responses API's snake_case form. Tagged by `type`. */
export type FunctionCallOutputContentItem =
  | { type: "input_text"; text: string }
  | { type: "input_image"; detail?: ImageDetail | null; image_url: string }
  | { type: "input_image"; detail?: ImageDetail | null; file_id: string }
  | { type: "input_audio"; audio_url: string }
  | { type: "input_audio"; file_id: string }
  | { type: "encrypted_content"; encrypted_content: string };

/** Function call output: plain text or content items. */
export type FunctionCallOutputBody = string | FunctionCallOutputContentItem[];

/** Which sub-agent operation a collaboration tool call performs. */
export type CollabAgentTool =
  | "spawnAgent"
  | "sendInput"
  | "resumeAgent"
  | "wait"
  | "closeAgent"
  | "sendMessage"
  | "followupTask"
  | "interruptAgent"
  | "listAgents";

export type CollabAgentToolCallStatus = "inProgress" | "completed" | "failed" | "interrupted";

export type CollabAgentStatus = "pendingInit" | "running" | "interrupted" | "completed" | "errored" | "shutdown" | "notFound";

/** Where one sub-agent stands. */
export interface CollabAgentState {
  status: CollabAgentStatus;
  message?: string | null;
}

export type SubAgentActivityKind = "started" | "interacted" | "interrupted" | "completed";

/** What a web search did. Tagged by `type`. */
export type WebSearchAction =
  | { type: "search"; query?: string | null; queries?: string[] | null }
  | { type: "openPage"; url?: string | null }
  | { type: "findInPage"; url?: string | null; pattern?: string | null }
  | { type: "other" };

/** Phase of an agent message within a turn (snake_case on the wire). */
export type MessagePhase = "commentary" | "partial_answer" | "final_answer";

/** How an agent message was delivered. */
export type AgentMessageDelivery = "async";

/** How a moderated message should be shown. */
export interface AgentMessageDisplay {
  action: string;
  blockType?: string | null;
  checkTrustedContacts?: boolean | null;
  cyberTrustedAccess?: boolean | null;
}

export interface AgentMessageModeration {
  moderated: boolean;
  display?: AgentMessageDisplay | null;
}

/** A question an agent message asks the user to answer later. */
export interface AsyncUserInputQuestion {
  title: string;
  options?: string[] | null;
}

/** One memory the agent relied on. */
export interface MemoryCitationEntry {
  path: string;
  lineStart: UInt32;
  lineEnd: UInt32;
  note: string;
}

export interface MemoryCitation {
  entries: MemoryCitationEntry[];
  threadIds: string[];
}

/** A piece of text a hook added to the prompt. */
export interface HookPromptFragment {
  text: string;
  hookRunId: string;
}

/** Why an image generation failed. Tagged by `type`. */
export type ImageGenerationFailure = { type: "usageLimitExceeded"; limitId: string; resetsAt?: Int64 | null };

/** An image given to an image generation. */
export interface ImageGenerationInputImage {
  path: AbsolutePathBuf;
  sha256: string;
}
