import { message, startMockResponsesServer, turn, unauthorized } from "@codex-ts/test-support";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ModelAuthProvider,
  ModelClient,
  type ResponseEvent,
  UnauthorizedError,
  providerFromInfo,
} from "../src/index.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A token source whose refresh swaps in `next` (or fails). */
function rotatingAuth(first: string, next: string | undefined) {
  let current = first;
  let refreshes = 0;
  const auth: ModelAuthProvider = {
    token: async () => current,
    refresh: async () => {
      refreshes += 1;
      if (next === undefined) return false;
      current = next;
      return true;
    },
    headers: () => ({ "chatgpt-account-id": "acct_1" }),
  };
  return { auth, refreshes: () => refreshes };
}

async function setup(auth: ModelAuthProvider | undefined, wireApi: "responses" | "chat" = "responses") {
  const server = await startMockResponsesServer();
  cleanups.push(() => server.close());
  const provider = providerFromInfo("mock", { name: "mock", base_url: server.url, env_key: "MOCK_KEY", wire_api: wireApi });
  const client = new ModelClient({
    provider,
    env: {},
    ...(auth ? { auth } : {}),
    sleep: async () => {},
  });
  const requests = () => (wireApi === "chat" ? server.chatRequests : server.responsesRequests);
  return { server, client, requests };
}

const prompt = { model: "m", instructions: "", input: [] };

async function collect(stream: AsyncIterable<ResponseEvent>): Promise<ResponseEvent[]> {
  const events: ResponseEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe("auth provider", () => {
  it("sends the provider's token and headers instead of the env key", async () => {
    const { auth } = rotatingAuth("tok-1", "tok-2");
    const { server, client, requests } = await setup(auth);
    server.enqueue(turn([message("ok")]));
    await collect(client.stream(prompt));
    expect(requests()[0]?.headers["authorization"]).toBe("Bearer tok-1");
    expect(requests()[0]?.headers["chatgpt-account-id"]).toBe("acct_1");
  });

  it.each(["responses", "chat"] as const)("refreshes once after a 401 and retries with the new token (%s)", async (wire) => {
    const { auth, refreshes } = rotatingAuth("expired", "fresh");
    const { server, client, requests } = await setup(auth, wire);
    server.enqueue(unauthorized(), turn([message("ok")]));
    const events = await collect(client.stream(prompt));
    expect(events.at(-1)?.type).toBe("completed");
    expect(refreshes()).toBe(1);
    expect(requests().map((r) => r.headers["authorization"])).toEqual(["Bearer expired", "Bearer fresh"]);
    expect(server.pending).toBe(0);
  });

  it("throws UnauthorizedError when the refresh reports failure", async () => {
    const { auth, refreshes } = rotatingAuth("expired", undefined);
    const { server, client, requests } = await setup(auth);
    server.enqueue(unauthorized(), turn([message("never")]));
    const error = await collect(client.stream(prompt)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as Error).message).toMatch(/^unexpected status 401 Unauthorized: /);
    expect(refreshes()).toBe(1);
    expect(requests()).toHaveLength(1);
    expect(server.pending).toBe(1);
  });

  it("throws UnauthorizedError on a second 401 without refreshing again", async () => {
    const { auth, refreshes } = rotatingAuth("expired", "also-bad");
    const { server, client, requests } = await setup(auth);
    server.enqueue(unauthorized(), unauthorized(), turn([message("never")]));
    await expect(collect(client.stream(prompt))).rejects.toBeInstanceOf(UnauthorizedError);
    expect(refreshes()).toBe(1);
    expect(requests()).toHaveLength(2);
  });

  it("passes on an error the refresh throws", async () => {
    const failure = new Error("Your access token could not be refreshed; log in again.");
    const auth: ModelAuthProvider = { token: () => "expired", refresh: () => Promise.reject(failure) };
    const { server, client } = await setup(auth);
    server.enqueue(unauthorized());
    await expect(collect(client.stream(prompt))).rejects.toBe(failure);
  });

  it("without refresh, a 401 surfaces at once", async () => {
    const { server, client, requests } = await setup({ token: () => "static" });
    server.enqueue(unauthorized(), turn([message("never")]));
    await expect(collect(client.stream(prompt))).rejects.toBeInstanceOf(UnauthorizedError);
    expect(requests()).toHaveLength(1);
  });

  it("sends no authorization header when the token is undefined", async () => {
    const { server, client, requests } = await setup({ token: () => undefined });
    server.enqueue(turn([message("ok")]));
    await collect(client.stream(prompt));
    expect(requests()[0]?.headers["authorization"]).toBeUndefined();
  });
});
