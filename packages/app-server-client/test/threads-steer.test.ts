// turn/steer into a running turn (a stalled model response, or a long command), its errors, turn/start while
// a turn runs, and turn/interrupt of a streaming turn.
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { functionCall, message, stall, turn } from "@codex-ts/test-support";
import { describe, expect, it } from "vitest";
import {
  fixture,
  inProcessServer,
  initialized,
  startThread,
  startTurn,
  turnCompleted,
  userTexts,
} from "./support/thread-harness.js";

async function setup() {
  const fx = await fixture();
  const rec = await initialized(inProcessServer(fx).connect());
  const { threadId } = await startThread(rec, fx, { approvalPolicy: "never", sandbox: "workspace-write" });
  return { fx, rec, threadId };
}

describe("turn/steer", { timeout: 20_000 }, () => {
  it("adds input to a running turn; it reaches the model in the next request", async () => {
    const { fx, rec, threadId } = await setup();
    const stalled = stall(turn([message("first answer")]), 1);
    fx.mock.enqueue(stalled, turn([message("answer with the steer")]));
    const turnId = await startTurn(rec, threadId, "original request");
    await stalled.stalled;
    await expect(rec.client.request("turn/steer", { threadId, expectedTurnId: turnId, input: [{ type: "text", text: "also this" }] })).resolves.toEqual({
      turnId,
    });
    stalled.release();
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(fx.mock.responsesRequests).toHaveLength(2);
    expect(userTexts(fx.mock, 0)).not.toContain("also this");
    const second = userTexts(fx.mock, 1);
    expect(second.indexOf("also this")).toBeGreaterThan(second.indexOf("original request"));
    const userItems = rec.events
      .filter((event) => event.method === "item/completed" && (event.params["item"] as { type: string }).type === "userMessage")
      .map((event) => (event.params["item"] as { content: Array<{ text: string }> }).content[0]?.text);
    expect(userItems).toEqual(["original request", "also this"]);
  });

  it("reaches the model after a long command finishes", async () => {
    const { fx, rec, threadId } = await setup();
    // The command blocks reading a FIFO the test writes after steering, so the steer lands while it runs.
    const fifo = `${fx.workspace}/gate`;
    execFileSync("mkfifo", [fifo]);
    fx.mock.enqueue(
      turn([functionCall("shell", { command: ["sh", "-c", `echo waiting; cat ${fifo}; echo released`] }, "call_long")]),
      turn([message("done")]),
    );
    const turnId = await startTurn(rec, threadId, "run something long");
    await rec.waitFor("item/commandExecution/outputDelta", (params) => params.itemId === "call_long");
    await rec.client.request("turn/steer", { threadId, expectedTurnId: turnId, input: [{ type: "text", text: "steer during the command" }] });
    await writeFile(fifo, "go\n");
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(userTexts(fx.mock, 1)).toContain("steer during the command");
    expect(userTexts(fx.mock, 0)).not.toContain("steer during the command");
  });

  it("rejects a wrong expectedTurnId, and steering with no turn running, with -32600", async () => {
    const { fx, rec, threadId } = await setup();
    const input = [{ type: "text" as const, text: "x" }];
    await expect(rec.client.request("turn/steer", { threadId, expectedTurnId: "nope", input })).rejects.toMatchObject({ code: -32600 });
    const stalled = stall(turn([message("slow")]), 1);
    fx.mock.enqueue(stalled);
    const turnId = await startTurn(rec, threadId, "go");
    await stalled.stalled;
    await expect(rec.client.request("turn/steer", { threadId, expectedTurnId: "not-the-turn", input })).rejects.toMatchObject({
      code: -32600,
      message: expect.stringContaining(turnId),
    });
    stalled.release();
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    // The rejected steer never reached the model.
    expect(userTexts(fx.mock, 0)).not.toContain("x");
    expect(fx.mock.responsesRequests).toHaveLength(1);
  });

  it("turn/start while a turn runs is rejected with -32600; turn/interrupt ends the streaming turn", async () => {
    const { fx, rec, threadId } = await setup();
    const stalled = stall(turn([message("never finished")]), 1);
    fx.mock.enqueue(stalled);
    const turnId = await startTurn(rec, threadId, "go");
    await stalled.stalled;
    await expect(rec.client.request("turn/start", { threadId, input: [{ type: "text", text: "second" }] })).rejects.toMatchObject({ code: -32600 });
    await rec.client.request("turn/interrupt", { threadId, turnId });
    expect((await turnCompleted(rec, turnId)).status).toBe("interrupted");
    await stalled.disconnected;
  });
});
