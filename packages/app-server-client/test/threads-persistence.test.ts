// Stored threads: thread/list paging and cwd filter, thread/read with turns rebuilt after a restart,
// thread/resume, thread/fork, archive and unarchive, names, loaded threads, and manual compaction.
import { existsSync } from "node:fs";
import path from "node:path";
import { functionCall, httpError, message, stall, turn } from "@codex-ts/test-support";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";
import {
  type Fixture,
  type Recorded,
  type ServerHandle,
  callOutput,
  fixture,
  inProcessServer,
  initialized,
  requestInput,
  startThread,
  startTurn,
  turnCompleted,
  userTexts,
} from "./support/thread-harness.js";

async function runTurn(fx: Fixture, rec: Recorded, threadId: string, text: string, answer: string): Promise<string> {
  fx.mock.enqueue(turn([message(answer)]));
  const turnId = await startTurn(rec, threadId, text);
  expect((await turnCompleted(rec, turnId)).status).toBe("completed");
  return turnId;
}

async function setup(): Promise<{ fx: Fixture; server: ServerHandle; rec: Recorded }> {
  const fx = await fixture();
  const server = inProcessServer(fx);
  return { fx, server, rec: await initialized(server.connect()) };
}

describe("stored threads", { timeout: 30_000 }, () => {
  it("thread/list pages with limit and cursor, newest first, and filters by cwd", async () => {
    const { fx, rec } = await setup();
    const other = await tempDir("codex-threads-other-");
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const { threadId } = await startThread(rec, fx);
      await runTurn(fx, rec, threadId, `first message ${index}`, "ok");
      ids.push(threadId);
    }
    const { threadId: elsewhere } = await startThread(rec, fx, { cwd: other });
    await runTurn(fx, rec, elsewhere, "in the other directory", "ok");

    const first = await rec.client.request("thread/list", { limit: 2, cwd: fx.workspace });
    expect(first.data.map((thread) => thread.id)).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(first.data[0]).toMatchObject({ preview: "first message 2", cwd: fx.workspace, modelProvider: "mock", status: { type: "idle" } });
    const second = await rec.client.request("thread/list", { limit: 2, cwd: fx.workspace, cursor: first.nextCursor });
    expect(second.data.map((thread) => thread.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();

    const all = await rec.client.request("thread/list", {});
    expect(all.data.map((thread) => thread.id)).toEqual([elsewhere, ids[2], ids[1], ids[0]]);
    const onlyOther = await rec.client.request("thread/list", { cwd: other });
    expect(onlyOther.data.map((thread) => thread.id)).toEqual([elsewhere]);
    const both = await rec.client.request("thread/list", { cwd: [other, fx.workspace], limit: 3 });
    expect(both.data.map((thread) => thread.id)).toEqual([elsewhere, ids[2], ids[1]]);
    const bothRest = await rec.client.request("thread/list", { cwd: [other, fx.workspace], limit: 3, cursor: both.nextCursor });
    expect(bothRest.data.map((thread) => thread.id)).toEqual([ids[0]]);
    await expect(rec.client.request("thread/list", { cursor: "not-a-cursor" })).rejects.toMatchObject({ code: -32600 });
  });

  it("thread/read rebuilds turns and items from the rollout after a restart; thread/resume returns them", async () => {
    const { fx, server, rec } = await setup();
    const { threadId } = await startThread(rec, fx, { sandbox: "danger-full-access" });
    fx.mock.enqueue(turn([functionCall("shell", { command: ["sh", "-c", "echo from-the-tool"] }, "call_read")]), turn([message("the answer")]));
    const turnId = await startTurn(rec, threadId, "the question");
    await turnCompleted(rec, turnId);
    const second = await runTurn(fx, rec, threadId, "follow up", "second answer");

    const live = await rec.client.request("thread/read", { threadId, includeTurns: true });
    await server.stop();
    const after = await initialized(server.connect());
    const { thread } = await after.client.request("thread/read", { threadId, includeTurns: true });
    expect(thread).toMatchObject({ id: threadId, status: { type: "notLoaded" }, preview: "the question", cwd: fx.workspace });
    expect(thread.turns.map((t) => [t.id, t.status])).toEqual([
      [turnId, "completed"],
      [second, "completed"],
    ]);
    const kinds = thread.turns[0]?.items.map((item) => item.type);
    expect(kinds).toEqual(["userMessage", "commandExecution", "agentMessage"]);
    expect(thread.turns[0]?.items[0]).toMatchObject({ type: "userMessage", content: [{ type: "text", text: "the question" }] });
    expect(thread.turns[0]?.items[1]).toMatchObject({ type: "commandExecution", id: "call_read", exitCode: 0, status: "completed" });
    expect(thread.turns[0]?.items[2]).toMatchObject({ type: "agentMessage", text: "the answer" });
    expect(thread.turns[1]?.items.map((item) => item.type)).toEqual(["userMessage", "agentMessage"]);
    // The rebuilt turns match what the live thread reported, timings included.
    expect(thread.turns.map((t) => t.items.map((item) => item.type))).toEqual(live.thread.turns.map((t) => t.items.map((item) => item.type)));
    expect(thread.turns.map((t) => [t.startedAt, t.completedAt, t.durationMs])).toEqual(
      live.thread.turns.map((t) => [t.startedAt, t.completedAt, t.durationMs]),
    );
    const withoutTurns = await after.client.request("thread/read", { threadId });
    expect(withoutTurns.thread.turns).toEqual([]);

    const resumed = await after.client.request("thread/resume", { threadId });
    expect(resumed.thread.turns.map((t) => t.id)).toEqual([turnId, second]);
    expect(resumed.thread.status).toEqual({ type: "idle" });
    await after.waitFor("thread/tokenUsage/updated", (params) => params.threadId === threadId);
    // The resumed thread carries the old history to the model.
    const third = await runTurn(fx, after, threadId, "after the restart", "ok");
    expect(third).not.toBe(second);
    expect(userTexts(fx.mock, fx.mock.responsesRequests.length - 1)).toEqual(expect.arrayContaining(["the question", "follow up", "after the restart"]));
  });

  it("a failed turn reads back failed, with its error, after a restart", async () => {
    const { fx, server, rec } = await setup();
    const { threadId } = await startThread(rec, fx);
    fx.mock.enqueue(httpError(400, { body: { error: { message: "refused by the model", type: "invalid_request_error", param: null, code: null } } }));
    const turnId = await startTurn(rec, threadId, "this fails");
    expect((await turnCompleted(rec, turnId)).status).toBe("failed");
    await server.stop();
    const after = await initialized(server.connect());
    const { thread } = await after.client.request("thread/read", { threadId, includeTurns: true });
    expect(thread.turns[0]).toMatchObject({ id: turnId, status: "failed", error: { message: expect.stringContaining("refused by the model") } });
  });

  it("thread/fork copies the history to a new thread id", async () => {
    const { fx, rec } = await setup();
    const { threadId } = await startThread(rec, fx);
    await runTurn(fx, rec, threadId, "remember the number 42", "remembered");
    const forked = await rec.client.request("thread/fork", { threadId });
    expect(rec.methods().filter((method) => method === "thread/started")).toHaveLength(1);
    expect(forked.thread.id).not.toBe(threadId);
    expect(forked.thread.forkedFromId).toBe(threadId);
    expect(forked.thread.turns.length).toBe(1);
    await rec.waitFor("thread/started", (params) => params.thread.id === forked.thread.id);
    const read = await rec.client.request("thread/read", { threadId: forked.thread.id });
    expect(read.thread.forkedFromId).toBe(threadId);

    await runTurn(fx, rec, forked.thread.id, "what was the number?", "42");
    const input = requestInput(fx.mock, fx.mock.responsesRequests.length - 1);
    const texts = JSON.stringify(input);
    expect(texts).toContain("remember the number 42");
    expect(texts).toContain("remembered");
    expect(userTexts(fx.mock, fx.mock.responsesRequests.length - 1).at(-1)).toBe("what was the number?");
    // The source thread is untouched.
    const source = await rec.client.request("thread/read", { threadId, includeTurns: true });
    expect(source.thread.turns).toHaveLength(1);
  });

  it("thread/fork of a thread whose turn waits on the client does not wait; the copy's open turn is interrupted", async () => {
    const { fx, rec } = await setup();
    const { threadId } = await startThread(rec, fx, { approvalPolicy: "untrusted" });
    await runTurn(fx, rec, threadId, "before the fork", "answered");
    fx.mock.enqueue(turn([functionCall("shell", { command: ["touch", "forked.txt"] }, "call_waiting")]));
    const running = await startTurn(rec, threadId, "during the fork");
    const request = await rec.nextRequest("item/commandExecution/requestApproval");
    const forked = await rec.client.request("thread/fork", { threadId });
    expect(forked.thread.forkedFromId).toBe(threadId);
    expect(forked.thread.turns.map((t) => t.status)).toEqual(["completed", "interrupted"]);
    // The source turn carries on.
    rec.answer(request.id, { decision: "decline" });
    fx.mock.enqueue(turn([message("source done")]));
    expect((await turnCompleted(rec, running)).status).toBe("completed");
    // The copy's next request has both turns' input, and the unanswered call answered "aborted".
    fx.mock.enqueue(turn([message("fork continues")]));
    await turnCompleted(rec, await startTurn(rec, forked.thread.id, "in the fork"));
    const last = fx.mock.responsesRequests.length - 1;
    expect(userTexts(fx.mock, last)).toEqual(expect.arrayContaining(["before the fork", "during the fork", "in the fork"]));
    expect(callOutput(fx.mock, last, "call_waiting")).toBe("aborted");
  });

  it("thread/archive and thread/unarchive move the rollout and notify", async () => {
    const { fx, rec } = await setup();
    const { threadId, response } = await startThread(rec, fx);
    await runTurn(fx, rec, threadId, "to be archived", "ok");
    const original = response.thread.path as string;
    expect(existsSync(original)).toBe(true);

    await expect(rec.client.request("thread/archive", { threadId })).resolves.toEqual({});
    expect(rec.methods()).not.toContain("thread/archived");
    await rec.waitFor("thread/archived", (params) => params.threadId === threadId);
    expect(existsSync(original)).toBe(false);
    expect(existsSync(path.join(fx.codexHome, "archived_sessions", path.basename(original)))).toBe(true);
    const listed = await rec.client.request("thread/list", {});
    expect(listed.data.map((thread) => thread.id)).not.toContain(threadId);
    const archived = await rec.client.request("thread/list", { archived: true });
    expect(archived.data.map((thread) => thread.id)).toEqual([threadId]);
    const loaded = await rec.client.request("thread/loaded/list", {});
    expect(loaded.data).not.toContain(threadId);
    await expect(rec.client.request("turn/start", { threadId, input: [{ type: "text", text: "x" }] })).rejects.toMatchObject({ code: -32600 });

    const restored = await rec.client.request("thread/unarchive", { threadId });
    expect(restored.thread).toMatchObject({ id: threadId, preview: "to be archived" });
    await rec.waitFor("thread/unarchived", (params) => params.threadId === threadId);
    expect(existsSync(original)).toBe(true);
    expect((await rec.client.request("thread/list", {})).data.map((thread) => thread.id)).toContain(threadId);
  });

  it("archiving a thread with a running turn ends the turn first", async () => {
    const { fx, rec } = await setup();
    const { threadId } = await startThread(rec, fx);
    const stalled = stall(turn([message("never")]), 1);
    fx.mock.enqueue(stalled);
    const turnId = await startTurn(rec, threadId, "busy");
    await stalled.stalled;
    await rec.client.request("thread/archive", { threadId });
    expect((await turnCompleted(rec, turnId)).status).toBe("interrupted");
    await rec.waitFor("thread/archived", (params) => params.threadId === threadId);
    expect((await rec.client.request("thread/loaded/list", {})).data).not.toContain(threadId);
  });

  it("thread/name/set notifies and persists across a restart", async () => {
    const { fx, server, rec } = await setup();
    const { threadId } = await startThread(rec, fx);
    await runTurn(fx, rec, threadId, "hello", "hi");
    const bystander = await initialized(server.connect());
    await expect(rec.client.request("thread/name/set", { threadId, name: "  My thread " })).resolves.toEqual({});
    expect(rec.methods()).not.toContain("thread/name/updated");
    expect(await rec.waitFor("thread/name/updated")).toEqual({ threadId, threadName: "My thread" });
    // Every client hears of it, subscribed or not.
    expect(await bystander.waitFor("thread/name/updated")).toEqual({ threadId, threadName: "My thread" });
    await expect(rec.client.request("thread/name/set", { threadId, name: "   " })).rejects.toMatchObject({
      code: -32600,
      message: "thread name must not be empty",
    });
    expect((await rec.client.request("thread/read", { threadId })).thread.name).toBe("My thread");
    await server.stop();
    const after = await initialized(server.connect());
    expect((await after.client.request("thread/read", { threadId })).thread.name).toBe("My thread");
    expect((await after.client.request("thread/list", {})).data.find((thread) => thread.id === threadId)?.name).toBe("My thread");
    // Renaming a stored thread that is not loaded writes the name without loading it.
    await after.client.request("thread/name/set", { threadId, name: "Renamed while stored" });
    await after.waitFor("thread/name/updated", (params) => params.threadName === "Renamed while stored");
    expect((await after.client.request("thread/loaded/list", {})).data).not.toContain(threadId);
    const stored = await after.client.request("thread/read", { threadId });
    expect(stored.thread).toMatchObject({ name: "Renamed while stored", status: { type: "notLoaded" } });
    // It can still be resumed and used.
    await after.client.request("thread/resume", { threadId });
    await runTurn(fx, after, threadId, "still works", "yes");
    expect((await after.client.request("thread/read", { threadId })).thread.name).toBe("Renamed while stored");
  });

  it("thread/loaded/list pages through the threads in memory", async () => {
    const { fx, rec } = await setup();
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) ids.push((await startThread(rec, fx)).threadId);
    const all = await rec.client.request("thread/loaded/list", {});
    expect([...all.data].sort()).toEqual([...ids].sort());
    expect(all.nextCursor).toBeNull();
    const page = await rec.client.request("thread/loaded/list", { limit: 2 });
    expect(page.data).toHaveLength(2);
    const rest = await rec.client.request("thread/loaded/list", { limit: 2, cursor: page.nextCursor });
    expect([...page.data, ...rest.data].sort()).toEqual([...ids].sort());
    expect(rest.nextCursor).toBeNull();
  });

  it("thread/compact/start runs a contextCompaction turn; the next request carries the compacted history", async () => {
    const { fx, rec } = await setup();
    const { threadId } = await startThread(rec, fx);
    await runTurn(fx, rec, threadId, "a long conversation start", "a long answer");
    fx.mock.enqueue(turn([message("SUMMARY: the user started a conversation.")]));
    await expect(rec.client.request("thread/compact/start", { threadId })).resolves.toEqual({});
    const started = await rec.waitFor("item/started", (params) => params.item.type === "contextCompaction");
    const completed = await rec.waitFor("item/completed", (params) => params.item.type === "contextCompaction");
    expect(completed.item.id).toBe(started.item.id);
    const compactTurn = await turnCompleted(rec, completed.turnId);
    expect(compactTurn.status).toBe("completed");
    await runTurn(fx, rec, threadId, "continue", "continued");
    const input = JSON.stringify(requestInput(fx.mock, fx.mock.responsesRequests.length - 1));
    expect(input).toContain("SUMMARY: the user started a conversation.");
    expect(input).not.toContain("a long answer");
    expect(userTexts(fx.mock, fx.mock.responsesRequests.length - 1).at(-1)).toBe("continue");
  });
});
