// Dispatches the model's tool calls to their handlers and wraps the results as the output items sent back.
import type { ResponseItem } from "@codex-ts/protocol";
import {
  ToolCallError,
  loadImageForModel,
  parseUpdatePlanArguments,
  runGrepFiles,
  runListDir,
  runReadFile,
  shellCommandArgv,
} from "../tool-handlers/index.js";
import type { SandboxPermissions } from "../approvals/exec-approval.js";
import { mcpResultText } from "../mcp-tools.js";
import { runExecCommand, runShellCommand, runWriteStdin } from "./command-runner.js";
import { runApplyPatch } from "./patch-runner.js";
import { TurnCancelledError, type TurnContext } from "./turn-context.js";

/** A call the model made, normalised over the three call item types. */
export type ToolCall =
  | { kind: "function"; callId: string; name: string; arguments: string }
  | { kind: "custom"; callId: string; name: string; input: string }
  | { kind: "local_shell"; callId: string; command: string[]; workdir: string | undefined; timeoutMs: number | undefined };

/** Tools safe to run alongside each other in one response. */
const PARALLEL_SAFE = new Set(["read_file", "list_dir", "grep_files", "view_image", "exec_command", "shell", "shell_command"]);

export function toolCallOf(item: ResponseItem): ToolCall | undefined {
  switch (item.type) {
    case "function_call":
      return { kind: "function", callId: item.call_id, name: item.name, arguments: item.arguments };
    case "custom_tool_call":
      return { kind: "custom", callId: item.call_id, name: item.name, input: item.input };
    case "local_shell_call":
      return {
        kind: "local_shell",
        callId: item.call_id ?? item.id ?? "",
        command: item.action.command,
        workdir: item.action.working_directory ?? undefined,
        timeoutMs: item.action.timeout_ms ?? undefined,
      };
    default:
      return undefined;
  }
}

export function isParallelSafe(call: ToolCall): boolean {
  return call.kind !== "custom" && call.kind !== "local_shell" && PARALLEL_SAFE.has(call.name);
}

function parseArgs(json: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ToolCallError(`failed to parse function arguments: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ToolCallError("failed to parse function arguments: expected a JSON object");
  }
  return value as Record<string, unknown>;
}

function str(args: Record<string, unknown>, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new ToolCallError(`failed to parse function arguments: \`${key}\` must be a string`);
  return value;
}

function num(args: Record<string, unknown>, key: string): number | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ToolCallError(`failed to parse function arguments: \`${key}\` must be a number`);
  }
  return value;
}

function permissions(args: Record<string, unknown>): SandboxPermissions {
  return args["sandbox_permissions"] === "require_escalated" ? "require_escalated" : "use_default";
}

function userShell(env: NodeJS.ProcessEnv): string {
  return env["SHELL"] && env["SHELL"] !== "" ? env["SHELL"] : "/bin/bash";
}

