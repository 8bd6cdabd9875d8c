import { readOnlySandboxPolicy, workspaceWriteSandboxPolicy, type AskForApproval, type SandboxPolicy } from "@codex-ts/protocol";
import { parseExecPolicy } from "@codex-ts/shell-command";
import { describe, expect, it } from "vitest";
import {
  canRetryWithoutSandbox,
  commandKey,
  execApprovalRequirement,
  looksLikeSandboxDenial,
  type ExecApprovalInput,
} from "./exec-approval.js";

const bash = (script: string) => ["bash", "-lc", script];

function requirement(command: string[], approvalPolicy: AskForApproval, extra: Partial<ExecApprovalInput> = {}) {
  const sandboxPolicy: SandboxPolicy = extra.sandboxPolicy ?? workspaceWriteSandboxPolicy();
  return execApprovalRequirement({
    command,
    approvalPolicy,
    sandboxPolicy,
    sandboxPermissions: "use_default",
    justification: null,
    execPolicy: undefined,
    approvedForSession: new Set(),
    ...extra,
  });
}

describe("execApprovalRequirement", () => {
  it("untrusted runs known-safe commands and asks for the rest", () => {
    expect(requirement(bash("ls -la && cat README.md"), "untrusted")).toEqual({ kind: "skip", bypassSandbox: false });
    expect(requirement(bash("npm test"), "untrusted")).toMatchObject({ kind: "needsApproval", bypassSandboxOnApproval: false });
  });

  it("on-request, on-failure and never run plain commands in the sandbox without asking", () => {
    for (const policy of ["on-request", "on-failure", "never"] as const) {
      expect(requirement(bash("npm test"), policy)).toEqual({ kind: "skip", bypassSandbox: false });
    }
  });

  it("an escalation request asks under on-request and is refused under never and on-failure", () => {
    const escalated = { sandboxPermissions: "require_escalated" as const, justification: "needs the network" };
    expect(requirement(["curl", "https://example.com"], "on-request", escalated)).toEqual({
      kind: "needsApproval",
      reason: "needs the network",
      bypassSandboxOnApproval: true,
      proposedAmendment: ["curl", "https://example.com"],
    });
    expect(requirement(["curl", "x"], "never", escalated)).toMatchObject({ kind: "forbidden" });
    expect(requirement(["curl", "x"], "on-failure", escalated)).toMatchObject({ kind: "forbidden" });
  });

  it("does not suggest broad prefixes for always-allow", () => {
    const escalated = { sandboxPermissions: "require_escalated" as const };
    expect(requirement(bash("git push"), "on-request", escalated)).toMatchObject({ proposedAmendment: null });
  });

  it("dangerous commands ask unless the policy never asks", () => {
    expect(requirement(["rm", "-rf", "/"], "on-request")).toMatchObject({ kind: "needsApproval" });
    expect(requirement(bash("git reset --hard"), "on-request")).toMatchObject({ kind: "needsApproval" });
    expect(requirement(["rm", "-rf", "/"], "never")).toEqual({ kind: "skip", bypassSandbox: false });
  });

  it("remembers commands approved for the session", () => {
    const command = bash("npm test");
    const approved = new Set([commandKey(command)]);
    expect(requirement(command, "untrusted", { approvedForSession: approved })).toEqual({ kind: "skip", bypassSandbox: false });
    expect(requirement(bash("npm run build"), "untrusted", { approvedForSession: approved })).toMatchObject({ kind: "needsApproval" });
  });

  it("exec policy rules forbid, prompt or allow", () => {
    const execPolicy = parseExecPolicy([
      {
        file: "test.rules",
        text: [
          'prefix_rule(pattern = ["rm"], decision = "forbidden", justification = "use trash")',
          'prefix_rule(pattern = ["git", "push"], decision = "prompt")',
          'prefix_rule(pattern = ["make"], decision = "allow")',
        ].join("\n"),
      },
    ]);
    expect(requirement(bash("rm x"), "never", { execPolicy })).toEqual({ kind: "forbidden", reason: "execpolicy forbids this command: use trash" });
    expect(requirement(bash("git push"), "on-request", { execPolicy })).toMatchObject({ kind: "needsApproval" });
    expect(requirement(bash("git push"), "never", { execPolicy })).toMatchObject({ kind: "forbidden" });
    expect(requirement(bash("make"), "untrusted", { execPolicy })).toEqual({ kind: "skip", bypassSandbox: true });
  });

  it("granular policies ask only when sandbox approval is enabled", () => {
    const granular = (sandbox_approval: boolean): AskForApproval => ({
      granular: { sandbox_approval, rules: true, mcp_elicitations: true, skill_approval: false, request_permissions: false },
    });
    const escalated = { sandboxPermissions: "require_escalated" as const };
    expect(requirement(["curl", "x"], granular(true), escalated)).toMatchObject({ kind: "needsApproval" });
    expect(requirement(["curl", "x"], granular(false), escalated)).toMatchObject({ kind: "forbidden" });
  });

  it("full access needs no escalation", () => {
    const escalated = { sandboxPermissions: "require_escalated" as const, sandboxPolicy: { type: "dangerFullAccess" as const } };
    expect(requirement(["curl", "x"], "never", escalated)).toEqual({ kind: "skip", bypassSandbox: false });
    expect(requirement(["cat", "x"], "never", { sandboxPolicy: readOnlySandboxPolicy() })).toEqual({ kind: "skip", bypassSandbox: false });
  });
});

describe("sandbox denial heuristics", () => {
  it("recognises typical sandbox failures only on non-zero exits", () => {
    expect(looksLikeSandboxDenial(1, "touch: cannot touch 'x': Read-only file system")).toBe(true);
    expect(looksLikeSandboxDenial(1, "bash: x: Permission denied")).toBe(true);
    expect(looksLikeSandboxDenial(0, "Permission denied")).toBe(false);
    expect(looksLikeSandboxDenial(1, "test failed: expected 2")).toBe(false);
  });

  it("asks to retry without the sandbox only when the policy allows asking", () => {
    expect(canRetryWithoutSandbox("on-failure")).toBe(true);
    expect(canRetryWithoutSandbox("on-request")).toBe(true);
    expect(canRetryWithoutSandbox("never")).toBe(false);
  });
});
