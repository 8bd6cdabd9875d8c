// Turn notifications beyond the basic flow: plans, reasoning, model failures, interrupting a running command,
// ephemeral threads, and per-connection notification opt-out.
import { functionCall, httpError, message, reasoning, turn } from "@codex-ts/test-support";
import { describe, expect, it } from "vitest";
import { CLIENT_INFO } from "./helpers.js";
import { fixture, inProcessServer, initialized, startThread, startTurn, turnCompleted } from "./support/thread-harness.js";

async function setup() {
  const fx = await fixture();
  const server = inProcessServer(fx);
  const rec = await initialized(server.connect());
  return { fx, server, rec };
}

describe("turn notifications", { timeout: 20_000 }, () => {
  it("turn/plan/updated for update_plan, and reasoning items with their summary deltas", async () => {
    const { fx, rec } = await setup();
    const { threadId } = await startThread(rec, fx);
    const plan = [
      { step: "look around", status: "completed" },
      { step: "write code", status: "in_progress" },
    ];
    fx.mock.enqueue(
      turn([reasoning("Thinking about the plan"), functionCall("update_plan", { explanation: "two steps", plan }, "call_plan")]),
      turn([message("planned")]),
    );
    const turnId = await startTurn(rec, threadId, "plan it");
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(await rec.waitFor("turn/plan/updated")).toEqual({
      threadId,
      turnId,
      explanation: "two steps",
      plan: [
        { step: "look around", status: "completed" },
        { step: "write code", status: "inProgress" },
      ],
    });
    const done = await rec.waitFor("item/completed", (params) => params.item.type === "reasoning");
    expect(done.item).toMatchObject({ summary: ["Thinking about the plan"] });
    const deltas = rec.events.filter((event) => event.method === "item/reasoning/summaryTextDelta").map((event) => event.params["delta"]);
    expect(deltas.join("")).toBe("Thinking about the plan");
    expect(rec.methods().indexOf("item/reasoning/summaryPartAdded")).toBeGreaterThan(-1);
  });

  it("a model failure sends error, then turn/completed failed with the error", async () => {
    const { fx, rec } = await setup();
    const { threadId } = await startThread(rec, fx);
    fx.mock.enqueue(httpError(400, { body: { error: { message: "bad things", type: "invalid_request_error", param: null, code: null } } }));
    const turnId = await startTurn(rec, threadId, "fail please");
    const completed = await turnCompleted(rec, turnId);
    expect(completed.status).toBe("failed");
    expect(completed.error?.message).toContain("bad things");
    const error = await rec.waitFor("error");
    expect(error).toMatchObject({ threadId, turnId, willRetry: false, error: { message: expect.stringContaining("bad things") } });
    const methods = rec.methods();
    expect(methods.indexOf("error")).toBeLessThan(methods.indexOf("turn/completed"));
    await rec.waitFor("thread/status/changed", (params) => params.status.type === "idle");
  });

  it("turn/interrupt kills a running command and ends the turn interrupted", async () => {
    const { fx, rec } = await setup();
    const { threadId } = await startThread(rec, fx, { sandbox: "danger-full-access" });
    fx.mock.enqueue(turn([functionCall("shell", { command: ["sh", "-c", "echo started; exec sleep 30"], timeout_ms: 60_000 }, "call_sleep")]));
    const turnId = await startTurn(rec, threadId, "wait forever");
    await rec.waitFor("item/commandExecution/outputDelta", (params) => params.itemId === "call_sleep");
    await rec.client.request("turn/interrupt", { threadId, turnId });
    // Like upstream, the answer comes before the turn ends: a client may wait for turn/completed after it.
    expect(rec.methods()).not.toContain("turn/completed");
    expect((await turnCompleted(rec, turnId)).status).toBe("interrupted");
    expect(fx.mock.responsesRequests).toHaveLength(1);
  });

  it("an ephemeral thread has no path and is not listed", async () => {
    const { fx, rec } = await setup();
    const started = await rec.client.request("thread/start", { cwd: fx.workspace, ephemeral: true, approvalPolicy: "never" });
    expect(started.thread).toMatchObject({ ephemeral: true, path: null });
    fx.mock.enqueue(turn([message("ok")]));
    await turnCompleted(rec, await startTurn(rec, started.thread.id, "hello"));
    const listed = await rec.client.request("thread/list", {});
    expect(listed.data.map((thread) => thread.id)).not.toContain(started.thread.id);
  });

  it("honours optOutNotificationMethods for thread notifications", async () => {
    const { fx, server } = await setup();
    const rec = await server.connect();
    await rec.client.initialize({
      clientInfo: CLIENT_INFO,
      capabilities: { experimentalApi: false, optOutNotificationMethods: ["item/agentMessage/delta", "thread/started"] },
    });
    const { threadId } = await startThread(rec, fx);
    fx.mock.enqueue(turn([message("several words of text")]));
    await turnCompleted(rec, await startTurn(rec, threadId, "hi"));
    expect(rec.methods()).not.toContain("item/agentMessage/delta");
    expect(rec.methods()).not.toContain("thread/started");
    expect(rec.methods()).toContain("item/completed");
  });
});
