/** Replace `deleteCount` lines at `start` (0-based, in the old text) with `insert`. */
export interface LineEdit {
  start: number;
  deleteCount: number;
  insert: string[];
}

/** Shrinks an edit to the lines that really change (drops a common head and tail). */
function tighten(oldLines: string[], edit: LineEdit): LineEdit {
  let head = 0;
  const max = Math.min(edit.deleteCount, edit.insert.length);
  while (head < max && oldLines[edit.start + head] === edit.insert[head]) head += 1;
  let tail = 0;
  while (
    tail < max - head &&
    oldLines[edit.start + edit.deleteCount - 1 - tail] === edit.insert[edit.insert.length - 1 - tail]
  ) {
    tail += 1;
  }
  return {
    start: edit.start + head,
    deleteCount: edit.deleteCount - head - tail,
    insert: edit.insert.slice(head, edit.insert.length - tail),
  };
}

const range = (start: number, count: number): string => `${count === 0 ? start : start + 1},${count}`;

/**
 * Renders sorted, non-overlapping edits of `oldLines` as unified diff hunks (`@@ -a,b +c,d @@` and
 * ` `/`-`/`+` lines, no file headers) with `context` unchanged lines around each change.
 */
export function unifiedDiff(oldLines: string[], edits: LineEdit[], context = 1): string {
  const changes = edits.map((edit) => tighten(oldLines, edit)).filter((e) => e.deleteCount > 0 || e.insert.length > 0);
  let out = "";
  let delta = 0;
  let index = 0;
  while (index < changes.length) {
    let last = index;
    while (
      last + 1 < changes.length &&
      changes[last + 1]!.start - (changes[last]!.start + changes[last]!.deleteCount) <= 2 * context
    ) {
      last += 1;
    }
    const first = changes[index]!;
    const final = changes[last]!;
    const oldStart = Math.max(0, first.start - context);
    const oldEnd = Math.min(oldLines.length, final.start + final.deleteCount + context);
    let body = "";
    let groupDelta = 0;
    let position = oldStart;
    for (let at = index; at <= last; at += 1) {
      const change = changes[at]!;
      for (; position < change.start; position += 1) body += ` ${oldLines[position]}\n`;
      for (let k = 0; k < change.deleteCount; k += 1) body += `-${oldLines[change.start + k]}\n`;
      for (const line of change.insert) body += `+${line}\n`;
      position = change.start + change.deleteCount;
      groupDelta += change.insert.length - change.deleteCount;
    }
    for (; position < oldEnd; position += 1) body += ` ${oldLines[position]}\n`;
    const oldCount = oldEnd - oldStart;
    out += `@@ -${range(oldStart, oldCount)} +${range(oldStart + delta, oldCount + groupDelta)} @@\n${body}`;
    delta += groupDelta;
    index = last + 1;
  }
  return out;
}
