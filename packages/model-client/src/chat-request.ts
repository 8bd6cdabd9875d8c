import type { ContentItem, FunctionCallOutputBody, ResponseItem } from "@codex-ts/protocol";
import type { ResponsesPrompt } from "./request-body.js";

/** One part of a Chat Completions message `content` array. */
export type ChatContentPart = { type: "text"; text: string } | { type: "image_url"; image_url: { url: string } };

export interface ChatToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: "system" | "user"; content: string | ChatContentPart[] }
  | { role: "assistant"; content: string | null; tool_calls?: ChatToolCall[]; reasoning?: string }
  | { role: "tool"; tool_call_id: string; content: string | ChatContentPart[] };

/** A Chat Completions function tool. */
export interface ChatTool {
  type: "function";
  function: { name: string; description?: string; parameters?: unknown; strict?: boolean };
}

/** The JSON body of `POST /chat/completions`, field names as on the wire. */
export interface ChatCompletionsRequest {
  model: string;
  messages: ChatMessage[];
  stream: true;
  stream_options: { include_usage: true };
  tools?: ChatTool[];
  tool_choice?: "auto";
  parallel_tool_calls?: boolean;
  response_format?: { type: "json_schema"; json_schema: Record<string, unknown> };
}

/**
 * Converts Responses API tool specs to Chat Completions tools. Only `type: "function"` tools have a
 * Chat Completions form; freeform (custom), `local_shell`, `web_search` and other hosted tools are dropped.
 */
export function chatToolsFromResponsesTools(tools: readonly unknown[]): ChatTool[] {
  const converted: ChatTool[] = [];
  for (const tool of tools) {
    if (typeof tool !== "object" || tool === null) continue;
    const { type, ...fn } = tool as Record<string, unknown>;
    if (type !== "function" || typeof fn["name"] !== "string") continue;
    converted.push({ type: "function", function: fn as ChatTool["function"] });
  }
  return converted;
}

/**
 * Builds the Chat Completions body for the same prompt the Responses client takes: the instructions
 * become the leading `system` message and the `ResponseItem` history becomes messages. Consecutive
 * tool calls share one assistant message (as parallel calls must); `developer` messages are sent as
 * `system`; raw reasoning text after the last user message rides along as `reasoning` on the next
 * assistant message; web search, image generation and compaction items have no chat form and are skipped.
 */
export function buildChatRequestBody(prompt: ResponsesPrompt): ChatCompletionsRequest {
  const body: ChatCompletionsRequest = {
    model: prompt.model,
    messages: chatMessagesFromInput(prompt.instructions, prompt.input),
    stream: true,
    stream_options: { include_usage: true },
  };
  const tools = chatToolsFromResponsesTools(prompt.tools ?? []);
  if (tools.length > 0) {
    body.tools = tools;
    body.tool_choice = "auto";
    if (prompt.parallelToolCalls !== undefined) body.parallel_tool_calls = prompt.parallelToolCalls;
  }
  const format = prompt.text?.["format"] as Record<string, unknown> | undefined;
  if (format?.["type"] === "json_schema") {
    const { type: _type, ...schema } = format;
    body.response_format = { type: "json_schema", json_schema: schema };
  }
  return body;
}

/** The `messages` array for `instructions` followed by `input`. */
export function chatMessagesFromInput(instructions: string, input: readonly ResponseItem[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (instructions !== "") messages.push({ role: "system", content: instructions });
  const lastUserIndex = findLastIndex(input, (item) => item.type === "message" && item.role === "user");
  let pendingReasoning = "";
  // The assistant message that further tool calls may join (reset by anything else).
  let openAssistant: Extract<ChatMessage, { role: "assistant" }> | undefined;

  const takeReasoning = (): { reasoning?: string } => {
    const reasoning = pendingReasoning;
    pendingReasoning = "";
    return reasoning === "" ? {} : { reasoning };
  };
  const addToolCall = (call: ChatToolCall) => {
    if (openAssistant) {
      openAssistant.tool_calls = [...(openAssistant.tool_calls ?? []), call];
      const { reasoning } = takeReasoning();
      if (reasoning) openAssistant.reasoning = (openAssistant.reasoning ?? "") + reasoning;
      return;
    }
    openAssistant = { role: "assistant", content: null, tool_calls: [call], ...takeReasoning() };
    messages.push(openAssistant);
  };

  input.forEach((item, index) => {
    switch (item.type) {
      case "message": {
        if (item.role === "assistant") {
          openAssistant = { role: "assistant", content: plainText(item.content), ...takeReasoning() };
          messages.push(openAssistant);
          return;
        }
        openAssistant = undefined;
        const role = item.role === "user" ? "user" : "system";
        messages.push({ role, content: userContent(item.content) });
        return;
      }
      case "function_call":
        addToolCall({ id: item.call_id, type: "function", function: { name: item.name, arguments: item.arguments } });
        return;
      case "custom_tool_call":
        addToolCall({
          id: item.call_id,
          type: "function",
          function: { name: item.name, arguments: JSON.stringify({ input: item.input }) },
        });
        return;
      case "local_shell_call": {
        const { command, working_directory, timeout_ms } = item.action;
        const args = {
          command,
          ...(working_directory ? { workdir: working_directory } : {}),
          ...(timeout_ms ? { timeout_ms } : {}),
        };
        const id = item.call_id ?? item.id ?? `local_shell_${index}`;
        addToolCall({ id, type: "function", function: { name: "shell", arguments: JSON.stringify(args) } });
        return;
      }
      case "function_call_output":
      case "custom_tool_call_output":
        openAssistant = undefined;
        messages.push({ role: "tool", tool_call_id: item.call_id, content: toolOutput(item.output) });
        return;
      case "reasoning":
        if (index > lastUserIndex) pendingReasoning += (item.content ?? []).map((part) => part.text).join("");
        return;
      default:
        return;
    }
  });
  return messages;
}

function plainText(content: readonly ContentItem[]): string {
  return content.map((part) => (part.type === "input_image" ? "" : part.text)).join("");
}

/** Text alone as a string; with images, an array of parts. */
function userContent(content: readonly ContentItem[]): string | ChatContentPart[] {
  if (!content.some((part) => part.type === "input_image")) return plainText(content);
  return content.map(chatPart);
}

function toolOutput(output: FunctionCallOutputBody): string | ChatContentPart[] {
  return typeof output === "string" ? output : output.map(chatPart);
}

function chatPart(part: ContentItem): ChatContentPart {
  return part.type === "input_image"
    ? { type: "image_url", image_url: { url: part.image_url } }
    : { type: "text", text: part.text };
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}
