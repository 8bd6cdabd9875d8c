// Runs the model's shell commands (`shell`, `shell_command`, `local_shell`, `exec_command`/`write_stdin`): approval,
// sandbox, streaming output to the command item, and the text returned to the model.
import { resolve } from "node:path";
import { type ManagedProcess, startProcess } from "@codex-ts/process";
import type { ThreadItem } from "@codex-ts/protocol";
import {
  formatShellOutput,
  formatUnifiedExecResult,
  type LaunchRequest,
  type UnifiedExecResult,
} from "../tool-handlers/index.js";
import {
  type ExecApprovalRequirement,
  type SandboxPermissions,
  canRetryWithoutSandbox,
  commandKey,
  execApprovalRequirement,
  looksLikeSandboxDenial,
} from "../approvals/exec-approval.js";
import { sandboxedCommand } from "../exec/sandboxed-command.js";
import { applyShellEnvironmentPolicy } from "../exec/shell-environment.js";
import { commandActionsFor, displayCommand } from "./command-actions.js";
import { TurnCancelledError, type TurnContext } from "./turn-context.js";

type CommandItem = Extract<ThreadItem, { type: "commandExecution" }>;

export interface CommandRequest {
  callId: string;
  argv: string[];
  workdir: string | undefined;
  sandboxPermissions: SandboxPermissions;
  justification: string | null;
}

export const DEFAULT_SHELL_TIMEOUT_MS = 10_000;
const SHELL_OUTPUT_CAP_BYTES = 1024 * 1024;

/** A running unified-exec session's command item, completed when the process exits. */
interface OpenSession {
  item: CommandItem;
  startedAt: number;
  output: string;
}

const SESSION_ITEMS = new WeakMap<TurnContext["unifiedExec"], Map<number, OpenSession>>();

function sessionItems(ctx: TurnContext): Map<number, OpenSession> {
  let map = SESSION_ITEMS.get(ctx.unifiedExec);
  if (!map) {
    map = new Map();
    SESSION_ITEMS.set(ctx.unifiedExec, map);
  }
  return map;
}

function commandEnv(ctx: TurnContext): Record<string, string> {
  return applyShellEnvironmentPolicy(ctx.env, ctx.config.shellEnvironmentPolicy);
}

function newItem(request: CommandRequest, cwd: string): CommandItem {
  return {
    type: "commandExecution",
    id: request.callId,
    command: displayCommand(request.argv),
    cwd,
    processId: null,
    source: "agent",
    status: "inProgress",
    commandActions: commandActionsFor(request.argv),
    aggregatedOutput: null,
    exitCode: null,
    durationMs: null,
  };
}

/** Outcome of the approval step: run (with or without sandbox) or a text for the model. */
type Gate = { run: true; bypassSandbox: boolean } | { run: false; message: string };

async function gate(ctx: TurnContext, request: CommandRequest, item: CommandItem): Promise<Gate> {
  const requirement: ExecApprovalRequirement = execApprovalRequirement({
    command: request.argv,
    approvalPolicy: ctx.config.approvalPolicy,
    sandboxPolicy: ctx.config.sandboxPolicy,
    sandboxPermissions: request.sandboxPermissions,
    justification: request.justification,
    execPolicy: ctx.execPolicy,
    approvedForSession: ctx.approvedCommands,
  });
  if (requirement.kind === "skip") return { run: true, bypassSandbox: requirement.bypassSandbox };
  if (requirement.kind === "forbidden") return { run: false, message: requirement.reason };
  const decision = await ctx.requestApproval({
    kind: "commandExecution",
    itemId: item.id,
    command: item.command,
    cwd: item.cwd,
    commandActions: item.commandActions,
    reason: requirement.reason,
    proposedExecpolicyAmendment: requirement.proposedAmendment,
  });
  return afterDecision(ctx, decision, request.argv, requirement.bypassSandboxOnApproval);
}

function afterDecision(ctx: TurnContext, decision: string, argv: readonly string[], bypass: boolean): Gate {
  switch (decision) {
    case "accept":
      return { run: true, bypassSandbox: bypass };
    case "acceptForSession":
      ctx.approvedCommands.add(commandKey(argv));
      return { run: true, bypassSandbox: bypass };
    case "cancel":
      ctx.cancelTurn();
      throw new TurnCancelledError();
    default:
      return { run: false, message: "exec command rejected by user" };
  }
}

/**
 * After a sandboxed run that failed like a sandbox denial, asks (when the policy allows asking) whether to run
 * the command again without the sandbox; true when the user agreed.
 */
