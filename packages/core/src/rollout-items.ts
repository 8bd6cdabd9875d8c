// Thread items as rollouts store them: `event_msg` `item_completed` records whose `item` is upstream's
// `TurnItem` (PascalCase `type`, snake_case fields), so upstream Codex rebuilds our turns and we rebuild its.
import type { CommandAction, FileUpdateChange, ThreadItem, UserInput } from "@codex-ts/protocol";
import { isMessagePhase } from "@codex-ts/protocol";
import { splitShellWords } from "@codex-ts/shell-command";
import { displayCommand } from "./turn/command-actions.js";

type Stored = { type: string; id?: string; [field: string]: unknown };

/** A command action in upstream's stored spelling (`parsed_cmd`: snake_case type, `cmd`). */
function storedAction(action: CommandAction): Record<string, unknown> {
  switch (action.type) {
    case "read":
      return { type: "read", cmd: action.command, name: action.name, path: action.path };
    case "listFiles":
      return { type: "list_files", cmd: action.command, path: action.path };
    case "search":
      return { type: "search", cmd: action.command, query: action.query, path: action.path };
    default:
      return { type: "unknown", cmd: action.command };
  }
}

function actionsOfStored(value: unknown, fallback: string): CommandAction[] {
  if (!Array.isArray(value) || value.length === 0) return [{ type: "unknown", command: fallback }];
  return value.map((raw: Record<string, unknown>): CommandAction => {
    const command = typeof raw["cmd"] === "string" ? raw["cmd"] : fallback;
    const path = typeof raw["path"] === "string" ? raw["path"] : null;
    switch (raw["type"]) {
      case "read":
        return { type: "read", command, name: typeof raw["name"] === "string" ? raw["name"] : "", path: path ?? "" };
      case "list_files":
        return { type: "listFiles", command, path };
      case "search":
        return { type: "search", command, query: typeof raw["query"] === "string" ? raw["query"] : null, path };
      default:
        return { type: "unknown", command };
    }
  });
}

function argvOf(command: string): string[] {
  try {
    return splitShellWords(command);
  } catch {
    return [command];
  }
}

function fileUrl(path: string): string {
  return `file://${path}`;
}

function pathOfUrl(value: unknown): string {
  const text = typeof value === "string" ? value : "";
  return text.startsWith("file://") ? decodeURI(text.slice("file://".length)) : text;
}

/** The stored form of a completed item, or undefined for kinds rollouts do not keep. */
export function storedTurnItem(item: ThreadItem): Stored | undefined {
  switch (item.type) {
    case "userMessage":
      return {
        type: "UserMessage",
        id: item.id,
        content: item.content.map((part) => {
          switch (part.type) {
            case "text":
              return { type: "text", text: part.text, text_elements: part.text_elements ?? [] };
            case "image":
              return { type: "image", image_url: part.url };
            case "localImage":
              return { type: "local_image", path: part.path };
            default:
              return { type: part.type === "skill" ? "skill" : "mention", name: part.name, path: part.path };
          }
        }),
      };
    case "agentMessage":
      return { type: "AgentMessage", id: item.id, content: [{ type: "Text", text: item.text }], ...(item.phase ? { phase: item.phase } : {}) };
    case "reasoning":
      return { type: "Reasoning", id: item.id, summary_text: item.summary, raw_content: item.content };
    case "commandExecution": {
      const ms = item.durationMs ?? 0;
      return {
        type: "CommandExecution",
        id: item.id,
        process_id: item.processId,
        command: argvOf(item.command),
        cwd: fileUrl(item.cwd),
        parsed_cmd: item.commandActions.map(storedAction),
        source: "agent",
        status: item.status === "inProgress" ? "in_progress" : item.status,
        aggregated_output: item.aggregatedOutput ?? "",
        exit_code: item.exitCode,
        duration: { secs: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 },
      };
    }
    case "fileChange": {
      const changes: Record<string, unknown> = {};
      for (const change of item.changes) {
        if (change.kind.type === "add") changes[change.path] = { type: "add", content: change.diff };
        else if (change.kind.type === "delete") changes[change.path] = { type: "delete", content: change.diff };
        else changes[change.path] = { type: "update", unified_diff: change.diff, move_path: change.kind.move_path };
      }
      return { type: "FileChange", id: item.id, changes, status: item.status === "inProgress" ? "in_progress" : item.status };
    }
    case "webSearch":
      return { type: "WebSearch", id: item.id, query: item.query, action: item.action };
    case "contextCompaction":
      return { type: "ContextCompaction", id: item.id };
    default:
      return undefined;
  }
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
}

