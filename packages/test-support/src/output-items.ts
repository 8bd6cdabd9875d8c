/**
 * Builders for the output items a scripted turn streams. Each builder returns a plain Responses API item
 * (the shape `response.output_item.done` carries); ids left out are filled in when the turn is streamed.
 */

export type MessageItem = {
  type: "message";
  id?: string;
  role: "assistant";
  status: "completed";
  content: { type: "output_text"; text: string; annotations: unknown[] }[];
};

export type ReasoningItem = {
  type: "reasoning";
  id?: string;
  summary: { type: "summary_text"; text: string }[];
  content?: { type: "reasoning_text"; text: string }[];
  encrypted_content?: string;
};

export type FunctionCallItem = {
  type: "function_call";
  id?: string;
  status: "completed";
  name: string;
  arguments: string;
  call_id: string;
};

export type CustomToolCallItem = {
  type: "custom_tool_call";
  id?: string;
  status: "completed";
  name: string;
  input: string;
  call_id: string;
};

export type LocalShellAction = {
  type: "exec";
  command: string[];
  timeout_ms?: number;
  working_directory?: string;
  env?: Record<string, string>;
  user?: string;
};

export type LocalShellCallItem = {
  type: "local_shell_call";
  id?: string;
  call_id: string;
  status: "completed";
  action: LocalShellAction;
};

export type WebSearchCallItem = {
  type: "web_search_call";
  id?: string;
  status: "completed";
  action: { type: "search"; query: string };
};

export type OutputItem =
  | MessageItem
  | ReasoningItem
  | FunctionCallItem
  | CustomToolCallItem
  | LocalShellCallItem
  | WebSearchCallItem;

let callCounter = 0;

function nextCallId(): string {
  callCounter += 1;
  return `call_mock_${callCounter}`;
}

/** An assistant message whose text is streamed as `response.output_text.delta` events. */
export function message(text: string): MessageItem {
  return {
    type: "message",
    role: "assistant",
    status: "completed",
    content: [{ type: "output_text", text, annotations: [] }],
  };
}

export type ReasoningOptions = {
  /** Raw reasoning text, streamed as `response.reasoning_text.delta`. */
  content?: string;
  encryptedContent?: string;
};

/** A reasoning item; each summary part is streamed as `response.reasoning_summary_text.delta` events. */
export function reasoning(summary: string | string[], options: ReasoningOptions = {}): ReasoningItem {
  const parts = typeof summary === "string" ? [summary] : summary;
  const item: ReasoningItem = {
    type: "reasoning",
    summary: parts.map((text) => ({ type: "summary_text", text })),
  };
  if (options.content !== undefined) item.content = [{ type: "reasoning_text", text: options.content }];
  if (options.encryptedContent !== undefined) item.encrypted_content = options.encryptedContent;
  return item;
}

/** A function tool call; `args` objects are JSON-encoded, strings are sent as they are. */
export function functionCall(name: string, args: unknown, callId?: string): FunctionCallItem {
  return {
    type: "function_call",
    status: "completed",
    name,
    arguments: typeof args === "string" ? args : JSON.stringify(args),
    call_id: callId ?? nextCallId(),
  };
}

/** A freeform (custom) tool call such as `apply_patch`, with its raw input text. */
export function customToolCall(name: string, input: string, callId?: string): CustomToolCallItem {
  return { type: "custom_tool_call", status: "completed", name, input, call_id: callId ?? nextCallId() };
}

/** A `local_shell_call` item running `command` (argv form). */
export function localShellCall(
  command: string[],
  options: Omit<LocalShellAction, "type" | "command"> & { callId?: string } = {},
): LocalShellCallItem {
  const { callId, ...rest } = options;
  return {
    type: "local_shell_call",
    call_id: callId ?? nextCallId(),
    status: "completed",
    action: { type: "exec", command, ...rest },
  };
}

/** A hosted web search the model ran. */
export function webSearchCall(query: string): WebSearchCallItem {
  return { type: "web_search_call", status: "completed", action: { type: "search", query } };
}
