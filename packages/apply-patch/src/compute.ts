import path from "node:path";
import { ApplyPatchError } from "./errors.js";
import { type ParsedPatch, type PatchHunk, parsePatch } from "./parser.js";
import { seekSequence } from "./seek-sequence.js";
import { type LineEdit, unifiedDiff } from "./unified-diff.js";

/** Reads a file's text; `undefined` when it does not exist. May throw for unreadable paths. */
export type FileReader = (absolutePath: string) => Promise<string | undefined> | string | undefined;

/**
 * One file operation with its effect. `path` is resolved (absolute when a cwd was given); `displayPath`
 * is as written in the patch. `unifiedDiff` holds hunks only, no `---`/`+++` headers.
 */
export type FileChange =
  | { type: "add"; path: string; displayPath: string; newContent: string; unifiedDiff: string }
  | { type: "delete"; path: string; displayPath: string; oldContent: string; unifiedDiff: string }
  | {
      type: "update";
      path: string;
      displayPath: string;
      /** Set for `*** Move to:`: the resolved destination and the destination as written. */
      movePath: string | undefined;
      moveDisplayPath: string | undefined;
      oldContent: string;
      newContent: string;
      unifiedDiff: string;
    };

export interface ComputeChangesOptions {
  /** Base for relative patch paths; without it paths are only normalised. */
  cwd?: string;
  /** Unchanged lines around each change in `unifiedDiff` (default 1). */
  diffContext?: number;
}

/** The planned result of a patch: each operation's change plus the final text of every touched path. */
export interface PatchPlan {
  changes: FileChange[];
  /** Resolved path → final content, or `null` when the path ends up deleted. */
  files: Map<string, string | null>;
}

/** Splits file text into lines (without terminators) and reports its line ending. */
function splitLines(content: string): { lines: string[]; eol: string } {
  const firstBreak = content.indexOf("\n");
  const eol = firstBreak > 0 && content[firstBreak - 1] === "\r" ? "\r\n" : "\n";
  const lines = content.split("\n");
  if (eol === "\r\n") {
    for (let i = 0; i < lines.length; i += 1) {
      if (lines[i]!.endsWith("\r")) lines[i] = lines[i]!.slice(0, -1);
    }
  }
  if (lines.at(-1) === "") lines.pop();
  return { lines, eol };
}

const joinLines = (lines: string[], eol: string): string => (lines.length === 0 ? "" : `${lines.join(eol)}${eol}`);

function hunkFailure(displayPath: string, index: number, hunk: PatchHunk, what: string, expected: string[]) {
  return new ApplyPatchError(
    "CONTEXT_NOT_FOUND",
    `Hunk ${index + 1} of '${displayPath}' (patch line ${hunk.line}) did not apply: ${what} not found in the file; re-read the file and regenerate the patch against its current contents.\nExpected lines:\n${expected.join("\n")}`,
    { path: displayPath, hunk: index + 1, expected, line: hunk.line },
  );
}

/** Locates every hunk in order and returns the edits, in old-line coordinates. */
function locateHunks(lines: string[], hunks: PatchHunk[], displayPath: string): LineEdit[] {
  const edits: LineEdit[] = [];
  let cursor = 0;
  hunks.forEach((hunk, index) => {
    if (hunk.context !== undefined) {
      const at = seekSequence(lines, [hunk.context], cursor, false);
      if (at === undefined) {
        throw hunkFailure(displayPath, index, hunk, `the '@@' context line '${hunk.context}' was`, [hunk.context]);
      }
      cursor = at + 1;
    }
    if (hunk.oldLines.length === 0) {
      const at = hunk.context !== undefined && !hunk.endOfFile ? cursor : lines.length;
      edits.push({ start: at, deleteCount: 0, insert: hunk.newLines });
      cursor = at;
      return;
    }
    let pattern = hunk.oldLines;
    let insert = hunk.newLines;
    let at = seekSequence(lines, pattern, cursor, hunk.endOfFile);
    if (at === undefined && pattern.at(-1) === "") {
      pattern = pattern.slice(0, -1);
      if (insert.at(-1) === "") insert = insert.slice(0, -1);
      at = seekSequence(lines, pattern, cursor, hunk.endOfFile);
    }
    if (at === undefined) throw hunkFailure(displayPath, index, hunk, "the expected lines were", hunk.oldLines);
    edits.push({ start: at, deleteCount: pattern.length, insert });
    cursor = at + pattern.length;
  });
  return edits;
}

