import { type JsonSchema, schema } from "./json-schema.js";
import { type FunctionToolSpec, functionTool } from "./tool-spec.js";

export const EXEC_COMMAND_TOOL_NAME = "exec_command";
export const WRITE_STDIN_TOOL_NAME = "write_stdin";
export const SHELL_TOOL_NAME = "shell";
export const SHELL_COMMAND_TOOL_NAME = "shell_command";

/** Values of the `sandbox_permissions` argument on shell-like tools. */
export const SANDBOX_PERMISSIONS_VALUES = ["use_default", "require_escalated", "with_additional_permissions"] as const;
export type SandboxPermissionsValue = (typeof SANDBOX_PERMISSIONS_VALUES)[number];

export interface CommandToolOptions {
  /** Offer the `login` argument (upstream hides it when login shells are not allowed). Default true. */
  allowLoginShell?: boolean;
  /** Offer `with_additional_permissions` and the `additional_permissions` profile. Default false. */
  execPermissionApprovals?: boolean;
}

export interface ShellToolOptions {
  execPermissionApprovals?: boolean;
}

const YIELD_TIME = "Milliseconds to wait for output before returning control.";
const MAX_OUTPUT_TOKENS = "Upper bound on the number of output tokens returned; longer output is truncated.";

function permissionProfileSchema(): JsonSchema {
  return schema.object({
    network: schema.object({ enabled: schema.boolean("Set true to ask for network access.") }),
    file_system: schema.object({
      read: schema.array(schema.string(), "Absolute paths that need read access."),
      write: schema.array(schema.string(), "Absolute paths that need write access."),
    }),
  });
}

/** The approval arguments shared by `shell`, `shell_command` and `exec_command`. */
export function approvalParameters(execPermissionApprovals = false): Record<string, JsonSchema> {
  const sandboxDescription = execPermissionApprovals
    ? 'How the command uses the sandbox: "use_default" (the default), "with_additional_permissions" to ask for ' +
      'extra sandboxed filesystem or network access (preferred), or "require_escalated" to ask to run outside ' +
      "the sandbox."
    : 'How the command uses the sandbox: "use_default" (the default) or "require_escalated" to ask to run ' +
      "outside the sandbox.";
  const properties: Record<string, JsonSchema> = {
    sandbox_permissions: schema.string(sandboxDescription),
    justification: schema.string(
      'Set only with sandbox_permissions "require_escalated": a short question for the user explaining why the ' +
        "command must run outside the sandbox.",
    ),
    prefix_rule: schema.array(
      schema.string(),
      'Set only with sandbox_permissions "require_escalated": a short command prefix (for example ["git", "pull"]) ' +
        "the user could allow for similar future requests.",
    ),
  };
  if (execPermissionApprovals) properties["additional_permissions"] = permissionProfileSchema();
  return properties;
}

/** Unified exec: start a command (optionally in a PTY) and get its output or a session id. */
export function createExecCommandTool(options: CommandToolOptions = {}): FunctionToolSpec {
  const properties: Record<string, JsonSchema> = {
    cmd: schema.string("The shell command to run."),
    workdir: schema.string("Working directory for the command; the turn's cwd when omitted."),
    shell: schema.string("Shell binary to use; the user's default shell when omitted."),
    tty: schema.boolean("Allocate a PTY for the command. Defaults to false (plain pipes)."),
    yield_time_ms: schema.number(YIELD_TIME),
    max_output_tokens: schema.number(MAX_OUTPUT_TOKENS),
  };
  if (options.allowLoginShell ?? true) {
    properties["login"] = schema.boolean("Run the shell as a login shell (-l). Defaults to true.");
  }
  Object.assign(properties, approvalParameters(options.execPermissionApprovals));
  return functionTool(
    EXEC_COMMAND_TOOL_NAME,
    "Starts a command and returns its output, or a session id to keep interacting with it if it is still running.",
    schema.object(sortKeys(properties), ["cmd"]),
  );
}

/** Unified exec: write to (or just poll) a running session. */
export function createWriteStdinTool(): FunctionToolSpec {
  return functionTool(
    WRITE_STDIN_TOOL_NAME,
    "Sends characters to the stdin of a running exec_command session and returns the output produced since.",
    schema.object(
      {
        chars: schema.string("Characters to write; leave empty to only poll for new output."),
        max_output_tokens: schema.number(MAX_OUTPUT_TOKENS),
        session_id: schema.number("Id of the running session, as returned by exec_command."),
        yield_time_ms: schema.number(YIELD_TIME),
      },
      ["session_id"],
    ),
  );
}

/** The legacy `shell` tool: an argv array passed to execvp. */
export function createShellTool(options: ShellToolOptions = {}): FunctionToolSpec {
  const properties: Record<string, JsonSchema> = {
    command: schema.array(schema.string(), "The command and its arguments."),
    workdir: schema.string("Working directory for the command."),
    timeout_ms: schema.number("Timeout for the command, in milliseconds."),
    ...approvalParameters(options.execPermissionApprovals),
  };
  return functionTool(
    SHELL_TOOL_NAME,
    "Runs a command and returns its output.\n" +
      '- `command` is an argv array handed to execvp(); wrap shell syntax as ["bash", "-lc", "..."].\n' +
      "- Always pass `workdir` instead of changing directory with `cd`.",
    schema.object(sortKeys(properties), ["command"]),
  );
}

/** `shell_command`: a script string run in the user's default shell. */
export function createShellCommandTool(options: CommandToolOptions = {}): FunctionToolSpec {
  const properties: Record<string, JsonSchema> = {
    command: schema.string("The script to run in the user's default shell."),
    workdir: schema.string("Working directory for the command."),
    timeout_ms: schema.number("Timeout for the command, in milliseconds."),
  };
  if (options.allowLoginShell ?? true) {
    properties["login"] = schema.boolean("Run the shell as a login shell. Defaults to true.");
  }
  Object.assign(properties, approvalParameters(options.execPermissionApprovals));
  return functionTool(
    SHELL_COMMAND_TOOL_NAME,
    "Runs a shell script and returns its output.\n- Always pass `workdir` instead of changing directory with `cd`.",
    schema.object(sortKeys(properties), ["command"]),
  );
}

/** Upstream keeps properties in a sorted map, so the JSON lists them alphabetically. */
export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
