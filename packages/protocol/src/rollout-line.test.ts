import { describe, expect, it } from "vitest";
import { responseItemSchema } from "./response-item.js";
import { InvalidRolloutLineError, parseRolloutLine } from "./rollout-line.js";
import { addTokenUsage, emptyTokenUsage } from "./token-usage.js";

const ts = "2026-01-02T03:04:05.678Z";

describe("ResponseItem", () => {
  it("validates the upstream item shapes", () => {
    const items = [
      { type: "message", role: "user", content: [{ type: "input_text", text: "hi" }] },
      {
        type: "message",
        id: "m1",
        role: "assistant",
        content: [{ type: "output_text", text: "ok", annotations: [] }],
      },
      { type: "message", role: "user", content: [{ type: "input_image", image_url: "data:image/png;base64,AA" }] },
      { type: "reasoning", id: "r", summary: [{ type: "summary_text", text: "s" }], content: null, encrypted_content: "e" },
      { type: "function_call", name: "shell", arguments: '{"cmd":"ls"}', call_id: "c1" },
      { type: "function_call_output", call_id: "c1", output: "done" },
      { type: "function_call_output", call_id: "c1", output: [{ type: "input_text", text: "done" }] },
      { type: "custom_tool_call", call_id: "c2", name: "apply_patch", input: "*** Begin Patch" },
      { type: "custom_tool_call_output", call_id: "c2", output: "ok" },
      { type: "local_shell_call", call_id: "c3", status: "completed", action: { type: "exec", command: ["ls"] } },
      { type: "web_search_call", status: "completed", action: { type: "search", query: "q" } },
      { type: "compaction", encrypted_content: "x" },
    ];
    for (const item of items) expect(responseItemSchema.safeParse(item).success, item.type).toBe(true);
    expect(responseItemSchema.safeParse({ type: "function_call", name: "x" }).success).toBe(false);
    expect(responseItemSchema.safeParse({ type: "brand_new_item" }).success).toBe(false);
  });
});

describe("parseRolloutLine", () => {
  it("types known lines and returns the very object it was given", () => {
    const value = {
      timestamp: ts,
      type: "event_msg",
      payload: { type: "agent_message", message: "hi", extra: 1 },
    };
    const parsed = parseRolloutLine(value);
    expect(parsed.known).toBe(true);
    expect(parsed.line).toBe(value);
    if (parsed.known && parsed.line.type === "event_msg" && parsed.line.payload.type === "agent_message") {
      expect(parsed.line.payload.message).toBe("hi");
    }
  });

  it("keeps unknown line types and unknown payload variants verbatim with a reason", () => {
    const future = { timestamp: ts, type: "hologram", payload: { a: 1 } };
    const parsedFuture = parseRolloutLine(future);
    expect(parsedFuture.known).toBe(false);
    expect(parsedFuture.line).toBe(future);
    const newItem = { timestamp: ts, type: "response_item", payload: { type: "teleport", to: "mars" } };
    const parsedItem = parseRolloutLine(newItem);
    expect(parsedItem.known).toBe(false);
    if (!parsedItem.known) expect(parsedItem.reason).toMatch(/payload/);
    expect(JSON.stringify(parsedItem.line)).toBe(JSON.stringify(newItem));
  });

  it("rejects values that are not rollout lines", () => {
    expect(() => parseRolloutLine({ type: "event_msg" })).toThrow(InvalidRolloutLineError);
    expect(() => parseRolloutLine("text")).toThrow(/not a rollout line/);
  });
});

describe("TokenUsage", () => {
  it("adds field by field", () => {
    const a = { ...emptyTokenUsage(), input_tokens: 3, total_tokens: 3 };
    const b = { ...emptyTokenUsage(), output_tokens: 2, total_tokens: 2, cache_write_input_tokens: 1 };
    expect(addTokenUsage(a, b)).toEqual({
      input_tokens: 3,
      cached_input_tokens: 0,
      output_tokens: 2,
      reasoning_output_tokens: 0,
      total_tokens: 5,
      cache_write_input_tokens: 1,
    });
  });
});
