import type { FunctionCallResponseItem, ResponseItem, TokenUsage } from "@codex-ts/protocol";
import { ContextWindowExceededError, StreamDisconnectedError } from "./errors.js";
import type { ResponseEvent } from "./events.js";
import { errorFromFailedResponse, type WireError } from "./failure.js";
import { readSseMessages, type SseBody } from "./sse.js";

interface ChatUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
}

interface ToolCallFragment {
  index?: number;
  id?: string;
  function?: { name?: string; arguments?: string };
}

interface ChatDelta {
  content?: string | { text?: string }[] | null;
  reasoning?: unknown;
  reasoning_content?: unknown;
  tool_calls?: ToolCallFragment[] | null;
}

interface ChatChunk {
  id?: string;
  choices?: { delta?: ChatDelta; finish_reason?: string | null }[];
  usage?: ChatUsage | null;
  error?: WireError | string;
}

/** Converts the Chat Completions `usage` object to the protocol `TokenUsage`. */
export function tokenUsageFromChatUsage(usage: ChatUsage | null | undefined): TokenUsage | undefined {
  if (!usage) return undefined;
  const input = usage.prompt_tokens ?? 0;
  const output = usage.completion_tokens ?? 0;
  return {
    input_tokens: input,
    cached_input_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    output_tokens: output,
    reasoning_output_tokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
    total_tokens: usage.total_tokens ?? input + output,
  };
}

interface PendingCall {
  item: FunctionCallResponseItem;
  announced: boolean;
}

/** Accumulates one streamed chat completion into Responses-style items. */
class ChatTurnState {
  responseId: string | undefined;
  usage: TokenUsage | undefined;
  finished = false;
  private text: string | undefined;
  private reasoning: string | undefined;
  private readonly calls = new Map<number, PendingCall>();

  *content(text: string): Generator<ResponseEvent> {
    if (text === "") return;
    if (this.text === undefined) {
      this.text = "";
      yield { type: "output_item_added", item: { type: "message", role: "assistant", content: [] } };
    }
    this.text += text;
    yield { type: "output_text_delta", delta: text };
  }

  *reasoningText(text: string): Generator<ResponseEvent> {
    if (text === "") return;
    if (this.reasoning === undefined) {
      this.reasoning = "";
      yield { type: "output_item_added", item: { type: "reasoning", summary: [], content: [] } };
    }
    this.reasoning += text;
    yield { type: "reasoning_content_delta", delta: text, contentIndex: 0 };
  }

  /** Tool call fragments are keyed by `index`; only the first fragment of a call carries its id and name. */
  *toolCall(fragment: ToolCallFragment): Generator<ResponseEvent> {
    const index = fragment.index ?? this.indexForId(fragment.id) ?? this.calls.size;
    let pending = this.calls.get(index);
    if (!pending) {
      const callId = fragment.id ?? `call_${this.responseId ?? "chat"}_${index}`;
      pending = { item: { type: "function_call", name: "", arguments: "", call_id: callId }, announced: false };
      this.calls.set(index, pending);
    }
    if (fragment.id && pending.item.call_id !== fragment.id && !pending.announced) pending.item.call_id = fragment.id;
    if (fragment.function?.name) pending.item.name = fragment.function.name;
    if (fragment.function?.arguments) pending.item.arguments += fragment.function.arguments;
    if (!pending.announced && pending.item.name !== "") {
      pending.announced = true;
      yield { type: "output_item_added", item: { ...pending.item, arguments: "" } };
    }
  }

  /** Emits every open item as done, in order: reasoning, message, tool calls. */
  *finish(): Generator<ResponseEvent> {
    this.finished = true;
    if (this.reasoning !== undefined) {
      yield {
        type: "output_item_done",
        item: { type: "reasoning", summary: [], content: [{ type: "reasoning_text", text: this.reasoning }] },
      };
      this.reasoning = undefined;
    }
    if (this.text !== undefined) {
      const item: ResponseItem = {
        type: "message",
        role: "assistant",
        content: [{ type: "output_text", text: this.text }],
      };
      yield { type: "output_item_done", item };
      this.text = undefined;
    }
    const ordered = [...this.calls.entries()].sort(([a], [b]) => a - b);
    for (const [, pending] of ordered) {
      if (!pending.announced) yield { type: "output_item_added", item: { ...pending.item, arguments: "" } };
      yield { type: "output_item_done", item: pending.item };
    }
    this.calls.clear();
  }

  private indexForId(id: string | undefined): number | undefined {
    if (id === undefined) return undefined;
    for (const [index, pending] of this.calls) if (pending.item.call_id === id) return index;
    return undefined;
  }
}

/**
 * Reads a streamed Chat Completions answer (`data: {chunk}` frames, then `data: [DONE]`) as the same
 * `ResponseEvent` sequence the Responses API yields: `created`, `output_item_added`, text / reasoning
 * deltas, `output_item_done` for the assistant message, reasoning and each function call (arguments
 * joined across fragments), and `completed` with the usage of the final chunk. `finish_reason:
 * "length"` throws `ContextWindowExceededError`; an `error` chunk throws the classified error; a body
 * that ends before any `finish_reason` or `[DONE]` throws `StreamDisconnectedError`.
 */
export async function* readChatCompletionEvents(body: SseBody, idleTimeoutMs: number): AsyncGenerator<ResponseEvent> {
  const state = new ChatTurnState();
  const control = { completed: false };
  let created = false;
  for await (const message of readSseMessages(body, idleTimeoutMs, control)) {
    const data = message.data.trim();
    if (data === "") continue;
    if (data === "[DONE]") {
      control.completed = true;
      yield* state.finish();
      yield completed(state);
      return;
    }
    let chunk: ChatChunk;
    try {
      chunk = JSON.parse(data) as ChatChunk;
    } catch {
      continue;
    }
    if (chunk.error !== undefined) {
      throw errorFromFailedResponse(typeof chunk.error === "string" ? { message: chunk.error } : chunk.error);
    }
    if (state.responseId === undefined && chunk.id) state.responseId = chunk.id;
    if (!created) {
      created = true;
      yield { type: "created", responseId: state.responseId };
    }
    if (chunk.usage) state.usage = tokenUsageFromChatUsage(chunk.usage);
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta ?? {};
      const reasoning = reasoningText(delta.reasoning) ?? reasoningText(delta.reasoning_content);
      if (reasoning !== undefined) yield* state.reasoningText(reasoning);
      if (typeof delta.content === "string") {
        yield* state.content(delta.content);
      } else if (Array.isArray(delta.content)) {
        for (const part of delta.content) if (typeof part.text === "string") yield* state.content(part.text);
      }
      for (const fragment of delta.tool_calls ?? []) yield* state.toolCall(fragment);
      if (choice.finish_reason === "length") throw new ContextWindowExceededError();
      if (choice.finish_reason) yield* state.finish();
    }
  }
  // No `[DONE]`: a stream that reported its finish reason is still a whole answer.
  if (!state.finished) throw new StreamDisconnectedError("stream closed before the chat completion finished");
  yield completed(state);
}

function completed(state: ChatTurnState): ResponseEvent {
  return { type: "completed", responseId: state.responseId ?? "", tokenUsage: state.usage };
}

/** Reasoning deltas come as a string, or as `{ text }` / `{ content }` depending on the server. */
function reasoningText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) {
    const record = value as { text?: unknown; content?: unknown };
    if (typeof record.text === "string") return record.text;
    if (typeof record.content === "string") return record.content;
  }
  return undefined;
}
