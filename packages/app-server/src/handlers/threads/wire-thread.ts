// Converting core threads, turns and stored rollouts to the v2 wire shapes.
import { stat } from "node:fs/promises";
import type { Thread as WireThread, Turn as WireTurn, SessionSource as WireSessionSource } from "@codex-ts/app-server-protocol";
import { type Thread, type TurnRecord, rebuildThread } from "@codex-ts/core";
import { type SessionMeta, type ThreadStatus, userInputText } from "@codex-ts/protocol";
import { type RolloutSummary, readRollout } from "@codex-ts/rollout";

export function wireTurn(turn: TurnRecord, includeItems: boolean): WireTurn {
  return {
    id: turn.id,
    items: includeItems ? (turn.items as WireTurn["items"]) : [],
    status: turn.status,
    error: turn.error,
    startedAt: turn.startedAt,
    completedAt: turn.completedAt,
    durationMs: turn.durationMs,
  };
}

function wireSource(source: unknown): WireSessionSource {
  if (source === "cli" || source === "vscode" || source === "exec" || source === "appServer" || source === "unknown") {
    return source;
  }
  if (source === "mcp") return { custom: "mcp" };
  if (typeof source === "string") return { custom: source };
  return "unknown";
}

/** A loaded thread on the wire; `turns` only when asked for. */
export function wireThreadOf(thread: Thread, options: { includeTurns: boolean }): WireThread {
  return {
    id: thread.id,
    sessionId: thread.id,
    projectId: null,
    forkedFromId: thread.forkedFromId,
    preview: thread.preview,
    ephemeral: thread.ephemeral,
    model: thread.config.model,
    modelProvider: thread.config.provider.id,
    reasoningEffort: thread.config.reasoningEffort,
    createdAt: thread.createdAt,
    updatedAt: thread.updatedAt,
    status: thread.status,
    path: thread.path,
    cwd: thread.config.cwd,
    cliVersion: thread.cliVersion,
    source: wireSource(thread.source),
    gitInfo: thread.gitInfo,
    name: thread.name,
    turns: options.includeTurns ? thread.turns.map((turn) => wireTurn(turn, true)) : [],
  };
}

/** The first user message of the rebuilt turns (stored as `item_completed` or, by older writers, `user_message`). */
function firstUserText(turns: readonly TurnRecord[]): string {
  for (const turn of turns) {
    for (const item of turn.items) if (item.type === "userMessage") return userInputText(item.content);
  }
  return "";
}

/** A stored (not loaded) thread on the wire, read from its rollout. */
export async function wireThreadFromRollout(
  path: string,
  options: { includeTurns: boolean; status?: ThreadStatus; meta?: SessionMeta },
): Promise<WireThread> {
  const contents = await readRollout(path);
  const meta = options.meta ?? contents.meta;
  if (!meta) throw new Error(`${path} has no session_meta line`);
  const rebuilt = rebuildThread(contents.records, meta.cwd);
  const created = Date.parse(meta.timestamp);
  const createdAt = Number.isNaN(created) ? 0 : Math.floor(created / 1000);
  let updatedAt = createdAt;
  try {
    updatedAt = Math.floor((await stat(path)).mtimeMs / 1000);
  } catch {
    // keep the creation time
  }
  const lastContext = [...contents.records].reverse().find((record) => record.known && record.line.type === "turn_context");
  const model = lastContext?.known && lastContext.line.type === "turn_context" ? lastContext.line.payload.model : null;
  return {
    id: meta.id,
    sessionId: meta.id,
    projectId: null,
    forkedFromId: meta.forked_from_id ?? null,
    preview: firstUserText(rebuilt.turns),
    ephemeral: false,
    model,
    modelProvider: meta.model_provider ?? "openai",
    createdAt,
    updatedAt,
    status: options.status ?? { type: "notLoaded" },
    path,
    cwd: meta.cwd,
    cliVersion: meta.cli_version,
    source: wireSource(meta.source),
    gitInfo: meta.git
      ? { sha: meta.git.commit_hash ?? null, branch: meta.git.branch ?? null, originUrl: meta.git.repository_url ?? null }
      : null,
    name: rebuilt.name,
    turns: options.includeTurns ? rebuilt.turns.map((turn) => wireTurn(turn, true)) : [],
  };
}

export function wireThreadFromSummary(summary: RolloutSummary): Promise<WireThread> {
  return wireThreadFromRollout(summary.path, { includeTurns: false, meta: summary.meta });
}