async function retryWithoutSandbox(
  ctx: TurnContext,
  request: CommandRequest,
  item: CommandItem,
  bypassedSandbox: boolean,
  exitCode: number | null,
  output: string,
): Promise<boolean> {
  const sandboxed = !bypassedSandbox && ctx.config.sandboxPolicy.type !== "dangerFullAccess";
  if (!sandboxed || !looksLikeSandboxDenial(exitCode, output) || !canRetryWithoutSandbox(ctx.config.approvalPolicy)) return false;
  const decision = await ctx.requestApproval({
    kind: "commandExecution",
    itemId: item.id,
    command: item.command,
    cwd: item.cwd,
    commandActions: item.commandActions,
    reason: "command failed; retry without sandbox?",
    proposedExecpolicyAmendment: null,
  });
  return afterDecision(ctx, decision, request.argv, true).run;
}

function declined(ctx: TurnContext, item: CommandItem, message: string): string {
  ctx.emit({
    type: "item_completed",
    turnId: ctx.turnId,
    item: { ...item, status: "declined", aggregatedOutput: "", exitCode: null, durationMs: 0 },
    atMs: Date.now(),
  });
  return message;
}

function launcherFor(ctx: TurnContext, workspace: string, bypassSandbox: boolean) {
  return async (launch: LaunchRequest): Promise<ManagedProcess> => {
    const policy = bypassSandbox ? { type: "dangerFullAccess" as const } : ctx.config.sandboxPolicy;
    const env = { ...commandEnv(ctx), ...(launch.env ?? {}) };
    const invocation = sandboxedCommand(launch.argv, policy, { cwd: launch.cwd, workspace, env });
    return startProcess({
      command: [invocation.program, ...invocation.args],
      cwd: invocation.cwd,
      baseEnv: invocation.env,
      tty: launch.tty,
      stdin: launch.tty ? "pipe" : "ignore",
      outputBytesCap: null,
    });
  };
}

interface RunOutcome {
  exitCode: number | null;
  output: string;
  durationMs: number;
  timedOut: boolean;
}

/** Runs one argv to completion (legacy `shell` tools), streaming output to the item. */
async function runToCompletion(
  ctx: TurnContext,
  argv: readonly string[],
  cwd: string,
  itemId: string,
  bypassSandbox: boolean,
  timeoutMs: number,
): Promise<RunOutcome> {
  const policy = bypassSandbox ? { type: "dangerFullAccess" as const } : ctx.config.sandboxPolicy;
  const invocation = sandboxedCommand(argv, policy, { cwd, workspace: ctx.config.cwd, env: commandEnv(ctx) });
  const started = Date.now();
  let output = "";
  const child = startProcess({
    command: [invocation.program, ...invocation.args],
    cwd: invocation.cwd,
    baseEnv: invocation.env,
    stdin: "ignore",
    outputBytesCap: SHELL_OUTPUT_CAP_BYTES,
    timeoutMs,
    onOutput: (_stream, chunk) => {
      if (chunk.length === 0) return;
      const text = chunk.toString("utf8");
      output += text;
      ctx.emit({ type: "command_output_delta", turnId: ctx.turnId, itemId, delta: text });
    },
  });
  const onAbort = () => void child.terminate();
  ctx.signal.addEventListener("abort", onAbort, { once: true });
  try {
    const result = await child.exited;
    return { exitCode: result.exitCode ?? (result.signal ? 128 + 9 : null), output, durationMs: Date.now() - started, timedOut: result.timedOut };
  } finally {
    ctx.signal.removeEventListener("abort", onAbort);
  }
}

/** The legacy tools: run to completion with a timeout and return `Exit code / Wall time / Output`. */
export async function runShellCommand(ctx: TurnContext, request: CommandRequest, timeoutMs?: number): Promise<string> {
  const cwd = resolve(ctx.config.cwd, request.workdir ?? ".");
  const item = newItem(request, cwd);
  ctx.emit({ type: "item_started", turnId: ctx.turnId, item, atMs: Date.now() });
  const decision = await gate(ctx, request, item);
  if (!decision.run) return declined(ctx, item, decision.message);
  const limit = timeoutMs ?? DEFAULT_SHELL_TIMEOUT_MS;
  let outcome = await runToCompletion(ctx, request.argv, cwd, item.id, decision.bypassSandbox, limit);
  if (await retryWithoutSandbox(ctx, request, item, decision.bypassSandbox, outcome.exitCode, outcome.output)) {
    outcome = await runToCompletion(ctx, request.argv, cwd, item.id, true, limit);
  }
  const status = outcome.exitCode === 0 ? "completed" : "failed";
  ctx.emit({
    type: "item_completed",
    turnId: ctx.turnId,
    item: { ...item, status, aggregatedOutput: outcome.output, exitCode: outcome.exitCode, durationMs: outcome.durationMs },
    atMs: Date.now(),
  });
  return formatShellOutput({ exitCode: outcome.exitCode ?? -1, durationMs: outcome.durationMs, output: outcome.output, timedOut: outcome.timedOut });
}

