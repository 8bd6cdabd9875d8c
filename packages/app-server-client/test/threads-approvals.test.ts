// Approval server requests under each approval policy, answered by the client: which commands ask, what each
// decision does to the command and the turn, serverRequest/resolved after every answer, and file-change
// approval for a patch outside the workspace.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { customToolCall, functionCall, message, turn } from "@codex-ts/test-support";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";
import {
  type Fixture,
  type Recorded,
  callOutput,
  fixture,
  inProcessServer,
  initialized,
  startThread,
  startTurn,
  type ThreadStartOverrides,
  turnCompleted,
} from "./support/thread-harness.js";

const APPROVAL = "item/commandExecution/requestApproval";
const FILE_APPROVAL = "item/fileChange/requestApproval";

async function session(overrides: ThreadStartOverrides): Promise<{ fx: Fixture; rec: Recorded; threadId: string }> {
  const fx = await fixture();
  const rec = await initialized(inProcessServer(fx).connect());
  const { threadId } = await startThread(rec, fx, overrides);
  return { fx, rec, threadId };
}

function shell(command: string[], callId: string, extra: Record<string, unknown> = {}) {
  return functionCall("shell", { command, ...extra }, callId);
}

function completedItem(rec: Recorded, itemId: string): Record<string, unknown> | undefined {
  return rec.events.find((event) => event.method === "item/completed" && (event.params["item"] as { id: string }).id === itemId)?.params["item"] as
    | Record<string, unknown>
    | undefined;
}

/** Answers the next approval request with `decision`; checks the params and that it was resolved. */
async function answerNext(rec: Recorded, method: string, decision: string, expected: Record<string, unknown> = {}) {
  const request = await rec.nextRequest(method);
  expect(request.params).toMatchObject(expected);
  rec.answer(request.id, { decision });
  const resolved = await rec.waitFor("serverRequest/resolved", (params) => params.requestId === request.id);
  expect(resolved.threadId).toBe(request.params["threadId"]);
  return request;
}

/** Keeps /tmp (where the test directories live) out of the writable roots, so a sibling directory is outside. */
const NO_SLASH_TMP = { "sandbox_workspace_write.exclude_slash_tmp": true, "sandbox_workspace_write.exclude_tmpdir_env_var": true };