const STATUS: Record<string, "inProgress" | "completed" | "failed" | "declined"> = {
  in_progress: "inProgress",
  completed: "completed",
  failed: "failed",
  declined: "declined",
};

/** A stored item back as a thread item; undefined for kinds this version does not show. */
export function threadItemOfStored(stored: Stored): ThreadItem | undefined {
  const id = text(stored.id);
  switch (stored.type) {
    case "UserMessage": {
      const content: UserInput[] = [];
      for (const part of (stored["content"] as Array<Record<string, unknown>> | undefined) ?? []) {
        if (part["type"] === "text") content.push({ type: "text", text: text(part["text"]) });
        else if (part["type"] === "image") content.push({ type: "image", url: text(part["image_url"]) });
        else if (part["type"] === "local_image") content.push({ type: "localImage", path: text(part["path"]) });
      }
      return { type: "userMessage", id, clientId: null, content };
    }
    case "AgentMessage": {
      const parts = (stored["content"] as Array<Record<string, unknown>> | undefined) ?? [];
      const phase = stored["phase"];
      return {
        type: "agentMessage",
        id,
        text: parts.map((part) => text(part["text"])).join(""),
        ...(isMessagePhase(phase) ? { phase } : {}),
      };
    }
    case "Reasoning":
      return { type: "reasoning", id, summary: strings(stored["summary_text"]), content: strings(stored["raw_content"]) };
    case "CommandExecution": {
      const argv = strings(stored["command"]);
      const command = displayCommand(argv);
      const duration = stored["duration"] as { secs?: number; nanos?: number } | undefined;
      const exitCode = stored["exit_code"];
      return {
        type: "commandExecution",
        id,
        command,
        cwd: pathOfUrl(stored["cwd"]),
        processId: typeof stored["process_id"] === "string" ? stored["process_id"] : null,
        source: "agent",
        status: STATUS[text(stored["status"])] ?? "completed",
        commandActions: actionsOfStored(stored["parsed_cmd"], command),
        aggregatedOutput: text(stored["aggregated_output"]),
        exitCode: typeof exitCode === "number" ? exitCode : null,
        durationMs: duration ? (duration.secs ?? 0) * 1000 + Math.round((duration.nanos ?? 0) / 1_000_000) : null,
      };
    }
    case "FileChange": {
      const changes: FileUpdateChange[] = [];
      for (const [path, raw] of Object.entries((stored["changes"] as Record<string, Record<string, unknown>> | undefined) ?? {})) {
        if (raw["type"] === "add") changes.push({ path, kind: { type: "add" }, diff: text(raw["content"]) });
        else if (raw["type"] === "delete") changes.push({ path, kind: { type: "delete" }, diff: text(raw["content"]) });
        else {
          const move = raw["move_path"];
          changes.push({ path, kind: { type: "update", move_path: typeof move === "string" ? move : null }, diff: text(raw["unified_diff"]) });
        }
      }
      const status = STATUS[text(stored["status"])] ?? "completed";
      return { type: "fileChange", id, changes, status };
    }
    case "WebSearch":
      return { type: "webSearch", id, query: text(stored["query"]), action: null };
    case "ContextCompaction":
      return { type: "contextCompaction", id };
    default:
      return undefined;
  }
}
