import type { OutputItem } from "./output-items.js";
import { deltaChunks, type Turn, usageOf } from "./scripted-turn.js";

/** One `chat.completion.chunk` object, or the `[DONE]` marker. */
export type ChatChunk = { [key: string]: unknown } | "[DONE]";

/** Chat Completions `usage`, as the last chunk carries it. */
export type ChatUsage = {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
};

export function chatUsageOf(turn: Turn): ChatUsage {
  const usage = usageOf(turn.usage);
  return {
    prompt_tokens: usage.input_tokens,
    completion_tokens: usage.output_tokens,
    total_tokens: usage.total_tokens,
    prompt_tokens_details: { cached_tokens: usage.input_tokens_details.cached_tokens },
    completion_tokens_details: { reasoning_tokens: usage.output_tokens_details.reasoning_tokens },
  };
}

/** Splits a string into `parts` pieces of about equal length (never empty pieces, at least one). */
export function splitInParts(text: string, parts: number): string[] {
  if (text.length <= 1 || parts <= 1) return [text];
  const size = Math.ceil(text.length / parts);
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

/** The function name and JSON arguments a tool-calling item becomes on the chat wire, if it has one. */
function asChatToolCall(item: OutputItem): { callId: string; name: string; arguments: string } | undefined {
  switch (item.type) {
    case "function_call":
      return { callId: item.call_id, name: item.name, arguments: item.arguments };
    case "custom_tool_call":
      return { callId: item.call_id, name: item.name, arguments: JSON.stringify({ input: item.input }) };
    case "local_shell_call": {
      const { type: _type, working_directory, ...rest } = item.action;
      const args = { ...rest, ...(working_directory ? { workdir: working_directory } : {}) };
      return { callId: item.call_id, name: "shell", arguments: JSON.stringify(args) };
    }
    default:
      return undefined;
  }
}

/**
 * The Chat Completions stream for a scripted turn: a role chunk; per reasoning item `delta.reasoning`
 * chunks (raw content, else the summary); per message `delta.content` chunks, one per word; per
 * function / custom / local-shell call a `delta.tool_calls` fragment with `index`, `id` and name,
 * then its arguments in three fragments carrying only `index` (custom calls become `{"input": ...}`,
 * local shell calls a `shell` call); web searches are left out. Then a chunk with `finish_reason`
 * (`tool_calls` when there were calls, else `stop`), a usage chunk with empty `choices`, and `[DONE]`.
 * A failed turn ends with an `{"error": ...}` chunk instead and no `[DONE]`.
 */
export function chatCompletionChunks(scripted: Turn, id: string, createdAt: number): ChatChunk[] {
  const model = scripted.model ?? "mock-model";
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null): ChatChunk => ({
    id,
    object: "chat.completion.chunk",
    created: createdAt,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
  const chunks: ChatChunk[] = [chunk({ role: "assistant", content: "" })];
  let toolIndex = 0;
  for (const item of scripted.items) {
    if (item.type === "message") {
      for (const part of item.content) for (const text of deltaChunks(part.text)) chunks.push(chunk({ content: text }));
      continue;
    }
    if (item.type === "reasoning") {
      const text = (item.content ?? item.summary).map((part) => part.text).join("\n");
      for (const piece of deltaChunks(text)) chunks.push(chunk({ reasoning: piece }));
      continue;
    }
    const call = asChatToolCall(item);
    if (!call) continue;
    const index = toolIndex++;
    chunks.push(
      chunk({
        tool_calls: [{ index, id: call.callId, type: "function", function: { name: call.name, arguments: "" } }],
      }),
    );
    for (const piece of splitInParts(call.arguments, 3)) {
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  }
  if (scripted.failed) {
    chunks.push({ error: { message: scripted.failed.message, type: "server_error", code: scripted.failed.code } });
    return chunks;
  }
  chunks.push(chunk({}, toolIndex > 0 ? "tool_calls" : "stop"));
  chunks.push({ id, object: "chat.completion.chunk", created: createdAt, model, choices: [], usage: chatUsageOf(scripted) });
  chunks.push("[DONE]");
  return chunks;
}

/** `data: <json>\n\n` (chat streams carry no `event:` line). */
export function encodeChatSseChunk(chunk: ChatChunk): string {
  return `data: ${chunk === "[DONE]" ? chunk : JSON.stringify(chunk)}\n\n`;
}
