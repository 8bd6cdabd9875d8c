// A turn as clients read it back (`thread/read`, `thread/resume`): status, timing and its items.
import type { ThreadItem, TurnError, TurnStatus } from "@codex-ts/protocol";

export interface TurnRecord {
  id: string;
  status: TurnStatus;
  error: TurnError | null;
  /** Unix seconds. */
  startedAt: number | null;
  completedAt: number | null;
  durationMs: number | null;
  items: ThreadItem[];
}

/** Adds or replaces (by id) an item of a turn. */
export function upsertItem(turn: TurnRecord, item: ThreadItem): void {
  const index = turn.items.findIndex((existing) => existing.id === item.id && existing.type === item.type);
  if (index >= 0) turn.items[index] = item;
  else turn.items.push(item);
}
