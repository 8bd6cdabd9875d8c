import {
  failedTurn,
  functionCall,
  httpError,
  message,
  rateLimited,
  serverError,
  stall,
  startMockResponsesServer,
  streamCut,
  turn,
  unauthorized,
} from "@codex-ts/test-support";
import { afterEach, describe, expect, it } from "vitest";
import {
  ContextWindowExceededError,
  MissingEnvVarError,
  ModelClient,
  type ModelClientOptions,
  QuotaExceededError,
  type ResponseEvent,
  RetryLimitError,
  StreamDisconnectedError,
  UnauthorizedError,
  UsageNotIncludedError,
  providerFromInfo,
} from "../src/index.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(
  info: { request_max_retries?: number; stream_max_retries?: number; stream_idle_timeout_ms?: number; query_params?: Record<string, string> } = {},
  options: Partial<ModelClientOptions> = {},
) {
  const server = await startMockResponsesServer();
  cleanups.push(() => server.close());
  const provider = providerFromInfo("mock", {
    name: "mock",
    base_url: server.url,
    env_key: "MOCK_API_KEY",
    wire_api: "responses",
    ...info,
  });
  const delays: number[] = [];
  const logs: Record<string, unknown>[] = [];
  const client = new ModelClient({
    provider,
    env: { MOCK_API_KEY: "sk-test" },
    sleep: async (ms) => {
      delays.push(ms);
    },
    logger: { debug: (fields) => logs.push(fields) },
    ...options,
  });
  return { server, client, delays, logs };
}

const prompt = { model: "mock-model", instructions: "be brief", input: [] };

