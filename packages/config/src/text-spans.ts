/** Line-oriented helpers for editing text by UTF-16 offsets. */

/** The newline a text uses: CRLF when it has any, else LF. */
export function newlineOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Offset of the end of the line holding `offset`, before its line ending. */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  if (newline < 0) {
    return text.length;
  }
  return newline > 0 && text[newline - 1] === "\r" ? newline - 1 : newline;
}

/** Offset just after the line ending of the line holding `offset` (or the end of the text). */
export function afterLine(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline + 1;
}

/** Replaces `text[start, end)` with `insert`. */
export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** A range of text to delete. */
export interface Deletion {
  start: number;
  end: number;
  /** Also delete blank lines left behind (used when removing whole sections). */
  tidy: boolean;
}

/** Deletes ranges (which must not overlap), last first so offsets stay valid. */
export function deleteRanges(text: string, deletions: readonly Deletion[]): string {
  const ordered = [...deletions].sort((a, b) => b.start - a.start);
  let result = text;
  for (const { start, end, tidy } of ordered) {
    result = result.slice(0, start) + result.slice(end);
    if (tidy) {
      result = tidyBlankLines(result, start);
    }
  }
  return result;
}

/**
 * After a section was removed at `offset`: when a blank line (or the start of the text) precedes it,
 * drop the blank lines that follow so no double gap is left; at the end of the text keep one newline.
 */
function tidyBlankLines(text: string, offset: number): string {
  const before = text.slice(0, offset);
  if (offset !== 0 && !/\r?\n[ \t]*\r?\n$/.test(before)) {
    return text;
  }
  const following = /^([ \t]*\r?\n)+/.exec(text.slice(offset));
  let result = following === null ? text : text.slice(0, offset) + text.slice(offset + following[0].length);
  if (offset >= result.length) {
    result = result.replace(/(\r?\n)([ \t]*\r?\n)+$/, "$1");
  }
  return result;
}

/** Offset where lines of comments directly above `offset`'s line begin (`offset`'s line start if none). */
export function startOfAttachedComments(text: string, offset: number): number {
  let start = lineStart(text, offset);
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    if (!text.slice(previous, start).trim().startsWith("#")) {
      break;
    }
    start = previous;
  }
  return start;
}
