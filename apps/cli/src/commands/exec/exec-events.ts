// Maps app-server notifications to `codex exec --json` events (snake_case JSONL, one object per line).
// Item ids are synthetic (`item_0`, `item_1`, ...) and count from zero in every process.

type Json = Record<string, unknown>;

export interface ExecUsage {
  input_tokens: number;
  cached_input_tokens: number;
  cache_write_input_tokens: number;
  output_tokens: number;
  reasoning_output_tokens: number;
}

export type ExecEvent =
  | { type: "thread.started"; thread_id: string }
  | { type: "turn.started" }
  | { type: "turn.completed"; usage: ExecUsage }
  | { type: "turn.failed"; error: { message: string } }
  | { type: "item.started" | "item.updated" | "item.completed"; item: Json }
  | { type: "error"; message: string };

interface WireItem {
  type: string;
  id: string;
  [field: string]: unknown;
}

const COMMAND_STATUS: Record<string, string> = {
  inProgress: "in_progress",
  completed: "completed",
  failed: "failed",
  declined: "declined",
};

export class ExecEventMapper {
  private counter = 0;
  private readonly ids = new Map<string, string>();
  private todo: { id: string; items: Array<{ text: string; completed: boolean }> } | undefined;
  private usage: ExecUsage = {
    input_tokens: 0,
    cached_input_tokens: 0,
    cache_write_input_tokens: 0,
    output_tokens: 0,
    reasoning_output_tokens: 0,
  };
  /** The last agent message of the turn (for `-o` and the human output). */
  lastAgentMessage: string | null = null;

  private idFor(key: string): string {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `item_${this.counter}`;
      this.counter += 1;
      this.ids.set(key, id);
    }
    return id;
  }

  private convert(item: WireItem): Json | undefined {
    const key = `${item.type}:${item.id}`;
    switch (item.type) {
      case "agentMessage":
        return { id: this.idFor(key), type: "agent_message", text: item["text"] };
      case "reasoning": {
        const summary = (item["summary"] as string[] | undefined) ?? [];
        const content = (item["content"] as string[] | undefined) ?? [];
        return { id: this.idFor(key), type: "reasoning", text: (summary.length > 0 ? summary : content).join("\n\n") };
      }
      case "commandExecution": {
        const out: Json = {
          id: this.idFor(key),
          type: "command_execution",
          command: item["command"],
          aggregated_output: item["aggregatedOutput"] ?? "",
        };
        if (item["exitCode"] !== null && item["exitCode"] !== undefined) out["exit_code"] = item["exitCode"];
        out["status"] = COMMAND_STATUS[item["status"] as string] ?? "in_progress";
        return out;
      }
      case "fileChange": {
        const changes = ((item["changes"] as Array<{ path: string; kind: { type: string } }> | undefined) ?? []).map((change) => ({
          path: change.path,
          kind: change.kind.type,
        }));
        const status = item["status"] === "completed" ? "completed" : "failed";
        return { id: this.idFor(key), type: "file_change", changes, status };
      }
      case "mcpToolCall": {
        const result = item["result"] as { content?: unknown[]; structuredContent?: unknown } | null;
        const out: Json = {
          id: this.idFor(key),
          type: "mcp_tool_call",
          server: item["server"],
          tool: item["tool"],
          arguments: item["arguments"] ?? null,
          status: COMMAND_STATUS[item["status"] as string] ?? "in_progress",
        };
        if (result) out["result"] = { content: result.content ?? [], structured_content: result.structuredContent ?? null };
        if (item["error"]) out["error"] = item["error"];
        return out;
      }
      case "webSearch":
        return { id: this.idFor(key), type: "web_search", query: item["query"] };
      default:
        return undefined;
    }
  }

  itemStarted(item: WireItem): ExecEvent[] {
    // Messages, reasoning and file changes are reported whole, on completion.
    if (item.type !== "commandExecution" && item.type !== "mcpToolCall" && item.type !== "webSearch") return [];
    const converted = this.convert(item);
    return converted ? [{ type: "item.started", item: converted }] : [];
  }

  itemCompleted(item: WireItem): ExecEvent[] {
    const converted = this.convert(item);
    if (!converted) return [];
    if (item.type === "agentMessage") this.lastAgentMessage = String(item["text"] ?? "");
    return [{ type: "item.completed", item: converted }];
  }

  planUpdated(plan: Array<{ step: string; status: string }>): ExecEvent[] {
    const items = plan.map((step) => ({ text: step.step, completed: step.status === "completed" }));
    if (!this.todo) {
      this.todo = { id: this.idFor(`todo:${this.counter}`), items };
      return [{ type: "item.started", item: { id: this.todo.id, type: "todo_list", items } }];
    }
    this.todo.items = items;
    return [{ type: "item.updated", item: { id: this.todo.id, type: "todo_list", items } }];
  }

  /** A non-fatal error (e.g. a retried stream) becomes an `error` item. */
  nonFatalError(message: string): ExecEvent[] {
    const id = this.idFor(`error:${this.counter}`);
    return [{ type: "item.completed", item: { id, type: "error", message } }];
  }

  tokenUsage(total: { inputTokens: number; cachedInputTokens: number; outputTokens: number; reasoningOutputTokens: number }): void {
    this.usage = {
      input_tokens: total.inputTokens,
      cached_input_tokens: total.cachedInputTokens,
      cache_write_input_tokens: 0,
      output_tokens: total.outputTokens,
      reasoning_output_tokens: total.reasoningOutputTokens,
    };
  }

  /** Closes the todo list (if any) and reports the turn's end. */
  turnCompleted(status: string, errorMessage: string | null): ExecEvent[] {
    const events: ExecEvent[] = [];
    if (this.todo) {
      events.push({ type: "item.completed", item: { id: this.todo.id, type: "todo_list", items: this.todo.items } });
      this.todo = undefined;
    }
    if (status === "completed") events.push({ type: "turn.completed", usage: { ...this.usage } });
    else events.push({ type: "turn.failed", error: { message: errorMessage ?? (status === "interrupted" ? "turn interrupted" : "turn failed") } });
    return events;
  }
}
