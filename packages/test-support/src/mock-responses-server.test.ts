import { afterEach, describe, expect, it } from "vitest";
import { type MockResponsesServer, startMockResponsesServer } from "./mock-responses-server.js";
import { customToolCall, functionCall, localShellCall, message, reasoning, webSearchCall } from "./output-items.js";
import { turn } from "./scripted-turn.js";
import { postResponses, readSse } from "./sse-reader.test-util.js";

let server: MockResponsesServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("startMockResponsesServer", () => {
  it("listens on loopback with a /v1 base url", async () => {
    server = await startMockResponsesServer();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it("streams every event type of a scripted turn as SSE", async () => {
    server = await startMockResponsesServer();
    server.enqueue(
      turn(
        [
          reasoning("Plan it"),
          message("Hi there"),
          functionCall("shell", { command: ["ls"] }, "call_1"),
          customToolCall("apply_patch", "*** Begin Patch\n*** End Patch\n", "call_2"),
          localShellCall(["pwd"], { callId: "call_3" }),
          webSearchCall("docs"),
        ],
        { id: "resp_fixed", usage: { inputTokens: 20, cachedInputTokens: 4, outputTokens: 6, reasoningOutputTokens: 2 } },
      ),
    );
    const response = await postResponses(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const { events, error } = await readSse(response);
    expect(error).toBeUndefined();
    for (const event of events) expect(event.event).toBe(event.data["type"]);
    const types = new Set(events.map((e) => e.event));
    for (const type of [
      "response.created",
      "response.output_item.added",
      "response.reasoning_summary_part.added",
      "response.reasoning_summary_text.delta",
      "response.output_text.delta",
      "response.function_call_arguments.delta",
      "response.custom_tool_call_input.delta",
      "response.output_item.done",
      "response.completed",
    ]) {
      expect(types.has(type), type).toBe(true);
    }
    expect(events[0]?.data["response"]).toMatchObject({ id: "resp_fixed" });
    const text = events.filter((e) => e.event === "response.output_text.delta").map((e) => e.data["delta"]);
    expect(text.join("")).toBe("Hi there");
    const done = events.filter((e) => e.event === "response.output_item.done").map((e) => e.data["item"]);
    expect(done.map((item) => (item as { type: string }).type)).toEqual([
      "reasoning",
      "message",
      "function_call",
      "custom_tool_call",
      "local_shell_call",
      "web_search_call",
    ]);
    expect(events.at(-1)).toMatchObject({
      event: "response.completed",
      data: {
        response: {
          id: "resp_fixed",
          usage: {
            input_tokens: 20,
            input_tokens_details: { cached_tokens: 4 },
            output_tokens: 6,
            output_tokens_details: { reasoning_tokens: 2 },
            total_tokens: 26,
          },
        },
      },
    });
  });

  it("captures method, path, headers and the parsed JSON body", async () => {
    server = await startMockResponsesServer({ script: [turn([message("ok")])] });
    const body = { model: "m", stream: true, input: [{ type: "message", role: "user", content: [] }] };
    const response = await postResponses(server.url, {
      body,
      headers: { authorization: "Bearer sk-test", originator: "codex_cli_rs", session_id: "s-1", "user-agent": "ua/1" },
    });
    await readSse(response);
    expect(server.requests).toHaveLength(1);
    const [captured] = server.responsesRequests;
    expect(captured).toMatchObject({ index: 0, method: "POST", path: "/v1/responses", body });
    expect(captured?.headers).toMatchObject({
      authorization: "Bearer sk-test",
      originator: "codex_cli_rs",
      session_id: "s-1",
      "user-agent": "ua/1",
    });
    expect(server.pending).toBe(0);
  });

  it("sends per-turn rate-limit and extra headers", async () => {
    server = await startMockResponsesServer();
    server.enqueue(
      turn([message("ok")], {
        rateLimits: { primary: { usedPercent: 42, windowMinutes: 300, resetAt: 1700000000 }, secondary: { usedPercent: 5 } },
        headers: { "x-models-etag": "abc" },
      }),
    );
    const response = await postResponses(server.url);
    await readSse(response);
    expect(response.headers.get("x-codex-primary-used-percent")).toBe("42");
    expect(response.headers.get("x-codex-primary-window-minutes")).toBe("300");
    expect(response.headers.get("x-codex-primary-reset-at")).toBe("1700000000");
    expect(response.headers.get("x-codex-secondary-used-percent")).toBe("5");
    expect(response.headers.get("x-models-etag")).toBe("abc");
  });

  it("answers a clear 500 when no turn was scripted", async () => {
    server = await startMockResponsesServer();
    const response = await postResponses(server.url);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe("no_turn_scripted");
    expect(body.error.message).toContain("no turn was scripted");
  });

  it("serves concurrent requests in order of arrival", async () => {
    server = await startMockResponsesServer();
    server.enqueue(turn([message("first")]), turn([message("second")]), turn([message("third")]));
    const texts = await Promise.all(
      [0, 1, 2].map(async (n) => {
        const response = await postResponses(server!.url, { body: { n } });
        const { events } = await readSse(response);
        return events.filter((e) => e.event === "response.output_text.delta").map((e) => e.data["delta"]).join("");
      }),
    );
    const byArrival = server.requests.map((r) => (r.body as { n: number }).n);
    expect(byArrival.map((n) => texts[n])).toEqual(["first", "second", "third"]);
  });

  it("serves GET /v1/models from a configurable list", async () => {
    server = await startMockResponsesServer({ models: ["a", "b"] });
    const list = (await (await fetch(`${server.url}/models`)).json()) as { object: string; data: { id: string }[] };
    expect(list.object).toBe("list");
    expect(list.data.map((m) => m.id)).toEqual(["a", "b"]);
    server.setModels({ body: { models: [{ slug: "x" }] } });
    expect(await (await fetch(`${server.url}/models?client_version=1.0.0`)).json()).toEqual({ models: [{ slug: "x" }] });
    expect(server.requests.at(-1)?.query.get("client_version")).toBe("1.0.0");
  });

  it("answers 404 for unknown routes without consuming the script", async () => {
    server = await startMockResponsesServer({ script: [turn([message("kept")])] });
    const response = await fetch(`${server.url}/nope`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
    expect(server.pending).toBe(1);
  });
});
