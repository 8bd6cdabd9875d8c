// Sandbox flags of `codex exec` (bubblewrap on Linux): what a command may write, checked on disk and in the
// output the model receives.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { functionCall, message, turn } from "@codex-ts/test-support";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupHarnesses, type ExecHarness, execHarness, inputOf, jsonEvents, readText, toolOutput, expectCode } from "./exec-harness.js";

afterAll(cleanupHarnesses);

/** The temp root lives under /tmp, which workspace-write leaves writable unless told otherwise. */
const NO_TMP = "\n[sandbox_workspace_write]\nexclude_slash_tmp = true\nexclude_tmpdir_env_var = true\n";

/** Scripts one command that writes `file`, then a final message. */
function scriptWrite(h: ExecHarness, file: string, callId = "call_write"): void {
  h.server.enqueue(
    turn([functionCall("exec_command", { cmd: `echo written > ${JSON.stringify(file)}` }, callId)]),
    turn([message("done")]),
  );
}

function commandItem(stdout: string): { exit_code?: number; status: string; aggregated_output: string } {
  const item = jsonEvents(stdout)
    .filter((event) => event.type === "item.completed")
    .map((event) => event["item"] as { type: string })
    .find((entry) => entry.type === "command_execution");
  if (!item) throw new Error(`no command item in\n${stdout}`);
  return item as never;
}

