import type { ResponseItem } from "@codex-ts/protocol";
import { describe, expect, it } from "vitest";
import { buildChatRequestBody, chatMessagesFromInput, chatToolsFromResponsesTools } from "./chat-request.js";

const user = (text: string): ResponseItem => ({ type: "message", role: "user", content: [{ type: "input_text", text }] });
const assistant = (text: string): ResponseItem => ({
  type: "message",
  role: "assistant",
  content: [{ type: "output_text", text }],
});

describe("chatMessagesFromInput", () => {
  it("puts instructions first and maps developer to system", () => {
    const developer: ResponseItem = { type: "message", role: "developer", content: [{ type: "input_text", text: "rules" }] };
    expect(chatMessagesFromInput("base", [developer, user("a"), user("b")])).toEqual([
      { role: "system", content: "base" },
      { role: "system", content: "rules" },
      { role: "user", content: "a" },
      { role: "user", content: "b" },
    ]);
  });

  it("groups parallel calls into one assistant message followed by tool messages", () => {
    const messages = chatMessagesFromInput("", [
      user("go"),
      assistant("Looking."),
      { type: "function_call", name: "shell", arguments: '{"command":["ls"]}', call_id: "c1" },
      { type: "custom_tool_call", name: "apply_patch", input: "*** Begin Patch", call_id: "c2" },
      { type: "function_call_output", call_id: "c1", output: "a.txt" },
      { type: "custom_tool_call_output", call_id: "c2", output: [{ type: "input_text", text: "Done" }] },
      { type: "local_shell_call", call_id: "c3", status: "completed", action: { type: "exec", command: ["pwd"] } },
      { type: "function_call_output", call_id: "c3", output: "/w" },
    ]);
    expect(messages).toEqual([
      { role: "user", content: "go" },
      {
        role: "assistant",
        content: "Looking.",
        tool_calls: [
          { id: "c1", type: "function", function: { name: "shell", arguments: '{"command":["ls"]}' } },
          { id: "c2", type: "function", function: { name: "apply_patch", arguments: '{"input":"*** Begin Patch"}' } },
        ],
      },
      { role: "tool", tool_call_id: "c1", content: "a.txt" },
      { role: "tool", tool_call_id: "c2", content: [{ type: "text", text: "Done" }] },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "c3", type: "function", function: { name: "shell", arguments: '{"command":["pwd"]}' } }],
      },
      { role: "tool", tool_call_id: "c3", content: "/w" },
    ]);
  });

  it("sends images as content parts and skips items without a chat form", () => {
    const withImage: ResponseItem = {
      type: "message",
      role: "user",
      content: [
        { type: "input_text", text: "see" },
        { type: "input_image", image_url: "data:image/png;base64,AA" },
      ],
    };
    const messages = chatMessagesFromInput("", [
      withImage,
      { type: "web_search_call", status: "completed", action: { type: "search", query: "x" } },
      { type: "compaction", encrypted_content: "zzz" },
    ]);
    expect(messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "see" },
          { type: "image_url", image_url: { url: "data:image/png;base64,AA" } },
        ],
      },
    ]);
  });

  it("attaches raw reasoning after the last user message to the next assistant message only", () => {
    const reasoning = (text: string): ResponseItem => ({
      type: "reasoning",
      summary: [],
      content: [{ type: "reasoning_text", text }],
    });
    const messages = chatMessagesFromInput("", [
      user("one"),
      reasoning("old"),
      assistant("first"),
      user("two"),
      reasoning("new"),
      { type: "function_call", name: "f", arguments: "{}", call_id: "c" },
    ]);
    expect(messages[1]).toEqual({ role: "assistant", content: "first" });
    expect(messages[3]).toMatchObject({ role: "assistant", reasoning: "new" });
  });
});

describe("chatToolsFromResponsesTools", () => {
  it("wraps function tools and drops the rest", () => {
    expect(
      chatToolsFromResponsesTools([
        { type: "function", name: "f", description: "d", parameters: { type: "object" } },
        { type: "custom", name: "apply_patch" },
        { type: "local_shell" },
        null,
      ]),
    ).toEqual([{ type: "function", function: { name: "f", description: "d", parameters: { type: "object" } } }]);
  });
});

describe("buildChatRequestBody", () => {
  it("omits tools when none convert and maps a json_schema text format", () => {
    const body = buildChatRequestBody({
      model: "m",
      instructions: "i",
      input: [],
      tools: [{ type: "web_search" }],
      parallelToolCalls: false,
      text: { format: { type: "json_schema", name: "out", strict: true, schema: { type: "object" } } },
    });
    expect(body).toEqual({
      model: "m",
      messages: [{ role: "system", content: "i" }],
      stream: true,
      stream_options: { include_usage: true },
      response_format: { type: "json_schema", json_schema: { name: "out", strict: true, schema: { type: "object" } } },
    });
  });
});
