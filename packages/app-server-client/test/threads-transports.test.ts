// A full turn (a shell tool call, then a final message) over the built `codex app-server`, spoken to over
// stdio and over ws://: the thread/start response, thread/started, and the order of the turn's notifications.
import { functionCall, message, turn } from "@codex-ts/test-support";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLIENT_INFO, defer, within } from "./helpers.js";
import {
  type Fixture,
  type Recorded,
  type ServerHandle,
  WAIT_MS,
  fixture,
  initialized,
  startTurn,
  stdioServer,
  turnCompleted,
  webSocketServer,
} from "./support/thread-harness.js";

const servers: Array<[string, (fx: Fixture) => Promise<ServerHandle>]> = [
  ["stdio", async (fx) => stdioServer(fx)],
  ["websocket", (fx) => webSocketServer(fx)],
];

/** Notifications of one turn, reduced to method (and item type for item events), deltas collapsed. */
function turnShape(rec: Recorded, threadId: string): string[] {
  const shape: string[] = [];
  for (const event of rec.events) {
    if (event.params["threadId"] !== threadId) continue;
    let entry = event.method;
    const item = event.params["item"] as { type?: string } | undefined;
    if (item?.type) entry += ` ${item.type}`;
    if (event.method === "thread/status/changed") entry += ` ${(event.params["status"] as { type: string }).type}`;
    if (shape.at(-1) === entry && entry.endsWith("Delta")) continue;
    if (shape.at(-1) === entry && entry.endsWith("/delta")) continue;
    shape.push(entry);
  }
  return shape;
}

describe.each(servers)("a turn over %s", { timeout: 30_000 }, (_name, startServer) => {
  it("starts a thread, runs a tool call and a final message, and reports them in order", async () => {
    const fx = await fixture();
    fx.mock.enqueue(
      turn([functionCall("shell", { command: ["sh", "-c", "printf 'hello from the tool'"] }, "call_echo")]),
      turn([message("All done here.")], { usage: { inputTokens: 40, outputTokens: 7 } }),
    );
    const server = await startServer(fx);
    const rec = await initialized(server.connect());
    const started = await rec.client.request("thread/start", { cwd: fx.workspace, approvalPolicy: "never", sandbox: "danger-full-access" });
    expect(started).toMatchObject({
      thread: { id: expect.any(String), status: { type: "idle" }, turns: [], cwd: fx.workspace, ephemeral: false, forkedFromId: null },
      model: "mock-model",
      modelProvider: "mock",
      cwd: fx.workspace,
      approvalPolicy: "never",
      approvalsReviewer: "user",
      sandbox: { type: "dangerFullAccess" },
    });
    const threadId = started.thread.id;
    const announced = await rec.waitFor("thread/started");
    expect(announced.thread.id).toBe(threadId);

    const turnId = await startTurn(rec, threadId, "run the tool");
    const completed = await turnCompleted(rec, turnId);
    expect(completed).toMatchObject({ id: turnId, status: "completed", error: null, items: [] });
    await rec.waitFor("thread/status/changed", (params) => params.status.type === "idle");

    expect(turnShape(rec, threadId)).toEqual([
      "thread/status/changed active",
      "turn/started",
      "item/started userMessage",
      "item/completed userMessage",
      // usage after each model response: the tool call's, then the final message's
      "thread/tokenUsage/updated",
      "item/started commandExecution",
      "item/commandExecution/outputDelta",
      "item/completed commandExecution",
      "item/started agentMessage",
      "item/agentMessage/delta",
      "item/completed agentMessage",
      "thread/tokenUsage/updated",
      "turn/completed",
      "thread/status/changed idle",
    ]);
    const items = rec.events.filter((event) => event.method === "item/completed").map((event) => event.params["item"]);
    expect(items[1]).toMatchObject({ type: "commandExecution", id: "call_echo", status: "completed", exitCode: 0, aggregatedOutput: "hello from the tool" });
    expect(items[2]).toMatchObject({ type: "agentMessage", text: "All done here." });
    const deltas = rec.events.filter((event) => event.method === "item/agentMessage/delta").map((event) => event.params["delta"]);
    expect(deltas.join("")).toBe("All done here.");
    const usage = rec.events.filter((event) => event.method === "thread/tokenUsage/updated").at(-1)?.params;
    expect(usage).toMatchObject({ threadId, turnId, tokenUsage: { last: { inputTokens: 40, outputTokens: 7 } } });
    // The model saw the command's output in its second request.
    expect(fx.mock.responsesRequests).toHaveLength(2);
    expect(JSON.stringify(fx.mock.responsesRequests[1]?.body)).toContain("hello from the tool");
  });
});

describe("message order on the wire", { timeout: 30_000 }, () => {
  it("answers thread/start, thread/fork and turn/start before the notifications they cause", async () => {
    const fx = await fixture();
    const server = await webSocketServer(fx);
    const socket = new WebSocket(server.url);
    defer(() => socket.terminate());
    const frames: Array<Record<string, unknown>> = [];
    const waiters: Array<() => void> = [];
    socket.on("message", (data) => {
      frames.push(JSON.parse(data.toString()));
      for (const wake of waiters.splice(0)) wake();
    });
    await within(new Promise((resolve) => socket.once("open", resolve)), WAIT_MS, "the socket to open");
    const frame = async (match: (value: Record<string, unknown>) => boolean, what: string) => {
      for (;;) {
        const index = frames.findIndex(match);
        if (index >= 0) return index;
        await within(new Promise<void>((resolve) => waiters.push(resolve)), WAIT_MS, what);
      }
    };
    socket.send(JSON.stringify({ id: 1, method: "initialize", params: { clientInfo: CLIENT_INFO } }));
    await frame((value) => value["id"] === 1, "the initialize answer");
    socket.send(JSON.stringify({ id: 2, method: "thread/start", params: { cwd: fx.workspace } }));
    const answer = await frame((value) => value["id"] === 2, "the thread/start answer");
    const announced = await frame((value) => value["method"] === "thread/started", "thread/started");
    expect(answer).toBeLessThan(announced);
    const threadId = (frames[answer]?.["result"] as { thread: { id: string } } | undefined)?.thread.id ?? "";
    expect(threadId).not.toBe("");
    socket.send(JSON.stringify({ id: 3, method: "thread/fork", params: { threadId } }));
    const forkAnswer = await frame((value) => value["id"] === 3, "the thread/fork answer");
    expect(frames[forkAnswer]).toHaveProperty("result");
    const forkAnnounced = await frame((value) => value["method"] === "thread/started" && frames.indexOf(value) > announced, "the fork's thread/started");
    expect(forkAnswer).toBeLessThan(forkAnnounced);

    fx.mock.enqueue(turn([message("ordered")]));
    socket.send(JSON.stringify({ id: 4, method: "turn/start", params: { threadId, input: [{ type: "text", text: "hi" }] } }));
    const turnAnswer = await frame((value) => value["id"] === 4, "the turn/start answer");
    const turnStarted = await frame((value) => value["method"] === "turn/started", "turn/started");
    const active = await frame(
      (value) => value["method"] === "thread/status/changed" && (value["params"] as { status: { type: string } }).status.type === "active",
      "the active status",
    );
    await frame((value) => value["method"] === "turn/completed", "turn/completed");
    expect(turnAnswer).toBeLessThan(active);
    expect(active).toBeLessThan(turnStarted);
  });
});
