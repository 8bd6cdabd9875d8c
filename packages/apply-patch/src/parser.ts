import { invalidPatch } from "./errors.js";

/** One `@@` section of an Update File operation: replace `oldLines` with `newLines`. */
export interface PatchHunk {
  /** Text after `@@ `: a line that must appear (after earlier hunks) before `oldLines`. */
  context: string | undefined;
  oldLines: string[];
  newLines: string[];
  /** `*** End of File` followed the hunk: `oldLines` sit at the end of the file. */
  endOfFile: boolean;
  /** 1-based line of the patch where the hunk starts. */
  line: number;
}

/** One file operation of a patch. Paths are as written (relative to the cwd, or absolute). */
export type PatchOperation =
  | { type: "add"; path: string; contents: string; line: number }
  | { type: "delete"; path: string; line: number }
  | { type: "update"; path: string; movePath: string | undefined; hunks: PatchHunk[]; line: number };

export interface ParsedPatch {
  operations: PatchOperation[];
}

export const BEGIN_PATCH = "*** Begin Patch";
export const END_PATCH = "*** End Patch";
const ADD_FILE = "*** Add File: ";
const DELETE_FILE = "*** Delete File: ";
const UPDATE_FILE = "*** Update File: ";
const MOVE_TO = "*** Move to: ";
const END_OF_FILE = "*** End of File";
const HEREDOC_OPENERS = new Set(["<<EOF", "<<'EOF'", '<<"EOF"']);

/** A header matches a marker with its path, or the bare marker (so a missing path gets its own error). */
const hasMarker = (header: string, marker: string): boolean =>
  header.startsWith(marker) || header === marker.trimEnd();

const quote = (text: string): string => `'${text.length > 80 ? `${text.slice(0, 77)}...` : text}'`;

/**
 * Parses patch text in the Codex patch grammar. Lenient like upstream: blank lines around the patch,
 * whitespace around markers, CRLF line breaks, a missing final newline and a `<<'EOF'` ... `EOF` heredoc
 * wrapper are accepted. Throws `ApplyPatchError` (code `INVALID_PATCH`, with `line`) on a grammar error.
 */
export function parsePatch(text: string): ParsedPatch {
  const lines = text.split(/\r?\n/);
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === "") start += 1;
  while (end > start && lines[end - 1]!.trim() === "") end -= 1;
  if (end - start >= 4 && HEREDOC_OPENERS.has(lines[start]!.trim()) && lines[end - 1]!.trim().endsWith("EOF")) {
    start += 1;
    end -= 1;
  }
  if (start === end || lines[start]!.trim() !== BEGIN_PATCH) {
    const found = start === end ? "an empty patch" : quote(lines[start]!.trim());
    throw invalidPatch(start === end ? 1 : start + 1, `expected the first line to be '${BEGIN_PATCH}', found ${found}.`);
  }
  if (end - start < 2 || lines[end - 1]!.trim() !== END_PATCH) {
    throw invalidPatch(end, `expected the last line to be '${END_PATCH}', found ${quote(lines[end - 1]!.trim())}.`);
  }
  return { operations: new OperationReader(lines, start + 1, end - 1).readAll() };
}

class OperationReader {
  constructor(
    private readonly lines: string[],
    private index: number,
    private readonly end: number,
  ) {}

  readAll(): PatchOperation[] {
    const operations: PatchOperation[] = [];
    while (this.index < this.end) {
      if (this.lines[this.index]!.trim() === "") {
        this.index += 1;
        continue;
      }
      operations.push(this.readOperation());
    }
    return operations;
  }

  private readOperation(): PatchOperation {
    const line = this.index + 1;
    const header = this.lines[this.index]!.trim();
    this.index += 1;
    if (hasMarker(header, ADD_FILE)) {
      const path = this.pathOf(header, ADD_FILE, line);
      let contents = "";
      while (this.index < this.end && this.lines[this.index]!.startsWith("+")) {
        contents += `${this.lines[this.index]!.slice(1)}\n`;
        this.index += 1;
      }
      return { type: "add", path, contents, line };
    }
    if (hasMarker(header, DELETE_FILE)) {
      return { type: "delete", path: this.pathOf(header, DELETE_FILE, line), line };
    }
    if (hasMarker(header, UPDATE_FILE)) {
      const path = this.pathOf(header, UPDATE_FILE, line);
      let movePath: string | undefined;
      const next = this.index < this.end ? this.lines[this.index]!.trim() : "";
      if (hasMarker(next, MOVE_TO)) {
        movePath = this.pathOf(next, MOVE_TO, this.index + 1);
        this.index += 1;
      }
      const hunks = this.readHunks();
      if (hunks.length === 0) {
        throw invalidPatch(
          line,
          `the Update File section for '${path}' has no changes; expected '@@' followed by ' ', '-' or '+' lines.`,
        );
      }
      return { type: "update", path, movePath, hunks, line };
    }
    throw invalidPatch(
      line,
      `${quote(header)} is not a valid file header; expected '${ADD_FILE}<path>', '${DELETE_FILE}<path>' or '${UPDATE_FILE}<path>'.`,
    );
  }

  private pathOf(header: string, marker: string, line: number): string {
    const path = header.slice(marker.length).trim();
    if (path === "") throw invalidPatch(line, `expected a file path after '${marker.trim()}'.`);
    return path;
  }

  private readHunks(): PatchHunk[] {
    const hunks: PatchHunk[] = [];
    while (this.index < this.end) {
      const raw = this.lines[this.index]!;
      if (raw.trim() === "") {
        this.index += 1;
        continue;
      }
      if (raw.startsWith("*")) break;
      hunks.push(this.readHunk(hunks.length === 0));
    }
    return hunks;
  }

  private readHunk(first: boolean): PatchHunk {
    const line = this.index + 1;
    const header = this.lines[this.index]!;
    const trimmed = header.trim();
    let context: string | undefined;
    if (trimmed === "@@") {
      this.index += 1;
    } else if (trimmed.startsWith("@@ ")) {
      context = trimmed.slice(3);
      this.index += 1;
    } else if (!first) {
      throw invalidPatch(line, `expected a '@@' hunk header, found ${quote(header)}.`);
    }
    const hunk: PatchHunk = { context, oldLines: [], newLines: [], endOfFile: false, line };
    let count = 0;
    while (this.index < this.end) {
      const text = this.lines[this.index]!;
      if (text.trimEnd() === END_OF_FILE) {
        if (count === 0) break;
        hunk.endOfFile = true;
        this.index += 1;
        break;
      }
      const marker = text[0];
      if (marker === undefined) {
        hunk.oldLines.push("");
        hunk.newLines.push("");
      } else if (marker === " ") {
        hunk.oldLines.push(text.slice(1));
        hunk.newLines.push(text.slice(1));
      } else if (marker === "-") {
        hunk.oldLines.push(text.slice(1));
      } else if (marker === "+") {
        hunk.newLines.push(text.slice(1));
      } else {
        if (count === 0) {
          throw invalidPatch(
            this.index + 1,
            `unexpected line ${quote(text)} in a hunk; every hunk line starts with ' ' (context), '-' (removed) or '+' (added).`,
          );
        }
        break;
      }
      count += 1;
      this.index += 1;
    }
    if (count === 0) {
      throw invalidPatch(this.index + 1, "expected ' ', '-' or '+' lines after the '@@' hunk header.");
    }
    return hunk;
  }
}