async function collect(stream: AsyncIterable<ResponseEvent>): Promise<ResponseEvent[]> {
  const events: ResponseEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

async function failure(stream: AsyncIterable<ResponseEvent>): Promise<unknown> {
  try {
    await collect(stream);
  } catch (error) {
    return error;
  }
  throw new Error("stream did not fail");
}

describe("ModelClient", () => {
  it("streams a plain answer with deltas and usage", async () => {
    const { server, client, logs } = await setup();
    server.enqueue(turn([message("Hello there")], { usage: { inputTokens: 7, cachedInputTokens: 2, outputTokens: 3 } }));
    const events = await collect(client.stream(prompt));
    expect(events[0]).toMatchObject({ type: "created" });
    const text = events.flatMap((e) => (e.type === "output_text_delta" ? [e.delta] : [])).join("");
    expect(text).toBe("Hello there");
    const done = events.find((e) => e.type === "output_item_done");
    expect(done).toMatchObject({ item: { type: "message", role: "assistant" } });
    const completed = events.at(-1);
    expect(completed).toMatchObject({
      type: "completed",
      tokenUsage: { input_tokens: 7, cached_input_tokens: 2, output_tokens: 3 },
    });
    expect(logs[0]).toMatchObject({ method: "POST", url: `${server.url}/responses`, status: 200 });
    expect(server.pending).toBe(0);
  });

  it("sends the request body and headers", async () => {
    const { server, client } = await setup(
      { query_params: { "api-version": "2025-04-01" } },
      { env: { MOCK_API_KEY: "sk-test", CODEX_INTERNAL_ORIGINATOR_OVERRIDE: "my_app" }, sessionId: "thr_1" },
    );
    server.enqueue(turn([message("ok")]));
    await collect(client.stream({ ...prompt, promptCacheKey: "thr_1", reasoning: { effort: "low" } }));
    const req = server.responsesRequests[0]!;
    expect(new URLSearchParams(req.query).get("api-version")).toBe("2025-04-01");
    expect(req.headers["authorization"]).toBe("Bearer sk-test");
    expect(req.headers["originator"]).toBe("my_app");
    expect(req.headers["user-agent"]).toMatch(/^my_app\//);
    expect(req.headers["accept"]).toBe("text/event-stream");
    expect(req.headers["session-id"]).toBe("thr_1");
    expect(req.headers["thread-id"]).toBe("thr_1");
    expect(req.body).toMatchObject({
      model: "mock-model",
      instructions: "be brief",
      tool_choice: "auto",
      store: false,
      stream: true,
      prompt_cache_key: "thr_1",
      include: ["reasoning.encrypted_content"],
    });
  });

  it("uses the default originator", async () => {
    const { server, client } = await setup();
    server.enqueue(turn([message("ok")]));
    await collect(client.stream(prompt));
    expect(server.responsesRequests[0]?.headers["originator"]).toBe("codex_cli_rs");
  });

  it("yields function call items", async () => {
    const { server, client } = await setup();
    server.enqueue(turn([functionCall("shell", { command: ["ls"] }, "call_9")]));
    const events = await collect(client.stream(prompt));
    const done = events.find((e) => e.type === "output_item_done");
    expect(done).toMatchObject({ item: { type: "function_call", name: "shell", call_id: "call_9" } });
  });

  it("reports rate-limit headers", async () => {
    const { server, client } = await setup();
    server.enqueue(
      turn([message("ok")], { rateLimits: { primary: { usedPercent: 42, windowMinutes: 300, resetAt: 1700000000 } } }),
    );
    const events = await collect(client.stream(prompt));
    const rl = events.find((e) => e.type === "rate_limits");
    expect(rl).toMatchObject({ snapshot: { primary: { usedPercent: 42, windowMinutes: 300, resetsAt: 1700000000 } } });
  });

  it("retries a 429 honouring Retry-After, then succeeds", async () => {
    const { server, client, delays } = await setup();
    server.enqueue(rateLimited({ retryAfter: 3 }), turn([message("ok")]));
    const events = await collect(client.stream(prompt));
    expect(events.at(-1)?.type).toBe("completed");
    expect(delays).toEqual([3000]);
    expect(server.responsesRequests).toHaveLength(2);
  });

  it("retries a 500 with backoff, then succeeds", async () => {
    const { server, client, delays } = await setup();
    server.enqueue(serverError(), turn([message("ok")]));
    await collect(client.stream(prompt));
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(180);
    expect(delays[0]).toBeLessThan(220);
  });

  it("gives up after request_max_retries", async () => {
    const { server, client } = await setup({ request_max_retries: 2 });
    server.enqueue(serverError(), serverError(), serverError());
    const error = await failure(client.stream(prompt));
    expect(error).toBeInstanceOf(RetryLimitError);
    expect((error as Error).message).toBe("exceeded retry limit, last status: 500 Internal Server Error");
    expect(server.responsesRequests).toHaveLength(3);
  });

  it("reconnects a stream cut before any output", async () => {
    const { server, client } = await setup();
    server.enqueue(streamCut(turn([message("lost")]), 1), turn([message("found")]));
    const events = await collect(client.stream(prompt));
    expect(events.find((e) => e.type === "stream_retry")).toMatchObject({ attempt: 1, maxRetries: 5 });
    expect(events.at(-1)?.type).toBe("completed");
    expect(server.pending).toBe(0);
  });

  it("fails with the upstream wording when a cut stream cannot be retried", async () => {
    const { server, client } = await setup({ stream_max_retries: 0 });
    server.enqueue(streamCut(turn([message("lost")]), 1));
    const error = await failure(client.stream(prompt));
    expect(error).toBeInstanceOf(StreamDisconnectedError);
    expect((error as Error).message).toMatch(/^stream disconnected before completion: /);
  });

  it("does not reconnect after output was delivered", async () => {
    const { server, client } = await setup();
    server.enqueue(streamCut(turn([message("one two three")]), 4));
    const error = await failure(client.stream(prompt));
    expect(error).toBeInstanceOf(StreamDisconnectedError);
    expect(server.responsesRequests).toHaveLength(1);
  });

  it("treats an idle stream as disconnected", async () => {
    const { server, client } = await setup({ stream_max_retries: 0, stream_idle_timeout_ms: 50 });
    const stalled = stall(turn([message("slow")]), 1);
    server.enqueue(stalled);
    const error = await failure(client.stream(prompt));
    expect((error as Error).message).toBe("stream disconnected before completion: idle timeout waiting for SSE");
    await stalled.disconnected;
  });

  it("maps 401 to UnauthorizedError without retrying", async () => {
    const { server, client } = await setup();
    server.enqueue(unauthorized());
    const error = await failure(client.stream(prompt));
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as UnauthorizedError).code).toBe("UNAUTHORIZED");
    expect(server.responsesRequests).toHaveLength(1);
  });

  it("maps a 400 context_length_exceeded body", async () => {
    const { server, client } = await setup();
    server.enqueue(httpError(400, { body: { error: { code: "context_length_exceeded", message: "too long" } } }));
    expect(await failure(client.stream(prompt))).toBeInstanceOf(ContextWindowExceededError);
  });

  it.each([
    ["context_length_exceeded", ContextWindowExceededError],
    ["insufficient_quota", QuotaExceededError],
    ["usage_not_included", UsageNotIncludedError],
  ] as const)("maps response.failed %s", async (code, type) => {
    const { server, client } = await setup();
    server.enqueue(failedTurn(code, "nope"));
    expect(await failure(client.stream(prompt))).toBeInstanceOf(type);
  });

  it("retries response.failed rate_limit_exceeded after the delay it names", async () => {
    const { server, client, delays } = await setup();
    server.enqueue(failedTurn("rate_limit_exceeded", "Please try again in 1.5s"), turn([message("ok")]));
    const events = await collect(client.stream(prompt));
    expect(events.at(-1)?.type).toBe("completed");
    expect(delays).toEqual([1500]);
  });

  it("names the missing API key variable", async () => {
    const { client } = await setup({}, { env: {} });
    const error = await failure(client.stream(prompt));
    expect(error).toBeInstanceOf(MissingEnvVarError);
    expect((error as Error).message).toBe("Missing environment variable: `MOCK_API_KEY`.");
  });
});
