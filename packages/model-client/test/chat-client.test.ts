import {
  failedTurn,
  functionCall,
  message,
  rateLimited,
  reasoning,
  startMockResponsesServer,
  streamCut,
  turn,
} from "@codex-ts/test-support";
import type { ResponseItem } from "@codex-ts/protocol";
import { afterEach, describe, expect, it } from "vitest";
import {
  ModelClient,
  type ModelClientOptions,
  type ResponseEvent,
  RetryLimitError,
  providerFromInfo,
} from "../src/index.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(info: { request_max_retries?: number } = {}, options: Partial<ModelClientOptions> = {}) {
  const server = await startMockResponsesServer();
  cleanups.push(() => server.close());
  const provider = providerFromInfo("local", {
    name: "local",
    base_url: server.url,
    env_key: "LOCAL_KEY",
    wire_api: "chat",
    ...info,
  });
  const delays: number[] = [];
  const logs: Record<string, unknown>[] = [];
  const client = new ModelClient({
    provider,
    env: { LOCAL_KEY: "sk-local" },
    sessionId: "thr_chat",
    sleep: async (ms) => {
      delays.push(ms);
    },
    logger: { debug: (fields) => logs.push(fields) },
    ...options,
  });
  return { server, client, delays, logs };
}

const userSays = (text: string): ResponseItem => ({
  type: "message",
  role: "user",
  content: [{ type: "input_text", text }],
});

const prompt = { model: "local-model", instructions: "be brief", input: [userSays("hi")] };

