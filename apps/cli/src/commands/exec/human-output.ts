// Readable progress for `codex exec` without --json: progress on stderr, the final message on stdout.
import type { CliIo } from "../../io.js";

interface Item {
  type: string;
  [field: string]: unknown;
}

/** Wire sandbox types as users write them (`-s` values). */
const SANDBOX_NAMES: Record<string, string> = {
  readOnly: "read-only",
  workspaceWrite: "workspace-write",
  dangerFullAccess: "danger-full-access",
  externalSandbox: "external-sandbox",
};

export class HumanOutput {
  constructor(private readonly io: CliIo) {}

  private line(text: string): void {
    this.io.stderr(`${text}\n`);
  }

  header(info: { model: string; cwd: string; sandbox: string; approval: string; threadId: string }): void {
    this.line("--------");
    this.line(`workdir: ${info.cwd}`);
    this.line(`model: ${info.model}`);
    this.line(`approval: ${info.approval}`);
    this.line(`sandbox: ${SANDBOX_NAMES[info.sandbox] ?? info.sandbox}`);
    this.line(`session id: ${info.threadId}`);
    this.line("--------");
  }

  prompt(text: string): void {
    this.line("user");
    this.line(text);
  }

  itemStarted(item: Item): void {
    if (item.type === "commandExecution") {
      this.line("exec");
      this.line(`${String(item["command"])} in ${String(item["cwd"])}`);
    }
  }

  itemCompleted(item: Item): void {
    switch (item.type) {
      case "commandExecution": {
        const code = item["exitCode"];
        const ms = item["durationMs"];
        const outcome = item["status"] === "declined" ? "declined" : code === 0 ? "succeeded" : `exited ${String(code)}`;
        this.line(`${outcome}${typeof ms === "number" ? ` in ${ms}ms` : ""}:`);
        const output = String(item["aggregatedOutput"] ?? "");
        const lines = output.split("\n").filter((l, i, all) => l !== "" || i < all.length - 1);
        for (const l of lines.slice(0, 20)) this.line(l);
        if (lines.length > 20) this.line(`... (${lines.length - 20} more lines)`);
        break;
      }
      case "fileChange": {
        this.line(item["status"] === "completed" ? "file update" : `file update ${String(item["status"])}`);
        for (const change of (item["changes"] as Array<{ path: string; kind: { type: string } }>) ?? []) {
          this.line(`${change.kind.type === "add" ? "A" : change.kind.type === "delete" ? "D" : "M"} ${change.path}`);
        }
        break;
      }
      case "reasoning": {
        const summary = (item["summary"] as string[] | undefined) ?? [];
        if (summary.length > 0) {
          this.line("thinking");
          this.line(summary.join("\n"));
        }
        break;
      }
      case "agentMessage":
        this.line("codex");
        this.line(String(item["text"] ?? ""));
        break;
      case "webSearch":
        this.line(`web search: ${String(item["query"] ?? "")}`);
        break;
      default:
        break;
    }
  }

  plan(plan: Array<{ step: string; status: string }>): void {
    this.line("plan");
    for (const step of plan) this.line(`${step.status === "completed" ? "[x]" : step.status === "inProgress" ? "[>]" : "[ ]"} ${step.step}`);
  }

  usage(total: { totalTokens?: number }): void {
    this.lastTokens = total.totalTokens ?? this.lastTokens;
  }

  private lastTokens = 0;

  private shownError: string | null = null;

  error(message: string, willRetry: boolean): void {
    this.line(willRetry ? `warning: ${message}` : `ERROR: ${message}`);
    if (!willRetry) this.shownError = message;
  }

  finish(lastMessage: string | null, status: string, error: string | null): void {
    if (this.lastTokens > 0) this.line(`tokens used: ${this.lastTokens}`);
    if (status !== "completed") {
      if (status === "interrupted") this.line("turn interrupted");
      else if (error && error !== this.shownError) this.line(`turn failed: ${error}`);
      return;
    }
    if (lastMessage !== null) this.io.stdout(`${lastMessage}\n`);
  }
}
