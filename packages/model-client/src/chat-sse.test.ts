import { describe, expect, it } from "vitest";
import { readChatCompletionEvents } from "./chat-sse.js";
import { ContextWindowExceededError, QuotaExceededError, StreamDisconnectedError } from "./errors.js";
import type { ResponseEvent } from "./events.js";

function body(frames: unknown[]): AsyncIterable<string> {
  const text = frames.map((f) => `data: ${typeof f === "string" ? f : JSON.stringify(f)}\n\n`).join("");
  return (async function* () {
    // Split mid-frame to exercise the parser's buffering.
    yield text.slice(0, 7);
    yield text.slice(7);
  })();
}

const delta = (d: Record<string, unknown>, finish: string | null = null) => ({
  id: "cc_1",
  choices: [{ index: 0, delta: d, finish_reason: finish }],
});

async function collect(frames: unknown[]): Promise<ResponseEvent[]> {
  const events: ResponseEvent[] = [];
  for await (const event of readChatCompletionEvents(body(frames), 1000)) events.push(event);
  return events;
}

describe("readChatCompletionEvents", () => {
  it("accumulates interleaved tool call fragments by index", async () => {
    const events = await collect([
      delta({ tool_calls: [{ index: 0, id: "a", type: "function", function: { name: "f", arguments: "" } }] }),
      delta({ tool_calls: [{ index: 1, id: "b", type: "function", function: { name: "g", arguments: '{"y"' } }] }),
      delta({ tool_calls: [{ index: 0, function: { arguments: '{"x":' } }] }),
      delta({ tool_calls: [{ index: 1, function: { arguments: ":2}" } }] }),
      delta({ tool_calls: [{ index: 0, function: { arguments: "1}" } }] }),
      delta({}, "tool_calls"),
      "[DONE]",
    ]);
    const done = events.flatMap((e) => (e.type === "output_item_done" ? [e.item] : []));
    expect(done).toEqual([
      { type: "function_call", name: "f", arguments: '{"x":1}', call_id: "a" },
      { type: "function_call", name: "g", arguments: '{"y":2}', call_id: "b" },
    ]);
    expect(events.at(-1)).toEqual({ type: "completed", responseId: "cc_1", tokenUsage: undefined });
  });

  it("accepts content parts and completes at end of body after a finish reason", async () => {
    const events = await collect([delta({ content: [{ type: "text", text: "hi" }] }), delta({}, "stop")]);
    expect(events.map((e) => e.type)).toEqual([
      "created",
      "output_item_added",
      "output_text_delta",
      "output_item_done",
      "completed",
    ]);
  });

  it("reads reasoning_content as raw reasoning", async () => {
    const events = await collect([delta({ reasoning_content: "hmm" }), delta({ content: "ok" }, "stop"), "[DONE]"]);
    expect(events.find((e) => e.type === "reasoning_content_delta")).toEqual({
      type: "reasoning_content_delta",
      delta: "hmm",
      contentIndex: 0,
    });
  });

  it("maps finish_reason length to a context window error", async () => {
    await expect(collect([delta({ content: "a" }), delta({}, "length")])).rejects.toBeInstanceOf(
      ContextWindowExceededError,
    );
  });

  it("classifies an error chunk", async () => {
    await expect(collect([{ error: { code: "insufficient_quota", message: "no" } }])).rejects.toBeInstanceOf(
      QuotaExceededError,
    );
  });

  it("treats a body that ends mid-answer as disconnected", async () => {
    const error = await collect([delta({ content: "partial" })]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamDisconnectedError);
    expect((error as Error).message).toBe(
      "stream disconnected before completion: stream closed before the chat completion finished",
    );
  });
});