async function collect(stream: AsyncIterable<ResponseEvent>): Promise<ResponseEvent[]> {
  const events: ResponseEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

const doneItems = (events: ResponseEvent[]) =>
  events.flatMap((e) => (e.type === "output_item_done" ? [e.item] : []));

describe("ModelClient with wire_api = chat", () => {
  it("streams text as the Responses events: created, added, deltas, done, completed", async () => {
    const { server, client, logs } = await setup();
    server.enqueue(turn([message("Hello there friend")], { id: "chatcmpl_7" }));
    const events = await collect(client.stream(prompt));
    expect(events.map((e) => e.type)).toEqual([
      "created",
      "output_item_added",
      "output_text_delta",
      "output_text_delta",
      "output_text_delta",
      "output_item_done",
      "completed",
    ]);
    expect(events[0]).toEqual({ type: "created", responseId: "chatcmpl_7" });
    expect(events[1]).toMatchObject({ item: { type: "message", role: "assistant" } });
    expect(doneItems(events)).toEqual([
      { type: "message", role: "assistant", content: [{ type: "output_text", text: "Hello there friend" }] },
    ]);
    expect(events.at(-1)).toMatchObject({ type: "completed", responseId: "chatcmpl_7" });
    expect(logs[0]).toMatchObject({ method: "POST", url: `${server.url}/chat/completions`, status: 200 });
    expect(server.responsesRequests).toHaveLength(0);
  });

  it("sends a chat request body with the system prompt, converted tools and the same headers", async () => {
    const { server, client } = await setup();
    server.enqueue(turn([message("ok")]));
    const tools = [
      { type: "function", name: "shell", description: "run", strict: false, parameters: { type: "object" } },
      { type: "custom", name: "apply_patch", description: "patch", format: { type: "grammar" } },
      { type: "web_search" },
    ];
    await collect(client.stream({ ...prompt, tools, parallelToolCalls: true }));
    const req = server.chatRequests[0]!;
    expect(req.body).toEqual({
      model: "local-model",
      messages: [
        { role: "system", content: "be brief" },
        { role: "user", content: "hi" },
      ],
      stream: true,
      stream_options: { include_usage: true },
      tools: [
        {
          type: "function",
          function: { name: "shell", description: "run", strict: false, parameters: { type: "object" } },
        },
      ],
      tool_choice: "auto",
      parallel_tool_calls: true,
    });
    expect(req.headers["authorization"]).toBe("Bearer sk-local");
    expect(req.headers["accept"]).toBe("text/event-stream");
    expect(req.headers["originator"]).toBe("codex_cli_rs");
    expect(req.headers["session-id"]).toBe("thr_chat");
  });

  it("joins two parallel tool calls whose arguments arrive in fragments", async () => {
    const { server, client } = await setup();
    server.enqueue(
      turn([
        functionCall("shell", { command: ["ls", "-la"], workdir: "/tmp" }, "call_a"),
        functionCall("read_file", { path: "README.md", offset: 10 }, "call_b"),
      ]),
    );
    const events = await collect(client.stream(prompt));
    const added = events.flatMap((e) => (e.type === "output_item_added" ? [e.item] : []));
    expect(added).toEqual([
      { type: "function_call", name: "shell", arguments: "", call_id: "call_a" },
      { type: "function_call", name: "read_file", arguments: "", call_id: "call_b" },
    ]);
    expect(doneItems(events)).toEqual([
      {
        type: "function_call",
        name: "shell",
        arguments: JSON.stringify({ command: ["ls", "-la"], workdir: "/tmp" }),
        call_id: "call_a",
      },
      {
        type: "function_call",
        name: "read_file",
        arguments: JSON.stringify({ path: "README.md", offset: 10 }),
        call_id: "call_b",
      },
    ]);
    expect(events.at(-1)?.type).toBe("completed");
  });

  it("reports token usage from the final usage chunk", async () => {
    const { server, client } = await setup();
    server.enqueue(
      turn([message("ok")], {
        usage: { inputTokens: 120, cachedInputTokens: 20, outputTokens: 8, reasoningOutputTokens: 3 },
      }),
    );
    const events = await collect(client.stream(prompt));
    expect(events.at(-1)).toMatchObject({
      type: "completed",
      tokenUsage: {
        input_tokens: 120,
        cached_input_tokens: 20,
        output_tokens: 8,
        reasoning_output_tokens: 3,
        total_tokens: 128,
      },
    });
  });

  it("streams raw reasoning as a reasoning item before the message", async () => {
    const { server, client } = await setup();
    server.enqueue(turn([reasoning("plan", { content: "think first" }), message("done")]));
    const events = await collect(client.stream(prompt));
    const thinking = events.flatMap((e) => (e.type === "reasoning_content_delta" ? [e.delta] : [])).join("");
    expect(thinking).toBe("think first");
    expect(doneItems(events).map((item) => item.type)).toEqual(["reasoning", "message"]);
  });

  it("retries a 429 honouring Retry-After, then succeeds", async () => {
    const { server, client, delays } = await setup();
    server.enqueue(rateLimited({ retryAfter: 2 }), turn([message("ok")]));
    const events = await collect(client.stream(prompt));
    expect(events.at(-1)?.type).toBe("completed");
    expect(delays).toEqual([2000]);
    expect(server.chatRequests).toHaveLength(2);
  });

  it("gives up after request_max_retries with the usual error", async () => {
    const { server, client } = await setup({ request_max_retries: 1 });
    server.enqueue(rateLimited(), rateLimited());
    await expect(collect(client.stream(prompt))).rejects.toBeInstanceOf(RetryLimitError);
    expect(server.chatRequests).toHaveLength(2);
  });

  it("reopens a chat stream cut before any output", async () => {
    const { server, client } = await setup();
    server.enqueue(streamCut(turn([message("lost")]), 1), turn([message("found")]));
    const events = await collect(client.stream(prompt));
    expect(events.find((e) => e.type === "stream_retry")).toMatchObject({ attempt: 1 });
    expect(doneItems(events)).toMatchObject([{ content: [{ text: "found" }] }]);
    expect(server.pending).toBe(0);
  });

  it("retries an error chunk that names a delay", async () => {
    const { server, client, delays } = await setup();
    server.enqueue(failedTurn("rate_limit_exceeded", "Please try again in 250ms"), turn([message("ok")]));
    const events = await collect(client.stream(prompt));
    expect(events.at(-1)?.type).toBe("completed");
    expect(delays).toEqual([250]);
  });
});
