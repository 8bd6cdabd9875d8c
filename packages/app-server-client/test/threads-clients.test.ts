// Several clients on one thread, interrupting a turn that waits for an approval, and a client that goes away
// while a request is pending.
import { existsSync } from "node:fs";
import path from "node:path";
import { functionCall, message, turn } from "@codex-ts/test-support";
import { describe, expect, it } from "vitest";
import {
  type Fixture,
  type Recorded,
  WAIT_MS,
  callOutput,
  fixture,
  inProcessServer,
  initialized,
  startThread,
  startTurn,
  turnCompleted,
  webSocketServer,
} from "./support/thread-harness.js";

const APPROVAL = "item/commandExecution/requestApproval";

function touch(name: string, callId: string) {
  return functionCall("shell", { command: ["touch", name] }, callId);
}

/** Re-checks `check` each time the event loop turns until it resolves true; fails after WAIT_MS. */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function resumeLoaded(rec: Recorded, threadId: string) {
  return rec.client.request("thread/resume", { threadId });
}

describe("two clients on one thread", { timeout: 30_000 }, () => {
  it("both see the turn; both are asked; the first answer wins and both see it resolved", async () => {
    const fx = await fixture();
    const server = await webSocketServer(fx);
    const first = await initialized(server.connect());
    const second = await initialized(server.connect());
    const { threadId } = await startThread(first, fx, { approvalPolicy: "untrusted" });
    const resumed = await resumeLoaded(second, threadId);
    expect(resumed.thread.id).toBe(threadId);

    fx.mock.enqueue(turn([touch("shared.txt", "call_shared")]), turn([message("both saw this")]));
    const turnId = await startTurn(first, threadId, "go");
    const [askedFirst, askedSecond] = await Promise.all([first.nextRequest(APPROVAL), second.nextRequest(APPROVAL)]);
    expect(askedFirst.params).toMatchObject({ threadId, turnId, itemId: "call_shared" });
    expect(askedSecond.params).toEqual(askedFirst.params);

    second.answer(askedSecond.id, { decision: "accept" });
    await Promise.all([
      first.waitFor("serverRequest/resolved", (params) => params.requestId === askedFirst.id),
      second.waitFor("serverRequest/resolved", (params) => params.requestId === askedSecond.id),
    ]);
    // A late answer from the other client changes nothing.
    first.answer(askedFirst.id, { decision: "decline" });

    for (const rec of [first, second]) {
      expect((await turnCompleted(rec, turnId)).status).toBe("completed");
      const texts = rec.events.filter((event) => event.method === "item/completed").map((event) => (event.params["item"] as { type: string }).type);
      expect(texts).toEqual(["userMessage", "commandExecution", "agentMessage"]);
    }
    expect(existsSync(path.join(fx.workspace, "shared.txt"))).toBe(true);
    const command = first.events.find((event) => event.method === "item/completed" && (event.params["item"] as { id: string }).id === "call_shared");
    expect(command?.params["item"]).toMatchObject({ status: "completed", exitCode: 0 });
    expect(fx.mock.responsesRequests).toHaveLength(2);
  });

  it("a client that resumes while a request is pending is asked too", async () => {
    const fx = await fixture();
    const server = inProcessServer(fx);
    const first = await initialized(server.connect());
    const { threadId } = await startThread(first, fx, { approvalPolicy: "untrusted" });
    fx.mock.enqueue(turn([touch("late.txt", "call_late")]), turn([message("ok")]));
    const turnId = await startTurn(first, threadId, "go");
    await first.nextRequest(APPROVAL);
    const late = await initialized(server.connect());
    const resumed = await resumeLoaded(late, threadId);
    expect(resumed.thread.status).toEqual({ type: "active", activeFlags: ["waitingOnApproval"] });
    expect(resumed.thread.turns.at(-1)).toMatchObject({ id: turnId, status: "inProgress" });
    const asked = await late.nextRequest(APPROVAL);
    late.answer(asked.id, { decision: "accept" });
    await first.waitFor("serverRequest/resolved");
    expect((await turnCompleted(first, turnId)).status).toBe("completed");
    expect((await turnCompleted(late, turnId)).status).toBe("completed");
  });
});

describe("pending requests and the turn lifecycle", { timeout: 20_000 }, () => {
  async function pendingApproval(fx: Fixture, rec: Recorded) {
    const { threadId } = await startThread(rec, fx, { approvalPolicy: "untrusted" });
    fx.mock.enqueue(turn([touch("pending.txt", "call_pending")]), turn([message("after the request")]));
    const turnId = await startTurn(rec, threadId, "go");
    const request = await rec.nextRequest(APPROVAL);
    return { threadId, turnId, request };
  }

  it("turn/interrupt clears the pending request and ends the turn interrupted", async () => {
    const fx = await fixture();
    const rec = await initialized(inProcessServer(fx).connect());
    const { threadId, turnId, request } = await pendingApproval(fx, rec);
    await expect(rec.client.request("turn/interrupt", { threadId, turnId })).resolves.toEqual({});
    // Upstream's order: the request is resolved, the interrupt answered, then the turn completes.
    expect(rec.events.find((event) => event.method === "serverRequest/resolved")?.params).toEqual({ threadId, requestId: request.id });
    expect(rec.methods()).not.toContain("turn/completed");
    expect((await turnCompleted(rec, turnId)).status).toBe("interrupted");
    await rec.waitFor("thread/status/changed", (params) => params.status.type === "idle");
    expect(existsSync(path.join(fx.workspace, "pending.txt"))).toBe(false);
    expect(fx.mock.responsesRequests).toHaveLength(1);
    // The thread takes a new turn afterwards; the call the interrupt left unanswered is answered "aborted".
    fx.mock.enqueue(turn([message("fresh")]));
    const next = await startTurn(rec, threadId, "again");
    expect((await turnCompleted(rec, next)).status).toBe("completed");
    expect(callOutput(fx.mock, 1, "call_pending")).toBe("aborted");
  });

  it("a client that disconnects with a request pending does not hang the turn", async () => {
    const fx = await fixture();
    const server = inProcessServer(fx);
    const leaving = await initialized(server.connect());
    const { threadId, turnId } = await pendingApproval(fx, leaving);
    await leaving.client.close();
    // The model hears back (the command was not run) and the turn completes.
    await until(() => fx.mock.responsesRequests.length === 2, "the model's next request");
    const observer = await initialized(server.connect());
    await until(async () => {
      const { thread } = await observer.client.request("thread/read", { threadId, includeTurns: true });
      return thread.status.type === "idle" && thread.turns.find((t) => t.id === turnId)?.status === "completed";
    }, "the turn to complete");
    expect(existsSync(path.join(fx.workspace, "pending.txt"))).toBe(false);
  });

  it("when one of two clients disconnects, the other can still answer", async () => {
    const fx = await fixture();
    const server = inProcessServer(fx);
    const leaving = await initialized(server.connect());
    const staying = await initialized(server.connect());
    const { threadId, turnId } = await pendingApproval(fx, leaving);
    await resumeLoaded(staying, threadId);
    const asked = await staying.nextRequest(APPROVAL);
    await leaving.client.close();
    staying.answer(asked.id, { decision: "accept" });
    await staying.waitFor("serverRequest/resolved", (params) => params.requestId === asked.id);
    expect((await turnCompleted(staying, turnId)).status).toBe("completed");
    expect(existsSync(path.join(fx.workspace, "pending.txt"))).toBe(true);
  });
});
