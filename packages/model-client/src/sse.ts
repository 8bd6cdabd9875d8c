import type { ResponseItem } from "@codex-ts/protocol";
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { StreamDisconnectedError, describeCause } from "./errors.js";
import { type ResponseEvent, tokenUsageFromWire } from "./events.js";
import { errorFromFailedResponse, type WireError } from "./failure.js";

/** A readable body: an HTTP response stream or any async iterable of byte chunks. */
export interface SseBody extends AsyncIterable<Uint8Array | string> {
  destroy?(error?: Error): unknown;
}

/**
 * Reads Responses API SSE frames from `body` as typed events. Ends after `response.completed`;
 * throws the classified error on `response.failed`, and `StreamDisconnectedError` when the body ends
 * early, errors, or stays silent for `idleTimeoutMs`.
 */
export async function* readResponseEvents(body: SseBody, idleTimeoutMs: number): AsyncGenerator<ResponseEvent> {
  const control = { completed: false };
  for await (const message of readSseMessages(body, idleTimeoutMs, control)) {
    const event = toResponseEvent(message);
    if (event === undefined) continue;
    if (event.type === "completed") control.completed = true;
    yield event;
    if (event.type === "completed") return;
  }
  throw new StreamDisconnectedError("stream closed before response.completed");
}

/**
 * Reads raw SSE messages from `body` until it ends. Throws `StreamDisconnectedError` when the body
 * errors or stays silent for `idleTimeoutMs`. A consumer that stops early destroys the body, unless it
 * first set `control.completed` (the answer is whole and the rest of the body does not matter).
 */
export async function* readSseMessages(
  body: SseBody,
  idleTimeoutMs: number,
  control: { completed: boolean } = { completed: false },
): AsyncGenerator<EventSourceMessage> {
  const queue: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (message) => queue.push(message) });
  const decoder = new TextDecoder();
  const iterator = body[Symbol.asyncIterator]();
  let ended = false;
  try {
    for (;;) {
      const chunk = await nextWithTimeout(iterator, idleTimeoutMs);
      if (chunk.done) {
        parser.feed(decoder.decode());
      } else {
        parser.feed(typeof chunk.value === "string" ? chunk.value : decoder.decode(chunk.value, { stream: true }));
      }
      while (queue.length > 0) yield queue.shift()!;
      if (chunk.done) {
        ended = true;
        return;
      }
    }
  } finally {
    if (!ended && !control.completed) body.destroy?.();
  }
}

async function nextWithTimeout<T>(iterator: AsyncIterator<T>, timeoutMs: number): Promise<IteratorResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StreamDisconnectedError("idle timeout waiting for SSE")),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([iterator.next(), timeout]);
  } catch (error) {
    if (error instanceof StreamDisconnectedError) throw error;
    throw new StreamDisconnectedError(describeCause(error), undefined, error);
  } finally {
    clearTimeout(timer);
  }
}

interface WireEvent {
  type?: string;
  item?: ResponseItem;
  delta?: string;
  summary_index?: number;
  content_index?: number;
  response?: { id?: string; usage?: Parameters<typeof tokenUsageFromWire>[0]; error?: WireError | null };
}

function toResponseEvent(message: EventSourceMessage): ResponseEvent | undefined {
  let data: WireEvent;
  try {
    data = JSON.parse(message.data) as WireEvent;
  } catch {
    return undefined;
  }
  switch (data.type ?? message.event) {
    case "response.created":
      return { type: "created", responseId: data.response?.id };
    case "response.output_item.added":
      return data.item ? { type: "output_item_added", item: data.item } : undefined;
    case "response.output_item.done":
      return data.item ? { type: "output_item_done", item: data.item } : undefined;
    case "response.output_text.delta":
      return { type: "output_text_delta", delta: data.delta ?? "" };
    case "response.reasoning_summary_text.delta":
      return { type: "reasoning_summary_delta", delta: data.delta ?? "", summaryIndex: data.summary_index ?? 0 };
    case "response.reasoning_summary_part.added":
      return { type: "reasoning_summary_part_added", summaryIndex: data.summary_index ?? 0 };
    case "response.reasoning_text.delta":
      return { type: "reasoning_content_delta", delta: data.delta ?? "", contentIndex: data.content_index ?? 0 };
    case "response.completed":
      return {
        type: "completed",
        responseId: data.response?.id ?? "",
        tokenUsage: tokenUsageFromWire(data.response?.usage),
      };
    case "response.failed":
      throw errorFromFailedResponse(data.response?.error);
    default:
      return undefined;
  }
}