async function runFunction(ctx: TurnContext, call: Extract<ToolCall, { kind: "function" }>): Promise<string | ResponseItem> {
  switch (call.name) {
    case "shell":
    case "container.exec": {
      const args = parseArgs(call.arguments);
      const command = args["command"];
      if (!Array.isArray(command) || command.length === 0 || !command.every((w) => typeof w === "string")) {
        throw new ToolCallError("failed to parse function arguments: `command` must be a non-empty array of strings");
      }
      return runShellCommand(
        ctx,
        { callId: call.callId, argv: command as string[], workdir: str(args, "workdir"), sandboxPermissions: permissions(args), justification: str(args, "justification") ?? null },
        num(args, "timeout_ms"),
      );
    }
    case "shell_command": {
      const args = parseArgs(call.arguments);
      const command = str(args, "command");
      if (command === undefined) throw new ToolCallError("failed to parse function arguments: missing field `command`");
      const login = args["login"] !== false;
      const argv = shellCommandArgv({ command, shell: userShell(ctx.env), login });
      return runShellCommand(
        ctx,
        { callId: call.callId, argv, workdir: str(args, "workdir"), sandboxPermissions: permissions(args), justification: str(args, "justification") ?? null },
        num(args, "timeout_ms"),
      );
    }
    case "exec_command": {
      const args = parseArgs(call.arguments);
      const cmd = str(args, "cmd");
      if (cmd === undefined) throw new ToolCallError("failed to parse function arguments: missing field `cmd`");
      const argv = shellCommandArgv({ command: cmd, shell: str(args, "shell") ?? userShell(ctx.env), login: args["login"] !== false });
      return runExecCommand(ctx, {
        callId: call.callId,
        argv,
        workdir: str(args, "workdir"),
        sandboxPermissions: permissions(args),
        justification: str(args, "justification") ?? null,
        tty: args["tty"] === true,
        yieldTimeMs: num(args, "yield_time_ms"),
        maxOutputTokens: num(args, "max_output_tokens"),
      });
    }
    case "write_stdin": {
      const args = parseArgs(call.arguments);
      const sessionId = num(args, "session_id");
      if (sessionId === undefined) throw new ToolCallError("failed to parse function arguments: missing field `session_id`");
      return runWriteStdin(ctx, {
        sessionId,
        chars: str(args, "chars") ?? "",
        yieldTimeMs: num(args, "yield_time_ms"),
        maxOutputTokens: num(args, "max_output_tokens"),
      });
    }
    case "apply_patch": {
      const args = parseArgs(call.arguments);
      const input = str(args, "input");
      if (input === undefined) throw new ToolCallError("failed to parse function arguments: missing field `input`");
      return (await runApplyPatch(ctx, call.callId, input)).output;
    }
    case "update_plan": {
      const { explanation, plan } = parseUpdatePlanArguments(call.arguments);
      ctx.emit({ type: "plan_updated", turnId: ctx.turnId, explanation, plan });
      return "Plan updated";
    }
    case "read_file":
      return runReadFile(call.arguments);
    case "list_dir":
      return runListDir(call.arguments);
    case "grep_files":
      return runGrepFiles(call.arguments, { cwd: ctx.config.cwd, signal: ctx.signal });
    case "view_image": {
      const image = await loadImageForModel(call.arguments, { cwd: ctx.config.cwd });
      const id = `${call.callId}-image`;
      ctx.emit({ type: "item_started", turnId: ctx.turnId, item: { type: "imageView", id, path: image.path }, atMs: Date.now() });
      ctx.emit({ type: "item_completed", turnId: ctx.turnId, item: { type: "imageView", id, path: image.path }, atMs: Date.now() });
      ctx.pendingImages.push({ type: "input_image", image_url: image.imageUrl });
      return "attached local image path";
    }
    default: {
      const mcp = ctx.mcpTools.lookup(call.name);
      if (mcp) return runMcpToolCall(ctx, call.callId, mcp.serverName, mcp.toolName, call.arguments);
      throw new ToolCallError(`unsupported call: ${call.name}`);
    }
  }
}

async function runMcpToolCall(ctx: TurnContext, callId: string, server: string, tool: string, argumentsJson: string): Promise<string> {
  const args = argumentsJson.trim() === "" ? {} : parseArgs(argumentsJson);
  const started = Date.now();
  const item = {
    type: "mcpToolCall" as const,
    id: callId,
    server,
    tool,
    status: "inProgress" as const,
    arguments: args,
    result: null,
    error: null,
    durationMs: null,
  };
  ctx.emit({ type: "item_started", turnId: ctx.turnId, item, atMs: started });
  try {
    const source = ctx.mcpTools.source;
    if (!source) throw new Error("no MCP servers are connected");
    const result = await source.callTool(server, tool, args, { signal: ctx.signal });
    const { isError, ...body } = result;
    ctx.emit({
      type: "item_completed",
      turnId: ctx.turnId,
      item: { ...item, status: isError ? "failed" : "completed", result: body, durationMs: Date.now() - started },
      atMs: Date.now(),
    });
    return mcpResultText(body);
  } catch (error) {
    const message = (error as Error).message;
    ctx.emit({
      type: "item_completed",
      turnId: ctx.turnId,
      item: { ...item, status: "failed", error: { message }, durationMs: Date.now() - started },
      atMs: Date.now(),
    });
    return `tool call failed: ${message}`;
  }
}

/** Runs one call and returns the output item for the model; tool failures become outputs, not errors. */
export async function dispatchToolCall(ctx: TurnContext, call: ToolCall): Promise<ResponseItem> {
  try {
    if (call.kind === "custom") {
      if (call.name !== "apply_patch") throw new ToolCallError(`unsupported custom tool call: ${call.name}`);
      const result = await runApplyPatch(ctx, call.callId, call.input);
      return { type: "custom_tool_call_output", call_id: call.callId, output: result.output };
    }
    if (call.kind === "local_shell") {
      const output = await runShellCommand(
        ctx,
        { callId: call.callId, argv: call.command, workdir: call.workdir, sandboxPermissions: "use_default", justification: null },
        call.timeoutMs,
      );
      return { type: "function_call_output", call_id: call.callId, output };
    }
    const output = await runFunction(ctx, call);
    if (typeof output !== "string") return output;
    return { type: "function_call_output", call_id: call.callId, output };
  } catch (error) {
    if (error instanceof TurnCancelledError) throw error;
    if (ctx.signal.aborted) throw error;
    const message = error instanceof ToolCallError ? error.message : `tool ${describe(call)} failed: ${(error as Error).message}`;
    if (call.kind === "custom") return { type: "custom_tool_call_output", call_id: call.callId, output: message };
    return { type: "function_call_output", call_id: call.callId, output: message };
  }
}

function describe(call: ToolCall): string {
  return call.kind === "local_shell" ? "local_shell" : call.name;
}
