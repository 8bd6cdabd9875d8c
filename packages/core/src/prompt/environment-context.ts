// The `<environment_context>` block and the permissions message that tell the model where and how it runs.
import { readlinkSync } from "node:fs";
import type { AskForApproval, SandboxPolicy } from "@codex-ts/protocol";

export interface EnvironmentContext {
  cwd: string;
  approvalPolicy: AskForApproval;
  sandboxPolicy: SandboxPolicy;
  /** Shell name, e.g. `bash`. */
  shell: string;
  now?: Date;
  timeZone?: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function sandboxModeName(policy: SandboxPolicy): string {
  switch (policy.type) {
    case "dangerFullAccess":
      return "danger-full-access";
    case "readOnly":
      return "read-only";
    case "workspaceWrite":
      return "workspace-write";
    case "externalSandbox":
      return "external-sandbox";
  }
}

export function networkAccessOf(policy: SandboxPolicy): boolean {
  if (policy.type === "dangerFullAccess") return true;
  if (policy.type === "externalSandbox") return policy.networkAccess === "enabled";
  return policy.networkAccess === true;
}

export function approvalPolicyName(policy: AskForApproval): string {
  return typeof policy === "string" ? policy : "granular";
}

function isoDate(now: Date, timeZone: string | undefined): string {
  if (timeZone !== undefined) {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  }
  // The local date without Intl, whose first use costs a noticeable part of a short run.
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The local time zone's name: `TZ`, else the `/etc/localtime` link target, else Intl's answer. */
export function localTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const tz = env["TZ"]?.replace(/^:/, "");
  if (tz && /^[A-Za-z_+\-/0-9]+$/.test(tz)) return tz;
  try {
    const target = readlinkSync("/etc/localtime");
    const at = target.indexOf("zoneinfo/");
    if (at >= 0) return target.slice(at + "zoneinfo/".length);
  } catch {
    // not a link (or no such file): ask Intl
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";
}

export function environmentContextText(context: EnvironmentContext): string {
  const timeZone = context.timeZone ?? localTimeZone();
  const now = context.now ?? new Date();
  const lines = [
    "<environment_context>",
    `  <cwd>${escapeXml(context.cwd)}</cwd>`,
    `  <approval_policy>${approvalPolicyName(context.approvalPolicy)}</approval_policy>`,
    `  <sandbox_mode>${sandboxModeName(context.sandboxPolicy)}</sandbox_mode>`,
    `  <network_access>${networkAccessOf(context.sandboxPolicy) ? "enabled" : "restricted"}</network_access>`,
  ];
  if (context.sandboxPolicy.type === "workspaceWrite" && (context.sandboxPolicy.writableRoots?.length ?? 0) > 0) {
    lines.push("  <writable_roots>");
    for (const root of context.sandboxPolicy.writableRoots ?? []) lines.push(`    <root>${escapeXml(root)}</root>`);
    lines.push("  </writable_roots>");
  }
  lines.push(
    `  <shell>${escapeXml(context.shell)}</shell>`,
    `  <current_date>${isoDate(now, context.timeZone)}</current_date>`,
    `  <timezone>${escapeXml(timeZone)}</timezone>`,
    "</environment_context>",
  );
  return lines.join("\n");
}

const SANDBOX_TEXT: Record<string, string> = {
  "read-only": "The sandbox only permits reading files. Commands that write files or use the network will fail.",
  "workspace-write":
    "The sandbox permits reading files anywhere and writing inside the workspace (the working directory and its writable roots). `.git` and `.codex` stay read-only.",
  "danger-full-access": "There is no sandbox: commands run with the user's full permissions. Be careful.",
  "external-sandbox": "Commands run inside a sandbox provided by the environment.",
};

const APPROVAL_TEXT: Record<string, string> = {
  untrusted:
    "Only known read-only commands run without asking; every other command is shown to the user for approval first.",
  "on-failure":
    "Commands run in the sandbox; when one fails because of the sandbox, the user is asked whether to run it again without it.",
  "on-request":
    "Commands run in the sandbox. When a command needs more (writing outside the workspace, network), run it with `sandbox_permissions` set to `require_escalated` and a short `justification`; the user is asked to approve.",
  never:
    "The user is never asked. Work within the sandbox; when something fails because of it, find another way or report it.",
  granular: "Approvals follow per-category rules set by the user.",
};

/** The developer message describing the sandbox and the approval policy. */
export function permissionsInstructionsText(sandboxPolicy: SandboxPolicy, approvalPolicy: AskForApproval): string {
  const mode = sandboxModeName(sandboxPolicy);
  const network = networkAccessOf(sandboxPolicy) ? "Network access is enabled." : "Network access is restricted.";
  const approval = approvalPolicyName(approvalPolicy);
  return [
    "<permissions instructions>",
    `Filesystem sandboxing: \`${mode}\`. ${SANDBOX_TEXT[mode] ?? ""} ${network}`,
    `Approval policy: \`${approval}\`. ${APPROVAL_TEXT[approval] ?? ""}`,
    "</permissions instructions>",
  ].join("\n");
}
