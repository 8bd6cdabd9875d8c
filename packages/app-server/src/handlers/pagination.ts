// Offset cursors as upstream's list methods use them: the cursor is the index of the first item of the page.
import { invalidRequest } from "./rpc-errors.js";

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/**
 * One page of `items`. Without `limit` the page holds everything; a limit of 0 counts as 1 so that paging
 * always advances. `noun` names the items in the error for a cursor past the end
 * (`cursor 9 exceeds total models 3`).
 */
export function paginate<T>(items: readonly T[], cursor: string | null | undefined, limit: number | null | undefined, noun: string): Page<T> {
  const total = items.length;
  if (total === 0) return { data: [], nextCursor: null };
  const pageSize = Math.min(Math.max(limit ?? total, 1), total);
  let start = 0;
  if (cursor !== null && cursor !== undefined) {
    if (!/^\+?\d+$/.test(cursor) || !Number.isSafeInteger(Number(cursor))) {
      throw invalidRequest(`invalid cursor: ${cursor}`);
    }
    start = Number(cursor);
  }
  if (start > total) throw invalidRequest(`cursor ${start} exceeds total ${noun} ${total}`);
  const end = Math.min(start + pageSize, total);
  return { data: items.slice(start, end), nextCursor: end < total ? String(end) : null };
}