/**
 * Applies Update File hunks to `content` and returns the new text and its unified diff. Keeps the file's
 * line ending (LF or CRLF) and always ends a non-empty result with one.
 */
export function applyHunks(
  content: string,
  hunks: PatchHunk[],
  displayPath = "file",
  diffContext = 1,
): { newContent: string; unifiedDiff: string } {
  const { lines, eol } = splitLines(content);
  const edits = locateHunks(lines, hunks, displayPath);
  const result = lines.slice();
  for (let i = edits.length - 1; i >= 0; i -= 1) {
    const edit = edits[i]!;
    result.splice(edit.start, edit.deleteCount, ...edit.insert);
  }
  return { newContent: joinLines(result, eol), unifiedDiff: unifiedDiff(lines, edits, diffContext) };
}

const wholeFileDiff = (content: string, sign: "+" | "-"): string => {
  const { lines } = splitLines(content);
  return sign === "+"
    ? unifiedDiff([], [{ start: 0, deleteCount: 0, insert: lines }])
    : unifiedDiff(lines, [{ start: 0, deleteCount: lines.length, insert: [] }]);
};

/** Plans a patch against the files `readFile` returns, without writing anything. Throws `ApplyPatchError`. */
export async function planPatch(
  patch: string | ParsedPatch,
  readFile: FileReader,
  options: ComputeChangesOptions = {},
): Promise<PatchPlan> {
  const parsed = typeof patch === "string" ? parsePatch(patch) : patch;
  if (parsed.operations.length === 0) {
    throw new ApplyPatchError("EMPTY_PATCH", "The patch contains no file operations; add at least one '*** Add File:', '*** Delete File:' or '*** Update File:' section.");
  }
  const resolve = (p: string) => (options.cwd === undefined ? path.normalize(p) : path.resolve(options.cwd, p));
  const files = new Map<string, string | null>();
  const read = async (resolved: string) => (files.has(resolved) ? (files.get(resolved) ?? undefined) : await readFile(resolved));
  const changes: FileChange[] = [];
  for (const operation of parsed.operations) {
    const resolved = resolve(operation.path);
    const displayPath = operation.path;
    if (operation.type === "add") {
      files.set(resolved, operation.contents);
      changes.push({ type: "add", path: resolved, displayPath, newContent: operation.contents, unifiedDiff: wholeFileDiff(operation.contents, "+") });
      continue;
    }
    const oldContent = await read(resolved);
    if (oldContent === undefined) {
      const verb = operation.type === "delete" ? "delete" : "update";
      throw new ApplyPatchError(
        "FILE_NOT_FOUND",
        `Cannot ${verb} '${displayPath}' (patch line ${operation.line}): the file does not exist; check the path${verb === "update" ? " or use '*** Add File:' to create it" : ""}.`,
        { path: displayPath, line: operation.line },
      );
    }
    if (operation.type === "delete") {
      files.set(resolved, null);
      changes.push({ type: "delete", path: resolved, displayPath, oldContent, unifiedDiff: wholeFileDiff(oldContent, "-") });
      continue;
    }
    const { newContent, unifiedDiff: diff } = applyHunks(oldContent, operation.hunks, displayPath, options.diffContext);
    const movePath = operation.movePath === undefined ? undefined : resolve(operation.movePath);
    if (movePath !== undefined && movePath !== resolved) files.set(resolved, null);
    files.set(movePath ?? resolved, newContent);
    changes.push({ type: "update", path: resolved, displayPath, movePath, moveDisplayPath: operation.movePath, oldContent, newContent, unifiedDiff: diff });
  }
  return { changes, files };
}

/** Computes every file change of a patch without touching the filesystem (for previews and approvals). */
export async function computeChanges(
  patch: string | ParsedPatch,
  readFile: FileReader,
  options: ComputeChangesOptions = {},
): Promise<FileChange[]> {
  return (await planPatch(patch, readFile, options)).changes;
}

/** Upstream's success text: `Success. Updated the following files:` then `A`, `M`, `D` lines. */
export function formatSummary(changes: FileChange[]): string {
  const added = changes.filter((c) => c.type === "add").map((c) => `A ${c.displayPath}\n`);
  const modified = changes
    .filter((c) => c.type === "update")
    .map((c) => `M ${c.type === "update" ? (c.moveDisplayPath ?? c.displayPath) : c.displayPath}\n`);
  const deleted = changes.filter((c) => c.type === "delete").map((c) => `D ${c.displayPath}\n`);
  return `Success. Updated the following files:\n${[...added, ...modified, ...deleted].join("")}`;
}
