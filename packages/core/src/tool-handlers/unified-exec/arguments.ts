import { ToolArguments } from "../arguments.js";

/** Values of `sandbox_permissions` on the command tools. */
export type SandboxPermissions = "use_default" | "require_escalated" | "with_additional_permissions";

export interface ApprovalArguments {
  sandboxPermissions: SandboxPermissions;
  justification: string | undefined;
  prefixRule: string[] | undefined;
}

export interface ExecCommandArguments extends ApprovalArguments {
  cmd: string;
  workdir: string | undefined;
  shell: string | undefined;
  login: boolean | undefined;
  tty: boolean;
  yieldTimeMs: number | undefined;
  maxOutputTokens: number | undefined;
}

export interface WriteStdinArguments {
  sessionId: number;
  chars: string;
  yieldTimeMs: number | undefined;
  maxOutputTokens: number | undefined;
}

/** Parses exec_command's JSON arguments (`workdir: ""` counts as absent). */
export function parseExecCommandArguments(argumentsJson: string): ExecCommandArguments {
  const args = ToolArguments.parse(argumentsJson, "failed to parse exec_command arguments");
  return {
    cmd: args.requiredString("cmd"),
    workdir: args.optionalString("workdir") || undefined,
    shell: args.optionalString("shell"),
    login: args.optionalBoolean("login"),
    tty: args.optionalBoolean("tty") ?? false,
    yieldTimeMs: args.unsignedInteger("yield_time_ms", undefined),
    maxOutputTokens: args.unsignedInteger("max_output_tokens", undefined, { nullable: true }),
    ...parseApprovalArguments(args),
  };
}

/** Parses write_stdin's JSON arguments; `chars` defaults to "" (a poll). */
export function parseWriteStdinArguments(argumentsJson: string): WriteStdinArguments {
  const args = ToolArguments.parse(argumentsJson, "failed to parse write_stdin arguments");
  return {
    sessionId: args.requiredInteger("session_id"),
    chars: args.optionalString("chars") ?? "",
    yieldTimeMs: args.unsignedInteger("yield_time_ms", undefined),
    maxOutputTokens: args.unsignedInteger("max_output_tokens", undefined, { nullable: true }),
  };
}

/** `sandbox_permissions`, `justification` and `prefix_rule`, shared by the command tools. */
export function parseApprovalArguments(args: ToolArguments): ApprovalArguments {
  const permissions = args.optionalString("sandbox_permissions") ?? "use_default";
  if (permissions !== "use_default" && permissions !== "require_escalated" && permissions !== "with_additional_permissions") {
    throw args.error(
      `unknown variant \`${permissions}\`, expected one of \`use_default\`, \`require_escalated\`, \`with_additional_permissions\``,
    );
  }
  const rule = args.raw("prefix_rule");
  let prefixRule: string[] | undefined;
  if (rule !== undefined && rule !== null) {
    if (!Array.isArray(rule) || rule.some((part) => typeof part !== "string")) {
      throw args.error("invalid type for `prefix_rule`, expected a sequence of strings");
    }
    prefixRule = rule as string[];
  }
  return { sandboxPermissions: permissions, justification: args.optionalString("justification"), prefixRule };
}
