import { afterEach, describe, expect, it } from "vitest";
import { httpError, rateLimited, serverError, stall, streamCut, unauthorized } from "./faults.js";
import { type MockResponsesServer, startMockResponsesServer } from "./mock-responses-server.js";
import { message } from "./output-items.js";
import { failedTurn, turn } from "./scripted-turn.js";
import { postResponses, readSse } from "./sse-reader.test-util.js";

let server: MockResponsesServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { message: string; type: string; code: string | null } }).error;
}

describe("faults", () => {
  it("429 carries Retry-After and an OpenAI rate_limit_exceeded body", async () => {
    server = await startMockResponsesServer({ script: [rateLimited({ retryAfter: 3 })] });
    const response = await postResponses(server.url);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(await errorOf(response)).toMatchObject({ type: "requests", code: "rate_limit_exceeded" });
  });

  it("500 has a server_error body and no Retry-After unless asked", async () => {
    server = await startMockResponsesServer({ script: [serverError(), httpError(503, { retryAfter: 1 })] });
    const first = await postResponses(server.url);
    expect(first.status).toBe(500);
    expect(first.headers.get("retry-after")).toBeNull();
    expect(await errorOf(first)).toMatchObject({ type: "server_error", code: null });
    const second = await postResponses(server.url);
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBe("1");
  });

  it("401 reports invalid_api_key", async () => {
    server = await startMockResponsesServer({ script: [unauthorized()] });
    const response = await postResponses(server.url);
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ type: "invalid_request_error", code: "invalid_api_key" });
  });

  it("a custom body is sent as given", async () => {
    server = await startMockResponsesServer({ script: [httpError(400, { body: { detail: "bad" } })] });
    expect(await (await postResponses(server.url)).json()).toEqual({ detail: "bad" });
  });

  it.each(["context_length_exceeded", "insufficient_quota", "rate_limit_exceeded"])(
    "response.failed carries %s",
    async (code) => {
      server = await startMockResponsesServer({ script: [failedTurn(code, `failed: ${code}`)] });
      const { events, error } = await readSse(await postResponses(server.url));
      expect(error).toBeUndefined();
      expect(events.at(-1)).toMatchObject({
        event: "response.failed",
        data: { response: { status: "failed", error: { code, message: `failed: ${code}` } } },
      });
      expect(events.some((e) => e.event === "response.completed")).toBe(false);
    },
  );

  it("a cut stream delivers N events and then breaks", async () => {
    server = await startMockResponsesServer({ script: [streamCut(turn([message("never finished")]), 2)] });
    const { events, error } = await readSse(await postResponses(server.url));
    expect(events.map((e) => e.event)).toEqual(["response.created", "response.output_item.added"]);
    expect(error).toBeInstanceOf(Error);
  });

  it("a stall sends nothing more until released", async () => {
    const stalled = stall(turn([message("slow answer")]), 1);
    server = await startMockResponsesServer({ script: [stalled] });
    const response = await postResponses(server.url);
    const reading = readSse(response);
    await stalled.stalled;
    stalled.release();
    const { events, error } = await reading;
    expect(error).toBeUndefined();
    expect(events[0]?.event).toBe("response.created");
    expect(events.at(-1)?.event).toBe("response.completed");
  });

  it("a stall ends when the client disconnects", async () => {
    const stalled = stall(turn([message("never")]), 1);
    server = await startMockResponsesServer({ script: [stalled] });
    const controller = new AbortController();
    const response = await postResponses(server.url, { signal: controller.signal });
    let firstEvent!: () => void;
    const gotFirst = new Promise<void>((resolve) => {
      firstEvent = resolve;
    });
    const reading = readSse(response, () => firstEvent());
    await stalled.stalled;
    await gotFirst;
    controller.abort();
    await stalled.disconnected;
    const { events, error } = await reading;
    expect(events.map((e) => e.event)).toEqual(["response.created"]);
    expect(error).toBeDefined();
  });

  it("close() ends a stall that was never released", async () => {
    const stalled = stall(turn([message("never")]), 0);
    server = await startMockResponsesServer({ script: [stalled] });
    const reading = postResponses(server.url).then(readSse);
    await stalled.stalled;
    await server.close();
    server = undefined;
    await stalled.disconnected;
    const { events } = await reading.catch(() => ({ events: [] }));
    expect(events).toEqual([]);
  });
});
