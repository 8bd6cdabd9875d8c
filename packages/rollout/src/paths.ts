import { join } from "node:path";
import { type ThreadId, isThreadId } from "@codex-ts/protocol";

/** Folder of live rollouts: `$CODEX_HOME/sessions`. */
export const SESSIONS_SUBDIR = "sessions";
/** Folder of archived rollouts: `$CODEX_HOME/archived_sessions` (flat, no date folders). */
export const ARCHIVED_SESSIONS_SUBDIR = "archived_sessions";

const FILE_NAME = /^rollout-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-([0-9a-fA-F-]{36})\.jsonl$/;

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/**
 * `rollout-YYYY-MM-DDThh-mm-ss-<id>.jsonl`. Like upstream, the stamp in the name (and the date folders) use the
 * local time zone, while the timestamps inside the file are UTC.
 */
export function rolloutFileName(createdAt: Date, threadId: ThreadId): string {
  return `rollout-${localStamp(createdAt)}-${threadId}.jsonl`;
}

/** `YYYY-MM-DDThh-mm-ss` in local time. */
export function localStamp(date: Date): string {
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}-${pad(date.getMinutes())}-${pad(date.getSeconds())}`
  );
}

/** `$CODEX_HOME/sessions/YYYY/MM/DD` for a local date. */
export function sessionDayDir(codexHome: string, date: Date): string {
  return join(codexHome, SESSIONS_SUBDIR, pad(date.getFullYear(), 4), pad(date.getMonth() + 1), pad(date.getDate()));
}

/** What a rollout file name says: the local stamp, its date folders and the thread id. */
export interface RolloutFileNameParts {
  /** `YYYY-MM-DDThh-mm-ss`, local time. */
  stamp: string;
  year: string;
  month: string;
  day: string;
  threadId: ThreadId;
}

/** Parses a rollout file name (not a path); undefined for any other name. */
export function parseRolloutFileName(name: string): RolloutFileNameParts | undefined {
  const match = FILE_NAME.exec(name);
  if (!match) return undefined;
  const [, year, month, day, hh, mm, ss, id] = match as unknown as string[];
  if (!isThreadId(id)) return undefined;
  return {
    stamp: `${year}-${month}-${day}T${hh}-${mm}-${ss}`,
    year: year!,
    month: month!,
    day: day!,
    threadId: id!.toLowerCase() as ThreadId,
  };
}