describe.concurrent("codex exec sandbox", { timeout: 40_000 }, () => {
  it("read-only (the default, and -s read-only) denies writes and reports the failure to the model", async () => {
    const h = await execHarness();
    const target = path.join(h.workspace, "denied.txt");
    scriptWrite(h, target, "call_default");
    scriptWrite(h, target, "call_flag");

    const byDefault = await h.run(["exec", "--json", "write"]);
    const byFlag = await h.run(["exec", "--json", "-s", "read-only", "write"]);

    for (const [run, callId] of [
      [byDefault, "call_default"],
      [byFlag, "call_flag"],
    ] as const) {
      expectCode(run, 0);
      const item = commandItem(run.stdout);
      expect(item.exit_code).not.toBe(0);
      expect(item.status).toBe("failed");
      expect(item.aggregated_output).toMatch(/Read-only file system|Permission denied|Operation not permitted/);
      const index = callId === "call_default" ? 1 : 3;
      const output = toolOutput(h.server.responsesRequests[index], callId);
      expect(output).toMatch(/Read-only file system|Permission denied|Operation not permitted/);
    }
    expect(await readText(target)).toBeUndefined();
    expect(JSON.stringify(inputOf(h.server.responsesRequests[2]))).toContain("<sandbox_mode>read-only</sandbox_mode>");
  });

  it("--full-auto writes in the workspace but not outside it", async () => {
    const h = await execHarness({ extraToml: NO_TMP });
    const inside = path.join(h.workspace, "inside.txt");
    const outside = path.join(h.root, "outside.txt");
    h.server.enqueue(
      turn([
        functionCall("exec_command", { cmd: `echo written > ${JSON.stringify(inside)}` }, "call_in"),
        functionCall("exec_command", { cmd: `echo written > ${JSON.stringify(outside)}` }, "call_out"),
      ]),
      turn([message("done")]),
    );

    const run = await h.run(["exec", "--json", "--full-auto", "write"]);

    expectCode(run, 0);
    expect(await readText(inside)).toBe("written\n");
    expect(await readText(outside)).toBeUndefined();
    expect(toolOutput(h.server.responsesRequests[1], "call_out")).toMatch(/Read-only file system|Permission denied/);
    expect(JSON.stringify(inputOf(h.server.responsesRequests[0]))).toContain("<sandbox_mode>workspace-write</sandbox_mode>");
  });

  it("-s workspace-write keeps .git read-only", async () => {
    const h = await execHarness();
    const hook = path.join(h.workspace, ".git", "hooks", "planted");
    scriptWrite(h, hook);
    const run = await h.run(["exec", "--json", "-s", "workspace-write", "write"]);
    expectCode(run, 0);
    expect(commandItem(run.stdout).exit_code).not.toBe(0);
    expect(await readText(hook)).toBeUndefined();
  });

  it("--add-dir makes another directory writable", async () => {
    const h = await execHarness({ extraToml: NO_TMP });
    const extra = path.join(h.root, "extra");
    await mkdir(extra);
    const target = path.join(extra, "added.txt");
    scriptWrite(h, target, "call_without");
    scriptWrite(h, target, "call_with");

    const without = await h.run(["exec", "--json", "--full-auto", "write"]);
    expectCode(without, 0);
    expect(await readText(target)).toBeUndefined();

    const withDir = await h.run(["exec", "--json", "--full-auto", "--add-dir", "../extra", "write"]);
    expectCode(withDir, 0);
    expect(commandItem(withDir.stdout).exit_code).toBe(0);
    expect(await readText(target)).toBe("written\n");
  });

  it("--dangerously-bypass-approvals-and-sandbox and --yolo write anywhere", async () => {
    const h = await execHarness();
    const first = path.join(h.root, "bypass.txt");
    const second = path.join(h.root, "yolo.txt");
    scriptWrite(h, first, "call_bypass");
    scriptWrite(h, second, "call_yolo");

    const bypass = await h.run(["exec", "--json", "--dangerously-bypass-approvals-and-sandbox", "write"]);
    const yolo = await h.run(["exec", "--json", "--yolo", "write"]);

    expect([bypass.code, yolo.code]).toEqual([0, 0]);
    expect(await readText(first)).toBe("written\n");
    expect(await readText(second)).toBe("written\n");
    const context = JSON.stringify(inputOf(h.server.responsesRequests[2]));
    expect(context).toContain("<sandbox_mode>danger-full-access</sandbox_mode>");
    expect(context).toContain("<approval_policy>never</approval_policy>");
  });

  it("exec resume applies the sandbox flags of the resuming run", async () => {
    const h = await execHarness();
    const target = path.join(h.workspace, "resumed.txt");
    await resumeWithFullAuto(h, target);
    expect(await readText(target)).toBe("written\n");
  });

  it("exec resume tells the model about the changed sandbox mode", async () => {
    const h = await execHarness();
    await resumeWithFullAuto(h, path.join(h.workspace, "resumed.txt"));
    const input = JSON.stringify(inputOf(h.server.responsesRequests[1]));
    expect(input.lastIndexOf("<sandbox_mode>workspace-write</sandbox_mode>")).toBeGreaterThan(input.lastIndexOf("<sandbox_mode>read-only"));
  });

  it.each([
    ["never", [] as string[], /approval policy is never/],
    ["on-request", ["-c", 'approval_policy="on-request"'], /rejected by user/],
  ])("an escalation request under approval policy %s is declined and nothing runs", async (policy, flags, reason) => {
    const h = await execHarness();
    const target = path.join(h.workspace, "escalated.txt");
    h.server.enqueue(
      turn([
        functionCall(
          "exec_command",
          { cmd: `echo escalated > ${JSON.stringify(target)}`, sandbox_permissions: "require_escalated", justification: "Write it?" },
          "call_escalate",
        ),
      ]),
      turn([message("done")]),
    );

    const run = await h.run(["exec", "--json", ...flags, "escalate"]);

    expectCode(run, 0);
    expect(await readText(target)).toBeUndefined();
    expect(commandItem(run.stdout).status).toBe("declined");
    expect(toolOutput(h.server.responsesRequests[1], "call_escalate")).toMatch(reason);
    // `-c approval_policy` reaches the thread (the SDK passes it that way); otherwise exec uses never.
    expect(JSON.stringify(inputOf(h.server.responsesRequests[0]))).toContain(`<approval_policy>${policy}</approval_policy>`);
  });

  it("-s danger-full-access writes outside the workspace", async () => {
    const h = await execHarness();
    const target = path.join(h.root, "full.txt");
    scriptWrite(h, target);
    const run = await h.run(["exec", "-s", "danger-full-access", "write"]);
    expectCode(run, 0);
    expect(await readText(target)).toBe("written\n");
  });
});

/** Starts a read-only session, then resumes it with --full-auto and a command writing `target`. */
async function resumeWithFullAuto(h: ExecHarness, target: string): Promise<void> {
  h.server.enqueue(turn([message("started read-only")]));
  scriptWrite(h, target, "call_resumed");
  const first = await h.run(["exec", "--json", "start"]);
  expectCode(first, 0);
  const threadId = String(jsonEvents(first.stdout)[0]?.["thread_id"]);
  const resumed = await h.run(["exec", "--json", "resume", threadId, "--full-auto", "write now"]);
  expectCode(resumed, 0);
  expect(commandItem(resumed.stdout).exit_code).toBe(0);
}
