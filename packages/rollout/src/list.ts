import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { SessionMeta, SessionSource, ThreadId } from "@codex-ts/protocol";
import { RolloutError } from "./errors.js";
import { ARCHIVED_SESSIONS_SUBDIR, SESSIONS_SUBDIR, parseRolloutFileName } from "./paths.js";
import { readSessionMeta } from "./reader.js";

/** One rollout in a listing. */
export interface RolloutSummary {
  path: string;
  threadId: ThreadId;
  /** `YYYY-MM-DDThh-mm-ss`, local time, from the file name. */
  createdStamp: string;
  meta: SessionMeta;
}

export interface ListRolloutsOptions {
  /** Items per page; default 25. */
  pageSize?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** Only sessions whose recorded cwd is this directory. */
  cwd?: string;
  /** Only sessions from these sources (`cli`, `vscode`, `exec`, ...; a structured source matches by its key). */
  source?: readonly string[];
  /** List `archived_sessions/` instead of `sessions/`. */
  archived?: boolean;
}

export interface RolloutPage {
  items: RolloutSummary[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

interface Candidate {
  key: string;
  path: string;
  threadId: ThreadId;
  stamp: string;
}

/**
 * Lists rollouts newest first (by the creation stamp in the file name, then thread id). The cursor names the last
 * item returned, so sessions created while paging never shift later pages. Files without a readable
 * `session_meta` first line are skipped.
 */
export async function listRollouts(codexHome: string, options: ListRolloutsOptions = {}): Promise<RolloutPage> {
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 25));
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
  const cwd = options.cwd === undefined ? undefined : resolve(options.cwd);
  const items: RolloutSummary[] = [];
  let lastKey: string | undefined;
  for await (const candidate of candidatesNewestFirst(codexHome, options.archived === true)) {
    if (after !== undefined && candidate.key >= after) continue;
    const meta = await readSessionMeta(candidate.path);
    if (!meta) continue;
    if (cwd !== undefined && meta.cwd !== cwd) continue;
    if (options.source !== undefined && !options.source.includes(sourceKind(meta.source))) continue;
    if (items.length === pageSize) return { items, nextCursor: encodeCursor(lastKey!) };
    items.push({ path: candidate.path, threadId: candidate.threadId, createdStamp: candidate.stamp, meta });
    lastKey = candidate.key;
  }
  return { items };
}

/** Every rollout file path under `sessions/` (or `archived_sessions/`), newest first. */
export async function* rolloutPathsNewestFirst(codexHome: string, archived = false): AsyncGenerator<string> {
  for await (const candidate of candidatesNewestFirst(codexHome, archived)) yield candidate.path;
}

function sourceKind(source: SessionSource): string {
  if (typeof source === "string") return source;
  return Object.keys(source)[0] ?? "";
}

// Keys sort like the listing order: stamp, then thread id; "|" sorts after every digit and hyphen.
function keyOf(stamp: string, threadId: string): string {
  return `${stamp}|${threadId}`;
}

function encodeCursor(key: string): string {
  return Buffer.from(key, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\|[0-9a-f-]{36}$/.test(key)) {
    throw new RolloutError("bad_cursor", `"${cursor}" is not a rollout listing cursor; pass a nextCursor unchanged.`);
  }
  return key;
}

async function* candidatesNewestFirst(codexHome: string, archived: boolean): AsyncGenerator<Candidate> {
  if (archived) {
    yield* filesNewestFirst(join(codexHome, ARCHIVED_SESSIONS_SUBDIR));
    return;
  }
  const root = join(codexHome, SESSIONS_SUBDIR);
  for (const year of await numericDirsDescending(root)) {
    for (const month of await numericDirsDescending(join(root, year))) {
      for (const day of await numericDirsDescending(join(root, year, month))) {
        yield* filesNewestFirst(join(root, year, month, day));
      }
    }
  }
}

async function* filesNewestFirst(dir: string): AsyncGenerator<Candidate> {
  const found: Candidate[] = [];
  for (const entry of await entries(dir)) {
    if (!entry.isFile()) continue;
    const parts = parseRolloutFileName(entry.name);
    if (!parts) continue;
    found.push({
      key: keyOf(parts.stamp, parts.threadId),
      path: join(dir, entry.name),
      threadId: parts.threadId,
      stamp: parts.stamp,
    });
  }
  found.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  yield* found;
}

async function numericDirsDescending(dir: string): Promise<string[]> {
  return (await entries(dir))
    .filter((entry) => entry.isDirectory() && /^\d+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => Number(b) - Number(a));
}

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
