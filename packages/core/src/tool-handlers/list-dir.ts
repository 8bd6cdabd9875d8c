import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { takeBytesAtCharBoundary } from "@codex-ts/utils-string";
import { ToolArguments } from "./arguments.js";
import { describeIoError } from "./file-lines.js";
import { ToolCallError } from "./tool-call-error.js";

/** Entry names longer than this many bytes are cut (on a character boundary). */
export const LIST_DIR_MAX_ENTRY_BYTES = 500;
export const LIST_DIR_DEFAULT_LIMIT = 25;
export const LIST_DIR_DEFAULT_DEPTH = 2;
const INDENT_PER_LEVEL = 2;

export interface ListDirRequest {
  dirPath: string;
  offset: number;
  limit: number;
  depth: number;
}

type EntryKind = "directory" | "file" | "symlink" | "other";

interface DirEntry {
  /** Relative path from the listed directory, `/`-separated: the sort key. */
  sortKey: string;
  displayName: string;
  depth: number;
  kind: EntryKind;
}

/** Parses and validates list_dir's JSON arguments. */
export function parseListDirArguments(argumentsJson: string): ListDirRequest {
  const args = ToolArguments.parse(argumentsJson);
  const dirPath = args.requiredString("dir_path");
  const offset = args.unsignedInteger("offset", 1);
  const limit = args.unsignedInteger("limit", LIST_DIR_DEFAULT_LIMIT);
  const depth = args.unsignedInteger("depth", LIST_DIR_DEFAULT_DEPTH);
  if (offset === 0) throw new ToolCallError("offset must be a 1-indexed entry number");
  if (limit === 0) throw new ToolCallError("limit must be greater than zero");
  if (depth === 0) throw new ToolCallError("depth must be greater than zero");
  if (!path.isAbsolute(dirPath)) throw new ToolCallError("dir_path must be an absolute path");
  return { dirPath, offset, limit, depth };
}

/**
 * The list_dir tool: `Absolute path: <dir>` followed by the entries (breadth-first down to `depth`, sorted by
 * relative path), indented two spaces per level, with `/` after directories, `@` after symlinks and `?` after
 * other special files; `More than N entries found` when the page does not reach the end.
 */
export async function runListDir(argumentsJson: string): Promise<string> {
  const request = parseListDirArguments(argumentsJson);
  const entries = await collectEntries(request.dirPath, request.depth);
  const lines = [`Absolute path: ${request.dirPath}`];
  if (entries.length === 0) return lines.join("\n");

  entries.sort((a, b) => compareBytes(a.sortKey, b.sortKey));
  const start = request.offset - 1;
  if (start >= entries.length) throw new ToolCallError("offset exceeds directory entry count");
  const count = Math.min(request.limit, entries.length - start);
  for (const entry of entries.slice(start, start + count)) lines.push(formatEntry(entry));
  if (start + count < entries.length) lines.push(`More than ${count} entries found`);
  return lines.join("\n");
}

async function collectEntries(root: string, depth: number): Promise<DirEntry[]> {
  const entries: DirEntry[] = [];
  const queue: { dir: string; prefix: string; remaining: number }[] = [{ dir: root, prefix: "", remaining: depth }];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    let dirents: Dirent[];
    try {
      dirents = await readdir(next.dir, { withFileTypes: true });
    } catch (error) {
      throw new ToolCallError(`failed to read directory: ${describeIoError(error)}`, { cause: error });
    }
    const level = next.prefix === "" ? 0 : next.prefix.split("/").length;
    const batch = dirents.map((dirent) => {
      const relative = next.prefix === "" ? dirent.name : `${next.prefix}/${dirent.name}`;
      const entry: DirEntry = {
        sortKey: cutName(relative),
        displayName: cutName(dirent.name),
        depth: level,
        kind: kindOf(dirent),
      };
      return { entry, relative, full: path.join(next.dir, dirent.name) };
    });
    batch.sort((a, b) => compareBytes(a.entry.sortKey, b.entry.sortKey));
    for (const { entry, relative, full } of batch) {
      if (entry.kind === "directory" && next.remaining > 1) {
        queue.push({ dir: full, prefix: relative, remaining: next.remaining - 1 });
      }
      entries.push(entry);
    }
  }
  return entries;
}

function kindOf(dirent: Dirent): EntryKind {
  if (dirent.isSymbolicLink()) return "symlink";
  if (dirent.isDirectory()) return "directory";
  if (dirent.isFile()) return "file";
  return "other";
}

function cutName(name: string): string {
  return takeBytesAtCharBoundary(name, LIST_DIR_MAX_ENTRY_BYTES);
}

function formatEntry(entry: DirEntry): string {
  const suffix = { directory: "/", symlink: "@", other: "?", file: "" }[entry.kind];
  return `${" ".repeat(entry.depth * INDENT_PER_LEVEL)}${entry.displayName}${suffix}`;
}

/** Orders strings by their UTF-8 bytes, as a byte-wise string comparison does. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
