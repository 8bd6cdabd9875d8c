import { afterEach, describe, expect, it } from "vitest";
import { chatCompletionChunks, encodeChatSseChunk, splitInParts } from "./chat-turn.js";
import { configForMock } from "./codex-home.js";
import { rateLimited, streamCut } from "./faults.js";
import { type MockResponsesServer, startMockResponsesServer } from "./mock-responses-server.js";
import { customToolCall, functionCall, localShellCall, message, reasoning, webSearchCall } from "./output-items.js";
import { failedTurn, turn } from "./scripted-turn.js";

type Chunk = {
  id?: string;
  choices?: {
    delta: {
      content?: string;
      reasoning?: string;
      tool_calls?: { index: number; id?: string; function: { name?: string; arguments?: string } }[];
    };
    finish_reason: string | null;
  }[];
  usage?: Record<string, unknown>;
  error?: { code: string; message: string };
};

/** Reads a chat SSE body: every `data:` payload, JSON-parsed except `[DONE]`. */
async function readChatSse(response: Response): Promise<{ chunks: (Chunk | "[DONE]")[]; error: unknown }> {
  let text = "";
  let error: unknown;
  try {
    text = await response.text();
  } catch (caught) {
    error = caught;
  }
  const chunks = text
    .split("\n\n")
    .filter((frame) => frame.startsWith("data: "))
    .map((frame) => frame.slice("data: ".length))
    .map((data) => (data === "[DONE]" ? "[DONE]" : (JSON.parse(data) as Chunk)));
  return { chunks, error };
}

