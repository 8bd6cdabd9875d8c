import { ToolArguments } from "./arguments.js";
import { type ApprovalArguments, parseApprovalArguments } from "./unified-exec/arguments.js";

export interface ShellArguments extends ApprovalArguments {
  /** argv handed to execvp. */
  command: string[];
  workdir: string | undefined;
  timeoutMs: number | undefined;
}

export interface ShellCommandArguments extends ApprovalArguments {
  /** Script run in the user's shell. */
  command: string;
  workdir: string | undefined;
  login: boolean | undefined;
  timeoutMs: number | undefined;
}

/** Parses the legacy `shell` tool's JSON arguments. */
export function parseShellArguments(argumentsJson: string): ShellArguments {
  const args = ToolArguments.parse(argumentsJson);
  const command = args.raw("command");
  if (command === undefined) throw args.error("missing field `command`");
  if (!Array.isArray(command) || command.some((part) => typeof part !== "string")) {
    throw args.error("invalid type for `command`, expected a sequence of strings");
  }
  return {
    command: command as string[],
    workdir: args.optionalString("workdir") || undefined,
    timeoutMs: args.unsignedInteger("timeout_ms", undefined, { nullable: true }),
    ...parseApprovalArguments(args),
  };
}

/** Parses `shell_command`'s JSON arguments. */
export function parseShellCommandArguments(argumentsJson: string): ShellCommandArguments {
  const args = ToolArguments.parse(argumentsJson);
  return {
    command: args.requiredString("command"),
    workdir: args.optionalString("workdir") || undefined,
    login: args.optionalBoolean("login"),
    timeoutMs: args.unsignedInteger("timeout_ms", undefined, { nullable: true }),
    ...parseApprovalArguments(args),
  };
}