export interface ExecCommandRequest extends CommandRequest {
  tty: boolean;
  yieldTimeMs: number | undefined;
  maxOutputTokens: number | undefined;
}

function finishSessionItem(ctx: TurnContext, open: OpenSession, exitCode: number | null): void {
  ctx.emit({
    type: "item_completed",
    turnId: ctx.turnId,
    item: {
      ...open.item,
      status: exitCode === 0 ? "completed" : "failed",
      aggregatedOutput: open.output,
      exitCode,
      durationMs: Date.now() - open.startedAt,
    },
    atMs: Date.now(),
  });
}

/** `exec_command`: starts a (possibly long-lived) process and returns its output so far. */
export async function runExecCommand(ctx: TurnContext, request: ExecCommandRequest): Promise<string> {
  const cwd = resolve(ctx.config.cwd, request.workdir ?? ".");
  const item = newItem(request, cwd);
  ctx.emit({ type: "item_started", turnId: ctx.turnId, item, atMs: Date.now() });
  const decision = await gate(ctx, request, item);
  if (!decision.run) return declined(ctx, item, decision.message);
  const open: OpenSession = { item, startedAt: Date.now(), output: "" };
  const onOutput = (text: string) => {
    open.output += text;
    ctx.emit({ type: "command_output_delta", turnId: ctx.turnId, itemId: item.id, delta: text });
  };
  const run = (bypass: boolean): Promise<UnifiedExecResult> =>
    ctx.unifiedExec.execCommand(
      {
        argv: request.argv,
        cwd,
        tty: request.tty,
        ...(request.yieldTimeMs !== undefined ? { yieldTimeMs: request.yieldTimeMs } : {}),
        ...(request.maxOutputTokens !== undefined ? { maxOutputTokens: request.maxOutputTokens } : {}),
      },
      launcherFor(ctx, ctx.config.cwd, bypass),
      { onOutput, signal: ctx.signal },
    );
  let result: UnifiedExecResult;
  try {
    result = await run(decision.bypassSandbox);
  } catch (error) {
    // Interrupted (or failed to start): the item still ends, with what the command printed.
    finishSessionItem(ctx, open, null);
    throw error;
  }
  if (
    result.sessionId === null &&
    (await retryWithoutSandbox(ctx, request, item, decision.bypassSandbox, result.exitCode, result.aggregatedOutput))
  ) {
    open.output = "";
    result = await run(true);
  }
  if (result.sessionId === null) finishSessionItem(ctx, open, result.exitCode);
  else sessionItems(ctx).set(result.sessionId, open);
  return formatUnifiedExecResult(result);
}

/** `write_stdin`: writes to (or polls) a running session; completes its command item once it exits. */
export async function runWriteStdin(
  ctx: TurnContext,
  params: { sessionId: number; chars: string; yieldTimeMs: number | undefined; maxOutputTokens: number | undefined },
): Promise<string> {
  const open = sessionItems(ctx).get(params.sessionId);
  const result = await ctx.unifiedExec.writeStdin(
    {
      sessionId: params.sessionId,
      chars: params.chars,
      ...(params.yieldTimeMs !== undefined ? { yieldTimeMs: params.yieldTimeMs } : {}),
      ...(params.maxOutputTokens !== undefined ? { maxOutputTokens: params.maxOutputTokens } : {}),
    },
    {
      signal: ctx.signal,
      onOutput: (text: string) => {
        if (!open) return;
        open.output += text;
        ctx.emit({ type: "command_output_delta", turnId: ctx.turnId, itemId: open.item.id, delta: text });
      },
    },
  );
  if (open && result.sessionId === null) {
    sessionItems(ctx).delete(params.sessionId);
    finishSessionItem(ctx, open, result.exitCode);
  }
  return formatUnifiedExecResult(result);
}

/** Completes the items of sessions still running when a turn ends (their processes keep running). */
export function settleOpenSessions(ctx: TurnContext): void {
  for (const [id, open] of sessionItems(ctx)) {
    ctx.emit({
      type: "item_completed",
      turnId: ctx.turnId,
      item: { ...open.item, status: "completed", aggregatedOutput: open.output, exitCode: null, durationMs: Date.now() - open.startedAt },
      atMs: Date.now(),
    });
    sessionItems(ctx).delete(id);
  }
}
