// Whether a command may run, must be approved first, or is refused — from the approval policy, the sandbox
// policy, the exec policy rules, the known-safe and dangerous command lists and earlier session approvals.
import type { AskForApproval, SandboxPolicy } from "@codex-ts/protocol";
import { type ExecPolicy, dangerousCommandReason, evaluateCommand, isKnownSafeCommand } from "@codex-ts/shell-command";

/** What the model asked for with `sandbox_permissions`. */
export type SandboxPermissions = "use_default" | "require_escalated";

export type ExecApprovalRequirement =
  /** Run now; `bypassSandbox` runs it without the sandbox (rules allowed it, or it was approved for that). */
  | { kind: "skip"; bypassSandbox: boolean }
  /** Ask the user; when approved, run without the sandbox if `bypassSandboxOnApproval`. */
  | { kind: "needsApproval"; reason: string | null; bypassSandboxOnApproval: boolean; proposedAmendment: string[] | null }
  /** Refuse; the reason goes back to the model. */
  | { kind: "forbidden"; reason: string };

export interface ExecApprovalInput {
  command: readonly string[];
  approvalPolicy: AskForApproval;
  sandboxPolicy: SandboxPolicy;
  sandboxPermissions: SandboxPermissions;
  justification: string | null;
  execPolicy: ExecPolicy | undefined;
  /** Commands approved "for session", keyed by `commandKey`. */
  approvedForSession: ReadonlySet<string>;
}

export function commandKey(command: readonly string[]): string {
  return JSON.stringify(command);
}

function policyMode(policy: AskForApproval): "untrusted" | "on-failure" | "on-request" | "never" {
  if (typeof policy === "string") return policy;
  return policy.granular.sandbox_approval ? "on-request" : "never";
}

/** True when the policy lets the user be asked at all. */
export function canAsk(policy: AskForApproval): boolean {
  return policyMode(policy) !== "never";
}

export function execApprovalRequirement(input: ExecApprovalInput): ExecApprovalRequirement {
  const mode = policyMode(input.approvalPolicy);
  const escalate = input.sandboxPermissions === "require_escalated";
  const key = commandKey(input.command);

  if (input.execPolicy) {
    const evaluation = evaluateCommand(input.execPolicy, input.command);
    if (evaluation.decision === "forbidden") {
      const rule = evaluation.matchedRules.find((match) => match.decision === "forbidden");
      const why = rule?.justification ? `: ${rule.justification}` : "";
      return { kind: "forbidden", reason: `execpolicy forbids this command${why}` };
    }
    if (evaluation.decision === "prompt") {
      if (input.approvedForSession.has(key)) return { kind: "skip", bypassSandbox: escalate };
      if (mode === "never") {
        return { kind: "forbidden", reason: "execpolicy requires approval for this command, but the approval policy is never" };
      }
      const rule = evaluation.matchedRules.find((match) => match.decision === "prompt");
      return {
        kind: "needsApproval",
        reason: rule?.justification ?? input.justification,
        bypassSandboxOnApproval: escalate,
        proposedAmendment: null,
      };
    }
    if (evaluation.decision === "allow" && evaluation.matchedRules.length > 0) {
      return { kind: "skip", bypassSandbox: true };
    }
  }

  if (input.approvedForSession.has(key)) return { kind: "skip", bypassSandbox: escalate };

  if (escalate && input.sandboxPolicy.type !== "dangerFullAccess") {
    if (mode === "never" || mode === "on-failure") {
      return {
        kind: "forbidden",
        reason: `approval policy is ${mode}; reject command — you should not ask for escalated permissions if the approval policy is ${mode}`,
      };
    }
    return {
      kind: "needsApproval",
      reason: input.justification,
      bypassSandboxOnApproval: true,
      proposedAmendment: proposedPrefix(input.command),
    };
  }

  const danger = dangerousCommandReason(input.command);
  if (danger !== undefined && mode !== "never") {
    return { kind: "needsApproval", reason: input.justification ?? danger, bypassSandboxOnApproval: false, proposedAmendment: null };
  }

  if (mode === "untrusted" && !isKnownSafeCommand(input.command)) {
    return {
      kind: "needsApproval",
      reason: input.justification,
      bypassSandboxOnApproval: false,
      proposedAmendment: proposedPrefix(input.command),
    };
  }
  return { kind: "skip", bypassSandbox: false };
}

/** Programs too broad to suggest as an always-allow prefix. */
const BROAD_PROGRAMS = new Set(["bash", "sh", "zsh", "python", "python3", "node", "git", "env", "sudo", "perl", "ruby"]);

/** A `prefix_rule` suggestion: the first two words of a plain command, unless too broad. */
function proposedPrefix(command: readonly string[]): string[] | null {
  const program = command[0];
  if (program === undefined || BROAD_PROGRAMS.has(program)) return null;
  return command.slice(0, Math.min(2, command.length));
}

/** When a sandboxed command failed because of the sandbox, may the user be asked to run it again without it? */
export function canRetryWithoutSandbox(policy: AskForApproval): boolean {
  const mode = policyMode(policy);
  return mode === "on-failure" || mode === "on-request" || mode === "untrusted";
}

const DENIAL_MARKERS = [
  "operation not permitted",
  "permission denied",
  "read-only file system",
  "seccomp",
  "sandbox",
  "landlock",
  "failed to write file",
  "network is unreachable",
  "could not resolve host",
  "temporary failure in name resolution",
];

/** Heuristic: did a sandboxed command fail because of the sandbox? */
export function looksLikeSandboxDenial(exitCode: number | null, output: string): boolean {
  if (exitCode === 0 || exitCode === null) return false;
  const lower = output.toLowerCase();
  return DENIAL_MARKERS.some((marker) => lower.includes(marker));
}