function postChat(baseUrl: string, body: unknown = { model: "mock-model", stream: true, messages: [] }) {
  return fetch(`${baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sk-chat" },
    body: JSON.stringify(body),
  });
}

const deltas = (chunks: (Chunk | "[DONE]")[]) =>
  chunks.flatMap((c) => (c === "[DONE]" ? [] : (c.choices ?? []).map((choice) => choice.delta)));

let server: MockResponsesServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("chatCompletionChunks", () => {
  it("streams text per word, then stop, usage and [DONE]", () => {
    const chunks = chatCompletionChunks(
      turn([message("Hello there")], { usage: { inputTokens: 7, cachedInputTokens: 2, outputTokens: 3 } }),
      "chatcmpl_1",
      0,
    ) as (Chunk | "[DONE]")[];
    expect(deltas(chunks).flatMap((d) => (d.content ? [d.content] : []))).toEqual(["Hello ", "there"]);
    const [finish, usage, done] = chunks.slice(-3) as [Chunk, Chunk, "[DONE]"];
    expect(finish.choices?.[0]?.finish_reason).toBe("stop");
    expect(usage.choices).toEqual([]);
    expect(usage.usage).toEqual({
      prompt_tokens: 7,
      completion_tokens: 3,
      total_tokens: 10,
      prompt_tokens_details: { cached_tokens: 2 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    expect(done).toBe("[DONE]");
  });

  it("streams tool calls by index, arguments split over several fragments", () => {
    const chunks = chatCompletionChunks(
      turn([
        functionCall("shell", { command: ["ls", "-la"] }, "call_a"),
        customToolCall("apply_patch", "*** Begin Patch", "call_b"),
        localShellCall(["pwd"], { callId: "call_c", working_directory: "/w" }),
        webSearchCall("ignored"),
      ]),
      "chatcmpl_2",
      0,
    ) as (Chunk | "[DONE]")[];
    const fragments = deltas(chunks).flatMap((d) => d.tool_calls ?? []);
    const byIndex = new Map<number, { id?: string; name?: string; args: string }>();
    for (const f of fragments) {
      const entry = byIndex.get(f.index) ?? { args: "" };
      entry.id ??= f.id;
      entry.name ??= f.function.name;
      entry.args += f.function.arguments ?? "";
      byIndex.set(f.index, entry);
    }
    expect([...byIndex.values()]).toEqual([
      { id: "call_a", name: "shell", args: '{"command":["ls","-la"]}' },
      { id: "call_b", name: "apply_patch", args: '{"input":"*** Begin Patch"}' },
      { id: "call_c", name: "shell", args: '{"command":["pwd"],"workdir":"/w"}' },
    ]);
    expect(fragments.filter((f) => f.index === 0 && f.function.arguments).length).toBeGreaterThan(1);
    expect(fragments.filter((f) => f.index === 0 && f.id !== undefined)).toHaveLength(1);
    const finish = chunks.at(-3) as Chunk;
    expect(finish.choices?.[0]?.finish_reason).toBe("tool_calls");
  });

  it("streams reasoning and ends a failed turn with an error chunk", () => {
    const chunks = chatCompletionChunks(
      { ...failedTurn("rate_limit_exceeded", "try again in 1s"), items: [reasoning("think", { content: "raw" })] },
      "x",
      0,
    );
    expect(deltas(chunks as (Chunk | "[DONE]")[]).map((d) => d.reasoning).join("")).toBe("raw");
    expect(chunks.at(-1)).toEqual({
      error: { message: "try again in 1s", type: "server_error", code: "rate_limit_exceeded" },
    });
  });

  it("encodes frames without an event line", () => {
    expect(encodeChatSseChunk("[DONE]")).toBe("data: [DONE]\n\n");
    expect(encodeChatSseChunk({ a: 1 })).toBe('data: {"a":1}\n\n');
  });

  it("splits strings into at most n non-empty parts", () => {
    expect(splitInParts("abcdefg", 3)).toEqual(["abc", "def", "g"]);
    expect(splitInParts("a", 3)).toEqual(["a"]);
    expect(splitInParts("", 3)).toEqual([""]);
  });
});

describe("POST /v1/chat/completions", () => {
  it("streams the next scripted turn as chat SSE and captures the request", async () => {
    server = await startMockResponsesServer();
    server.enqueue(turn([message("Hi there")], { id: "chatcmpl_fixed" }));
    const body = { model: "m", stream: true, messages: [{ role: "user", content: "hi" }] };
    const response = await postChat(server.url, body);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const { chunks, error } = await readChatSse(response);
    expect(error).toBeUndefined();
    expect((chunks[0] as Chunk).id).toBe("chatcmpl_fixed");
    expect(deltas(chunks).map((d) => d.content ?? "").join("")).toBe("Hi there");
    expect(chunks.at(-1)).toBe("[DONE]");
    expect(server.chatRequests).toHaveLength(1);
    expect(server.chatRequests[0]).toMatchObject({ path: "/v1/chat/completions", body });
    expect(server.chatRequests[0]?.headers["authorization"]).toBe("Bearer sk-chat");
    expect(server.responsesRequests).toHaveLength(0);
    expect(server.pending).toBe(0);
  });

  it("shares one script queue with /v1/responses, faults included", async () => {
    server = await startMockResponsesServer();
    server.enqueue(rateLimited({ retryAfter: 1 }), turn([message("chat")]), turn([message("responses")]));
    const limited = await postChat(server.url);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    await limited.text();
    const chat = await readChatSse(await postChat(server.url));
    expect(deltas(chat.chunks).map((d) => d.content ?? "").join("")).toBe("chat");
    const responses = await fetch(`${server.url}/responses`, { method: "POST", body: "{}" });
    expect(await responses.text()).toContain('"delta":"responses"');
    expect(server.pending).toBe(0);
  });

  it("cuts a chat stream after n chunks", async () => {
    server = await startMockResponsesServer();
    server.enqueue(streamCut(turn([message("one two three")]), 2));
    const { chunks } = await readChatSse(await postChat(server.url));
    expect(chunks.length).toBeLessThanOrEqual(2);
    expect(chunks).not.toContain("[DONE]");
  });

  it("answers a clear 500 naming the chat path when nothing is scripted", async () => {
    server = await startMockResponsesServer();
    const response = await postChat(server.url);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe("no_turn_scripted");
    expect(body.error.message).toContain("POST /v1/chat/completions #1");
  });
});

describe("configForMock wireApi", () => {
  it("writes wire_api = chat when asked", () => {
    expect(configForMock("http://127.0.0.1:1/v1", { wireApi: "chat" })).toContain('wire_api = "chat"\n');
  });
});
