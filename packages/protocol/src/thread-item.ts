// Items of a thread as clients see them: the app-server v2 `ThreadItem` shape (camelCase, tagged by `type`).
// Core produces these; the app-server sends them unchanged and `codex exec` maps them to its own events.

/** One span of a text input the UI rendered specially (byte offsets into `text`). */
export interface TextElement {
  byteRange: { start: number; end: number };
  placeholder: string | null;
}

/** What a user sends in a turn. */
export type UserInput =
  | { type: "text"; text: string; text_elements?: TextElement[] }
  | { type: "image"; url: string }
  | { type: "localImage"; path: string }
  | { type: "skill"; name: string; path: string }
  | { type: "mention"; name: string; path: string };

/** A best-effort reading of what a shell command does. */
export type CommandAction =
  | { type: "read"; command: string; name: string; path: string }
  | { type: "listFiles"; command: string; path: string | null }
  | { type: "search"; command: string; query: string | null; path: string | null }
  | { type: "unknown"; command: string };

export type CommandExecutionStatus = "inProgress" | "completed" | "failed" | "declined";
export type PatchApplyStatus = "inProgress" | "completed" | "failed" | "declined";
export type McpToolCallStatus = "inProgress" | "completed" | "failed";
export type CommandExecutionSource = "agent" | "userShell" | "unifiedExecStartup" | "unifiedExecInteraction";

export type PatchChangeKind = { type: "add" } | { type: "delete" } | { type: "update"; move_path: string | null };

export interface FileUpdateChange {
  path: string;
  kind: PatchChangeKind;
  diff: string;
}

export type WebSearchItemAction =
  | { type: "search"; query?: string | null; queries?: string[] | null }
  | { type: "openPage"; url?: string | null }
  | { type: "findInPage"; url?: string | null; pattern?: string | null }
  | { type: "other" };

export interface McpToolCallResult {
  content: unknown[];
  structuredContent: unknown | null;
  _meta?: unknown | null;
}

/** Where an agent message sits in the answer. */
export type MessagePhase = "commentary" | "partial_answer" | "final_answer";

export function isMessagePhase(value: unknown): value is MessagePhase {
  return value === "commentary" || value === "partial_answer" || value === "final_answer";
}

export type ThreadItem =
  | { type: "userMessage"; id: string; clientId?: string | null; content: UserInput[] }
  | { type: "agentMessage"; id: string; text: string; phase?: MessagePhase | null }
  | { type: "plan"; id: string; text: string }
  | { type: "reasoning"; id: string; summary: string[]; content: string[] }
  | {
      type: "commandExecution";
      id: string;
      command: string;
      cwd: string;
      processId: string | null;
      source: CommandExecutionSource;
      status: CommandExecutionStatus;
      commandActions: CommandAction[];
      aggregatedOutput: string | null;
      exitCode: number | null;
      durationMs: number | null;
    }
  | { type: "fileChange"; id: string; changes: FileUpdateChange[]; status: PatchApplyStatus }
  | {
      type: "mcpToolCall";
      id: string;
      server: string;
      tool: string;
      status: McpToolCallStatus;
      arguments: unknown;
      result: McpToolCallResult | null;
      error: { message: string } | null;
      durationMs: number | null;
    }
  | { type: "webSearch"; id: string; query: string; action: WebSearchItemAction | null }
  | { type: "imageView"; id: string; path: string }
  | { type: "contextCompaction"; id: string };

export type ThreadItemType = ThreadItem["type"];

/** Plain text of the user's inputs, as used for previews and rollout `user_message` events. */
export function userInputText(input: readonly UserInput[]): string {
  return input
    .filter((part): part is Extract<UserInput, { type: "text" }> => part.type === "text")
    .map((part) => part.text)
    .join("\n");
}
