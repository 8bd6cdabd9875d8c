// Thread items as `codex exec --experimental-json` prints them (snake_case fields, `type` tag).

/** Lifecycle of a command the agent runs. */
export type CommandExecutionStatus = "in_progress" | "completed" | "failed" | "declined";

/** A command run by the agent, with its combined output. */
export type CommandExecutionItem = {
  id: string;
  type: "command_execution";
  /** The command line as the agent ran it. */
  command: string;
  /** stdout and stderr interleaved, as captured so far. */
  aggregated_output: string;
  /** Present once the command has exited. */
  exit_code?: number;
  status: CommandExecutionStatus;
};

/** What a patch did to one file. */
export type PatchChangeKind = "add" | "delete" | "update";

/** One file touched by a patch. */
export type FileUpdateChange = {
  path: string;
  kind: PatchChangeKind;
};

/** Outcome of applying a patch. */
export type PatchApplyStatus = "completed" | "failed";

/** A patch applied by the agent; reported once, when it has succeeded or failed. */
export type FileChangeItem = {
  id: string;
  type: "file_change";
  changes: FileUpdateChange[];
  status: PatchApplyStatus;
};

/** Lifecycle of an MCP tool call. */
export type McpToolCallStatus = "in_progress" | "completed" | "failed";

/** A content block returned by an MCP tool (text, image, audio, resource, ...). */
export type McpContentBlock = { type: string; [key: string]: unknown };

/** A call to a tool of a configured MCP server. */
export type McpToolCallItem = {
  id: string;
  type: "mcp_tool_call";
  /** Name of the MCP server, as configured under `mcp_servers`. */
  server: string;
  tool: string;
  arguments: unknown;
  /** Set when the call succeeded. */
  result?: {
    content: McpContentBlock[];
    structured_content: unknown;
  };
  /** Set when the call failed. */
  error?: {
    message: string;
  };
  status: McpToolCallStatus;
};

/** A message from the agent: prose, or a JSON document when an output schema was given. */
export type AgentMessageItem = {
  id: string;
  type: "agent_message";
  text: string;
};

/** The summary of the model's reasoning. */
export type ReasoningItem = {
  id: string;
  type: "reasoning";
  text: string;
};

/** A plan proposed by the agent. */
export type PlanItem = {
  id: string;
  type: "plan";
  text: string;
};

/** A web search made by the model. */
export type WebSearchItem = {
  id: string;
  type: "web_search";
  query: string;
};

/** A non-fatal error reported as part of the turn. */
export type ErrorItem = {
  id: string;
  type: "error";
  message: string;
};

/** One entry of the agent's to-do list. */
export type TodoItem = {
  text: string;
  completed: boolean;
};

/** The agent's to-do list: started when a plan is set, updated as steps change, completed with the turn. */
export type TodoListItem = {
  id: string;
  type: "todo_list";
  items: TodoItem[];
};

/** Every item a thread can contain, discriminated by `type`. */
export type ThreadItem =
  | AgentMessageItem
  | ReasoningItem
  | CommandExecutionItem
  | FileChangeItem
  | McpToolCallItem
  | WebSearchItem
  | TodoListItem
  | PlanItem
  | ErrorItem;
