import { z } from "zod";

/** Who started a session: `cli` (TUI), `vscode` (IDE/app-server), `exec`, `mcp`, or a structured sub-agent source. */
export type SessionSource = "cli" | "vscode" | "exec" | "mcp" | "unknown" | (string & {}) | { [kind: string]: unknown };

export const sessionSourceSchema: z.ZodType<SessionSource> = z.union([z.string(), z.record(z.string(), z.unknown())]);

/** Git facts recorded with a session; snake_case as in rollout files. */
export interface SessionGitInfo {
  commit_hash?: string;
  branch?: string;
  repository_url?: string;
}

export const sessionGitInfoSchema: z.ZodType<SessionGitInfo> = z.looseObject({
  commit_hash: z.string().optional(),
  branch: z.string().optional(),
  repository_url: z.string().optional(),
});

/** Base instructions as newer upstream versions store them. */
export interface BaseInstructions {
  text: string;
}

/**
 * The payload of a rollout's first line (upstream `SessionMetaLine`: `SessionMeta` with `git` flattened in).
 * Parsed values keep fields this type does not name (newer writers add e.g. `session_id`, `thread_source`).
 */
export interface SessionMeta {
  id: string;
  /** Set on a fork: the thread whose history was copied. */
  forked_from_id?: string;
  /** RFC 3339 creation time. */
  timestamp: string;
  cwd: string;
  /** The client that created the session, e.g. `codex_cli_rs`, `codex_exec`. */
  originator: string;
  cli_version: string;
  /** Older versions: user instructions text. */
  instructions?: string | null;
  base_instructions?: BaseInstructions | null;
  source: SessionSource;
  model_provider?: string | null;
  git?: SessionGitInfo | null;
}

export const sessionMetaSchema: z.ZodType<SessionMeta> = z.looseObject({
  id: z.string(),
  forked_from_id: z.string().optional(),
  timestamp: z.string(),
  cwd: z.string(),
  originator: z.string(),
  cli_version: z.string(),
  instructions: z.string().nullable().optional(),
  base_instructions: z.looseObject({ text: z.string() }).nullable().optional(),
  source: sessionSourceSchema,
  model_provider: z.string().nullable().optional(),
  git: sessionGitInfoSchema.nullable().optional(),
});
