// JSON-RPC errors of the thread and turn methods: unknown and malformed thread ids, invalid params, and
// requests that conflict with a running turn.
import { message, stall, turn } from "@codex-ts/test-support";
import { describe, expect, it } from "vitest";
import { fixture, inProcessServer, initialized, startThread, startTurn, turnCompleted } from "./support/thread-harness.js";

/** A well-formed thread id that no thread has. */
const UNKNOWN = "01a20000-0000-7000-8000-000000000000";
const INPUT = [{ type: "text" as const, text: "hi" }];

async function setup() {
  const fx = await fixture();
  const rec = await initialized(inProcessServer(fx).connect());
  return { fx, rec };
}

describe("thread and turn errors", { timeout: 20_000 }, () => {
  it("answers every method with -32600 for a thread id that does not exist", async () => {
    const { rec } = await setup();
    const calls: Array<[string, Promise<unknown>]> = [
      ["thread/read", rec.client.request("thread/read", { threadId: UNKNOWN })],
      ["thread/resume", rec.client.request("thread/resume", { threadId: UNKNOWN })],
      ["thread/fork", rec.client.request("thread/fork", { threadId: UNKNOWN })],
      ["thread/archive", rec.client.request("thread/archive", { threadId: UNKNOWN })],
      ["thread/unarchive", rec.client.request("thread/unarchive", { threadId: UNKNOWN })],
      ["thread/name/set", rec.client.request("thread/name/set", { threadId: UNKNOWN, name: "x" })],
      ["thread/compact/start", rec.client.request("thread/compact/start", { threadId: UNKNOWN })],
      ["turn/start", rec.client.request("turn/start", { threadId: UNKNOWN, input: INPUT })],
      ["turn/steer", rec.client.request("turn/steer", { threadId: UNKNOWN, input: INPUT, expectedTurnId: "t" })],
      ["turn/interrupt", rec.client.request("turn/interrupt", { threadId: UNKNOWN, turnId: "t" })],
    ];
    for (const [method, call] of calls) {
      const error = await call.then(
        () => undefined,
        (caught: unknown) => caught as { code: number; message: string },
      );
      expect(error, method).toMatchObject({ code: -32600, message: expect.stringContaining(UNKNOWN) });
    }
  });

  it("answers a malformed thread id with -32600", async () => {
    const { rec } = await setup();
    await expect(rec.client.request("thread/read", { threadId: "not-a-uuid" })).rejects.toMatchObject({ code: -32600 });
    await expect(rec.client.request("thread/resume", { threadId: "not-a-uuid" })).rejects.toMatchObject({ code: -32600 });
  });

  it("answers invalid params with -32600 Invalid request", async () => {
    const { fx, rec } = await setup();
    const { threadId } = await startThread(rec, fx);
    const invalid = [
      rec.client.requestUntyped("turn/start", { threadId }),
      rec.client.requestUntyped("turn/start", { threadId, input: "hello" }),
      rec.client.requestUntyped("thread/start", { sandbox: "sometimes" }),
      rec.client.requestUntyped("thread/start", { approvalPolicy: "whenever" }),
      rec.client.requestUntyped("thread/read", {}),
      rec.client.requestUntyped("turn/steer", { threadId, input: INPUT }),
      rec.client.requestUntyped("thread/start"),
    ];
    for (const call of invalid) {
      await expect(call).rejects.toMatchObject({ code: -32600, message: expect.stringMatching(/^Invalid request/) });
    }
    await expect(
      rec.client.request("turn/start", { threadId, input: INPUT, sandboxPolicy: { type: "nonsense" } as never }),
    ).rejects.toMatchObject({ code: -32600 });
    // Nothing reached the model, and the thread still works.
    expect(fx.mock.responsesRequests).toHaveLength(0);
    fx.mock.enqueue(turn([message("fine")]));
    expect((await turnCompleted(rec, await startTurn(rec, threadId, "ok"))).status).toBe("completed");
  });

  it("rejects turn/start and thread/compact/start while a turn runs, and leaves the turn alone", async () => {
    const { fx, rec } = await setup();
    const { threadId } = await startThread(rec, fx);
    const stalled = stall(turn([message("eventually")]), 1);
    fx.mock.enqueue(stalled);
    const turnId = await startTurn(rec, threadId, "first");
    await stalled.stalled;
    await expect(rec.client.request("turn/start", { threadId, input: INPUT })).rejects.toMatchObject({ code: -32600 });
    await expect(rec.client.request("thread/compact/start", { threadId })).rejects.toMatchObject({ code: -32600 });
    stalled.release();
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(rec.events.filter((event) => event.method === "turn/started")).toHaveLength(1);
  });

  it("turn/interrupt of a turn that is not running is harmless", async () => {
    const { fx, rec } = await setup();
    const { threadId } = await startThread(rec, fx);
    await expect(rec.client.request("turn/interrupt", { threadId, turnId: "no-such-turn" })).resolves.toEqual({});
  });
});
