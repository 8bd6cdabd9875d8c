// Rebuilds a stored thread from its rollout: the exact model-visible history (compactions applied) and the
// turns with their items, as `thread/read` and `thread/resume` return them.
import { type ContentItem, type ResponseItem, type ThreadItem, type ThreadTokenUsage, type TurnContextItem, type UserInput, isMessagePhase } from "@codex-ts/protocol";
import type { RolloutRecord } from "@codex-ts/rollout";
import { threadItemOfStored } from "./rollout-items.js";
import { breakdownOf } from "./token-usage.js";
import type { TurnRecord } from "./turn-record.js";

export interface RebuiltThread {
  history: ResponseItem[];
  turns: TurnRecord[];
  name: string | null;
  tokenUsage: ThreadTokenUsage | null;
  /** The last `turn_context` record: the settings the history last described to the model. */
  lastTurnContext: TurnContextItem | null;
}

function seconds(timestamp: string): number | null {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

function outputText(output: string | ContentItem[]): string {
  if (typeof output === "string") return output;
  return output.map((part) => ("text" in part ? part.text : "")).join("");
}

/** Pulls the exit code out of a command tool's output text, when it states one. */
function exitCodeIn(text: string): number | null {
  const match = /(?:Exit code:|Process exited with code) (-?\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}

function commandOf(name: string, args: string): string | undefined {
  try {
    const parsed = JSON.parse(args) as Record<string, unknown>;
    if (name === "exec_command" && typeof parsed["cmd"] === "string") return parsed["cmd"];
    if (name === "shell_command" && typeof parsed["command"] === "string") return parsed["command"];
    if (name === "shell" && Array.isArray(parsed["command"])) return (parsed["command"] as string[]).join(" ");
  } catch {
    // not JSON: no command item
  }
  return undefined;
}

/**
 * Gives every tool call an output, as upstream normalises history before a request: a call left unanswered
 * (its turn was interrupted while it waited, or the thread was forked or cut short meanwhile) is answered
 * `aborted` right after it. Returns `history` itself when nothing is missing.
 */
export function withAbortedCallOutputs(history: ResponseItem[]): ResponseItem[] {
  const answered = new Set<string>();
  for (const item of history) {
    if (item.type === "function_call_output" || item.type === "custom_tool_call_output") answered.add(item.call_id);
  }
  const missing = (callId: string | null | undefined): callId is string => typeof callId === "string" && !answered.has(callId);
  if (!history.some((item) => (item.type === "function_call" || item.type === "custom_tool_call" || item.type === "local_shell_call") && missing(item.call_id))) {
    return history;
  }
  const normalised: ResponseItem[] = [];
  for (const item of history) {
    normalised.push(item);
    if ((item.type === "function_call" || item.type === "local_shell_call") && missing(item.call_id)) {
      normalised.push({ type: "function_call_output", call_id: item.call_id, output: "aborted" });
    } else if (item.type === "custom_tool_call" && missing(item.call_id)) {
      normalised.push({ type: "custom_tool_call_output", call_id: item.call_id, output: "aborted" });
    }
  }
  return normalised;
}

export function rebuildThread(records: readonly RolloutRecord[], cwd: string): RebuiltThread {
  let history: ResponseItem[] = [];
  const turns: TurnRecord[] = [];
  let name: string | null = null;
  let tokenUsage: ThreadTokenUsage | null = null;
  let lastTurnContext: TurnContextItem | null = null;
  let current: TurnRecord | undefined;
  const calls = new Map<string, { name: string; args: string }>();
  let counter = 0;
  const nextId = () => `item_${++counter}`;

  const turn = (timestamp: string): TurnRecord => {
    if (!current) {
      current = { id: `turn_${turns.length + 1}`, status: "inProgress", error: null, startedAt: seconds(timestamp), completedAt: null, durationMs: null, items: [] };
      turns.push(current);
    }
    return current;
  };
  /** Ends the current turn; a turn that recorded an error stays failed. Uses the stored timing when present. */
  const finish = (status: TurnRecord["status"], timestamp: string, event: object = {}) => {
    if (!current) return;
    // Upstream's turn end events carry `completed_at` (s) and `duration_ms`; parsed events keep unnamed fields.
    const timing = event as { completed_at?: unknown; duration_ms?: unknown };
    if (current.status !== "failed") current.status = status;
    current.completedAt = typeof timing.completed_at === "number" ? timing.completed_at : seconds(timestamp);
    if (typeof timing.duration_ms === "number") current.durationMs = timing.duration_ms;
    else if (current.startedAt !== null && current.completedAt !== null) current.durationMs = (current.completedAt - current.startedAt) * 1000;
    current = undefined;
  };

  // Newer writers (upstream 0.169 and us) store each completed item; older ones only messages as events.
  const storesItems = records.some(
    (record) => record.known && record.line.type === "event_msg" && record.line.payload.type === "item_completed",
  );

  for (const record of records) {
    if (!record.known) continue;
    const line = record.line;
    switch (line.type) {
      case "response_item": {
        const item = line.payload;
        history.push(item);
        if (item.type === "function_call") calls.set(item.call_id, { name: item.name, args: item.arguments });
        if (item.type === "function_call_output" && !storesItems) {
          const call = calls.get(item.call_id);
          const command = call ? commandOf(call.name, call.args) : undefined;
          if (command !== undefined) {
            const text = outputText(item.output);
            const exitCode = exitCodeIn(text);
            const commandItem: ThreadItem = {
              type: "commandExecution",
              id: item.call_id,
              command,
              cwd,
              processId: null,
              source: "agent",
              status: exitCode === null || exitCode === 0 ? "completed" : "failed",
              commandActions: [{ type: "unknown", command }],
              aggregatedOutput: text,
              exitCode,
              durationMs: null,
            };
            turn(line.timestamp).items.push(commandItem);
          }
        }
        break;
      }
      case "turn_context":
        lastTurnContext = line.payload;
        break;
      case "compacted":
        history = line.payload.replacement_history
          ? [...line.payload.replacement_history]
          : [{ type: "message", role: "user", content: [{ type: "input_text", text: line.payload.message }] }];
        break;
      case "event_msg": {
        const event = line.payload;
        switch (event.type) {
          case "task_started":
          case "turn_started":
            current = undefined;
            current = turn(line.timestamp);
            if (event.turn_id) current.id = event.turn_id;
            break;
          case "item_completed": {
            const item = threadItemOfStored(event.item as Parameters<typeof threadItemOfStored>[0]);
            if (item) {
              const target = turn(line.timestamp);
              if (event.turn_id && target.items.length === 0 && target.id.startsWith("turn_")) target.id = event.turn_id;
              target.items.push(item);
            }
            break;
          }
          case "user_message": {
            if (storesItems) break;
            const content: UserInput[] = [{ type: "text", text: event.message }];
            for (const url of event.images ?? []) content.push({ type: "image", url });
            for (const path of event.local_images ?? []) content.push({ type: "localImage", path });
            turn(line.timestamp).items.push({ type: "userMessage", id: nextId(), clientId: null, content });
            break;
          }
          case "agent_message":
            if (storesItems) break;
            turn(line.timestamp).items.push({ type: "agentMessage", id: nextId(), text: event.message, phase: isMessagePhase(event.phase) ? event.phase : null });
            break;
          case "agent_reasoning":
            if (storesItems) break;
            turn(line.timestamp).items.push({ type: "reasoning", id: nextId(), summary: [event.text], content: [] });
            break;
          case "context_compacted":
            if (storesItems) break;
            turn(line.timestamp).items.push({ type: "contextCompaction", id: nextId() });
            break;
          case "task_complete":
          case "turn_complete":
            finish("completed", line.timestamp, event);
            break;
          case "turn_aborted":
            finish("interrupted", line.timestamp, event);
            break;
          case "error":
            if (current) current.error = { message: event.message, codexErrorInfo: null, additionalDetails: null };
            if (current) current.status = "failed";
            break;
          case "token_count":
            if (event.info) {
              tokenUsage = {
                total: breakdownOf(event.info.total_token_usage),
                last: breakdownOf(event.info.last_token_usage),
                modelContextWindow: event.info.model_context_window ?? null,
              };
            }
            break;
          case "thread_name_updated":
            name = event.thread_name ?? null;
            break;
          default:
            break;
        }
        break;
      }
      default:
        break;
    }
  }
  // A turn without an end record was cut short (the process died): it counts as interrupted.
  for (const t of turns) {
    if (t.status === "inProgress") t.status = "interrupted";
    else if (t.status === "completed" && t.error) t.status = "failed";
  }
  return { history: withAbortedCallOutputs(history), turns, name, tokenUsage, lastTurnContext };
}
