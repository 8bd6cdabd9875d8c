import { describe, expect, it } from "vitest";
import { customToolCall, functionCall, localShellCall, message, reasoning, webSearchCall } from "./output-items.js";
import { deltaChunks, encodeSseEvent, failedTurn, rateLimitHeaderValues, turn, turnEvents, usageOf } from "./scripted-turn.js";

describe("turnEvents", () => {
  it("frames a message turn as created, added, deltas, done, completed", () => {
    const events = turnEvents(turn([message("Hello there world")]), "resp_1", 1);
    expect(events.map((e) => e.type)).toEqual([
      "response.created",
      "response.output_item.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(events.map((e) => e["sequence_number"])).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const done = events[5]?.["item"] as { id: string; content: { text: string }[] };
    expect(done.id).toBe("msg_resp_1_0");
    expect(done.content[0]?.text).toBe("Hello there world");
    expect(events.slice(2, 5).every((e) => e["item_id"] === done.id)).toBe(true);
  });

  it("streams reasoning summaries part by part and raw reasoning text", () => {
    const events = turnEvents(turn([reasoning(["First part", "Second"], { content: "raw" })]), "r", 1);
    expect(events.filter((e) => e.type === "response.reasoning_summary_part.added").map((e) => e["summary_index"])).toEqual([0, 1]);
    const summary = events.filter((e) => e.type === "response.reasoning_summary_text.delta");
    expect(summary.map((e) => `${e["summary_index"]}:${e["delta"]}`)).toEqual(["0:First ", "0:part", "1:Second"]);
    expect(events.filter((e) => e.type === "response.reasoning_text.delta").map((e) => e["delta"])).toEqual(["raw"]);
  });

  it("builds tool-call items with call ids and streams their input", () => {
    const events = turnEvents(
      turn([
        functionCall("shell", { command: ["ls"] }, "call_a"),
        customToolCall("apply_patch", "*** Begin Patch\n*** End Patch\n", "call_b"),
        localShellCall(["echo", "hi"], { callId: "call_c", timeout_ms: 1000 }),
        webSearchCall("weather"),
      ]),
      "r",
      1,
    );
    const done = events.filter((e) => e.type === "response.output_item.done").map((e) => e["item"]);
    expect(done).toMatchObject([
      { type: "function_call", name: "shell", arguments: '{"command":["ls"]}', call_id: "call_a" },
      { type: "custom_tool_call", name: "apply_patch", call_id: "call_b" },
      { type: "local_shell_call", call_id: "call_c", action: { type: "exec", command: ["echo", "hi"], timeout_ms: 1000 } },
      { type: "web_search_call", status: "completed", action: { type: "search", query: "weather" } },
    ]);
    const args = events.filter((e) => e.type === "response.function_call_arguments.delta");
    expect(args.map((e) => e["delta"])).toEqual(['{"command":["ls"]}']);
    const input = events.filter((e) => e.type === "response.custom_tool_call_input.delta").map((e) => e["delta"]);
    expect(input.join("")).toBe("*** Begin Patch\n*** End Patch\n");
    expect(functionCall("f", "{}").call_id).not.toBe(functionCall("f", "{}").call_id);
  });

  it("ends a failed turn with response.failed and its error", () => {
    const events = turnEvents(failedTurn("context_length_exceeded", "too long"), "r", 1);
    expect(events.map((e) => e.type)).toEqual(["response.created", "response.failed"]);
    expect(events[1]?.["response"]).toMatchObject({ id: "r", error: { code: "context_length_exceeded", message: "too long" } });
  });

  it("fills usage defaults and derives the total", () => {
    expect(usageOf({ inputTokens: 7, cachedInputTokens: 2, outputTokens: 3, reasoningOutputTokens: 1 })).toEqual({
      input_tokens: 7,
      input_tokens_details: { cached_tokens: 2 },
      output_tokens: 3,
      output_tokens_details: { reasoning_tokens: 1 },
      total_tokens: 10,
    });
  });

  it("keeps every character when chunking deltas", () => {
    for (const text of ["", "  lead", "a\n\nb  c ", "one"]) expect(deltaChunks(text).join("")).toBe(text);
  });

  it("encodes one SSE frame per event", () => {
    expect(encodeSseEvent({ type: "response.created", a: 1 })).toBe(
      'event: response.created\ndata: {"type":"response.created","a":1}\n\n',
    );
  });

  it("names rate-limit headers as upstream parses them", () => {
    expect(
      rateLimitHeaderValues({
        primary: { usedPercent: 12.5, windowMinutes: 300, resetAt: 1700000000 },
        secondary: { usedPercent: 40 },
        credits: { hasCredits: true, unlimited: false, balance: "9.5" },
      }),
    ).toEqual({
      "x-codex-primary-used-percent": "12.5",
      "x-codex-primary-window-minutes": "300",
      "x-codex-primary-reset-at": "1700000000",
      "x-codex-secondary-used-percent": "40",
      "x-codex-credits-has-credits": "true",
      "x-codex-credits-unlimited": "false",
      "x-codex-credits-balance": "9.5",
    });
  });
});