describe("approvals", { timeout: 20_000 }, () => {
  it("untrusted: asks before a command that is not known safe, never before `ls`; accept runs it", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: "untrusted", sandbox: "workspace-write" });
    fx.mock.enqueue(
      turn([shell(["ls"], "call_ls")]),
      turn([shell(["touch", "made.txt"], "call_touch")]),
      turn([message("done")]),
    );
    const turnId = await startTurn(rec, threadId, "go");
    const request = await answerNext(rec, APPROVAL, "accept", {
      threadId,
      turnId,
      itemId: "call_touch",
      command: "touch made.txt",
      cwd: fx.workspace,
    });
    expect(rec.requests).toHaveLength(1);
    expect(request.params["itemId"]).toBe("call_touch");
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(completedItem(rec, "call_ls")).toMatchObject({ status: "completed", exitCode: 0 });
    expect(completedItem(rec, "call_touch")).toMatchObject({ status: "completed", exitCode: 0 });
    expect(existsSync(path.join(fx.workspace, "made.txt"))).toBe(true);
  });

  it("shows waitingOnApproval in the thread status while a request is pending", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: "untrusted", sandbox: "workspace-write" });
    fx.mock.enqueue(turn([shell(["touch", "x"], "call_x")]), turn([message("ok")]));
    const turnId = await startTurn(rec, threadId, "go");
    await rec.nextRequest(APPROVAL);
    await rec.waitFor("thread/status/changed", (params) => params.status.type === "active" && params.status.activeFlags.includes("waitingOnApproval"));
    await answerNext(rec, APPROVAL, "accept");
    await turnCompleted(rec, turnId);
  });

  it("on-request: asks for a call that requires escalation (with its justification), not for a plain one", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: "on-request", sandbox: "workspace-write" });
    const outside = await tempDir("codex-outside-");
    const target = path.join(outside, "escalated.txt");
    fx.mock.enqueue(
      turn([shell(["sh", "-c", "echo plain > plain.txt"], "call_plain")]),
      turn([shell(["sh", "-c", `echo esc > ${target}`], "call_esc", { sandbox_permissions: "require_escalated", justification: "needs to write outside" })]),
      turn([message("done")]),
    );
    const turnId = await startTurn(rec, threadId, "go");
    await answerNext(rec, APPROVAL, "accept", { itemId: "call_esc", reason: "needs to write outside" });
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(rec.requests.map((request) => request.params["itemId"])).toEqual(["call_esc"]);
    expect(await readFile(path.join(fx.workspace, "plain.txt"), "utf8")).toBe("plain\n");
    expect(await readFile(target, "utf8")).toBe("esc\n");
  });

  it("on-failure: a command the sandbox denied asks to run again without it", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: null, sandbox: "read-only", config: { approval_policy: "on-failure" } });
    fx.mock.enqueue(turn([shell(["touch", "denied.txt"], "call_denied")]), turn([message("done")]));
    const turnId = await startTurn(rec, threadId, "go");
    await answerNext(rec, APPROVAL, "accept", { itemId: "call_denied", command: "touch denied.txt", reason: expect.stringContaining("sandbox") });
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(completedItem(rec, "call_denied")).toMatchObject({ status: "completed", exitCode: 0 });
    expect(existsSync(path.join(fx.workspace, "denied.txt"))).toBe(true);
  });

  it("never: never asks; an escalation is refused with a message to the model", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: "never", sandbox: "workspace-write" });
    fx.mock.enqueue(
      turn([shell(["touch", "fine.txt"], "call_fine")]),
      turn([shell(["touch", "esc.txt"], "call_esc", { sandbox_permissions: "require_escalated", justification: "please" })]),
      turn([message("done")]),
    );
    const turnId = await startTurn(rec, threadId, "go");
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(rec.requests).toEqual([]);
    expect(completedItem(rec, "call_fine")).toMatchObject({ status: "completed" });
    expect(completedItem(rec, "call_esc")).toMatchObject({ status: "declined" });
    expect(callOutput(fx.mock, 2, "call_esc")).toContain("approval policy is never");
    expect(existsSync(path.join(fx.workspace, "esc.txt"))).toBe(false);
  });

  it("decline: the command does not run, its item is declined and the model is told", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: "untrusted", sandbox: "workspace-write" });
    fx.mock.enqueue(turn([shell(["touch", "nope.txt"], "call_nope")]), turn([message("understood")]));
    const turnId = await startTurn(rec, threadId, "go");
    await answerNext(rec, APPROVAL, "decline");
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(completedItem(rec, "call_nope")).toMatchObject({ status: "declined" });
    expect(callOutput(fx.mock, 1, "call_nope")).toContain("rejected by user");
    expect(existsSync(path.join(fx.workspace, "nope.txt"))).toBe(false);
  });

  it("acceptForSession: the same command is not asked again", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: "untrusted", sandbox: "workspace-write" });
    fx.mock.enqueue(
      turn([shell(["touch", "again.txt"], "call_first")]),
      turn([shell(["touch", "again.txt"], "call_second")]),
      turn([message("done")]),
    );
    const turnId = await startTurn(rec, threadId, "go");
    await answerNext(rec, APPROVAL, "acceptForSession");
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(rec.requests).toHaveLength(1);
    expect(completedItem(rec, "call_second")).toMatchObject({ status: "completed", exitCode: 0 });
    // And in a later turn of the same thread.
    fx.mock.enqueue(turn([shell(["touch", "again.txt"], "call_third")]), turn([message("done")]));
    const next = await startTurn(rec, threadId, "again");
    expect((await turnCompleted(rec, next)).status).toBe("completed");
    expect(rec.requests).toHaveLength(1);
  });

  it("cancel: the turn ends interrupted", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: "untrusted", sandbox: "workspace-write" });
    fx.mock.enqueue(turn([shell(["touch", "cancelled.txt"], "call_cancel")]));
    const turnId = await startTurn(rec, threadId, "go");
    await answerNext(rec, APPROVAL, "cancel");
    expect((await turnCompleted(rec, turnId)).status).toBe("interrupted");
    expect(existsSync(path.join(fx.workspace, "cancelled.txt"))).toBe(false);
    expect(fx.mock.responsesRequests).toHaveLength(1);
    await rec.waitFor("thread/status/changed", (params) => params.status.type === "idle");
  });

  it("fileChange: a patch outside the workspace asks; accept applies it and reports the diff", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: "on-request", sandbox: "workspace-write", config: NO_SLASH_TMP });
    const outside = await tempDir("codex-outside-");
    const target = path.join(outside, "note.txt");
    const patch = ["*** Begin Patch", `*** Add File: ${target}`, "+hello outside", "*** End Patch"].join("\n");
    fx.mock.enqueue(turn([customToolCall("apply_patch", patch, "call_patch")]), turn([message("patched")]));
    const turnId = await startTurn(rec, threadId, "patch it");
    await answerNext(rec, FILE_APPROVAL, "accept", { threadId, turnId, itemId: "call_patch" });
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(await readFile(target, "utf8")).toBe("hello outside\n");
    const started = rec.events.find((event) => event.method === "item/started" && (event.params["item"] as { id: string }).id === "call_patch");
    expect(started?.params["item"]).toMatchObject({ type: "fileChange", status: "inProgress", changes: [{ path: target, kind: { type: "add" } }] });
    expect(completedItem(rec, "call_patch")).toMatchObject({ type: "fileChange", status: "completed" });
    const diff = await rec.waitFor("turn/diff/updated");
    expect(diff).toMatchObject({ threadId, turnId });
    expect(diff.diff).toContain("+hello outside");
    expect(callOutput(fx.mock, 1, "call_patch")).toContain("note.txt");
  });

  it("fileChange: decline leaves the file alone and tells the model", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: "on-request", sandbox: "workspace-write", config: NO_SLASH_TMP });
    const outside = await tempDir("codex-outside-");
    const target = path.join(outside, "note.txt");
    const patch = ["*** Begin Patch", `*** Add File: ${target}`, "+no", "*** End Patch"].join("\n");
    fx.mock.enqueue(turn([customToolCall("apply_patch", patch, "call_patch")]), turn([message("ok")]));
    const turnId = await startTurn(rec, threadId, "patch it");
    await answerNext(rec, FILE_APPROVAL, "decline");
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(existsSync(target)).toBe(false);
    expect(completedItem(rec, "call_patch")).toMatchObject({ status: "declined" });
    expect(callOutput(fx.mock, 1, "call_patch")).toContain("rejected");
  });

  it("fileChange acceptForSession: a second patch in the same directory is not asked again", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: "on-request", sandbox: "workspace-write", config: NO_SLASH_TMP });
    const outside = await tempDir("codex-outside-");
    const add = (name: string) => ["*** Begin Patch", `*** Add File: ${path.join(outside, name)}`, `+${name}`, "*** End Patch"].join("\n");
    fx.mock.enqueue(
      turn([customToolCall("apply_patch", add("one.txt"), "call_one")]),
      turn([customToolCall("apply_patch", add("two.txt"), "call_two")]),
      turn([message("both")]),
    );
    const turnId = await startTurn(rec, threadId, "two patches");
    await answerNext(rec, FILE_APPROVAL, "acceptForSession", { itemId: "call_one" });
    expect((await turnCompleted(rec, turnId)).status).toBe("completed");
    expect(rec.requests).toHaveLength(1);
    expect(await readFile(path.join(outside, "two.txt"), "utf8")).toBe("two.txt\n");
  });

  it("fileChange cancel: the turn ends interrupted and nothing is written", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: "on-request", sandbox: "workspace-write", config: NO_SLASH_TMP });
    const outside = await tempDir("codex-outside-");
    const target = path.join(outside, "never.txt");
    fx.mock.enqueue(turn([customToolCall("apply_patch", ["*** Begin Patch", `*** Add File: ${target}`, "+x", "*** End Patch"].join("\n"), "call_p")]));
    const turnId = await startTurn(rec, threadId, "patch");
    await answerNext(rec, FILE_APPROVAL, "cancel");
    expect((await turnCompleted(rec, turnId)).status).toBe("interrupted");
    expect(existsSync(target)).toBe(false);
  });

  it("an approval policy given to turn/start applies from that turn on", async () => {
    const { fx, rec, threadId } = await session({ approvalPolicy: "never", sandbox: "workspace-write" });
    fx.mock.enqueue(turn([shell(["touch", "quiet.txt"], "call_quiet")]), turn([message("ok")]));
    await turnCompleted(rec, await startTurn(rec, threadId, "first"));
    expect(rec.requests).toHaveLength(0);
    fx.mock.enqueue(turn([shell(["touch", "asked.txt"], "call_asked")]), turn([message("ok")]));
    const { turn: second } = await rec.client.request("turn/start", { threadId, input: [{ type: "text", text: "second" }], approvalPolicy: "untrusted" });
    await answerNext(rec, APPROVAL, "accept", { itemId: "call_asked" });
    await turnCompleted(rec, second.id);
    fx.mock.enqueue(turn([shell(["touch", "again.txt"], "call_again")]), turn([message("ok")]));
    const third = await startTurn(rec, threadId, "third");
    await answerNext(rec, APPROVAL, "accept", { itemId: "call_again" });
    await turnCompleted(rec, third);
    expect((await rec.client.request("thread/read", { threadId })).thread.id).toBe(threadId);
  });
});
