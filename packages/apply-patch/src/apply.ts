import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { type FileChange, formatSummary, planPatch } from "./compute.js";
import { ApplyPatchError } from "./errors.js";
import type { ParsedPatch } from "./parser.js";

export interface ApplyPatchOptions {
  /** Directory that relative patch paths are resolved against. Absolute patch paths are used as they are. */
  cwd: string;
  /** Unchanged lines around each change in the returned diffs (default 1). */
  diffContext?: number;
}

export interface ApplyPatchResult {
  changes: FileChange[];
  /** `Success. Updated the following files:` followed by `A`/`M`/`D` lines, newline-terminated. */
  summary: string;
}

const errnoOf = (error: unknown): string | undefined =>
  error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;

/** Reads a file as UTF-8; `undefined` when it does not exist; `NOT_A_FILE` for directories. */
export async function readTextFile(file: string): Promise<string | undefined> {
  try {
    if ((await stat(file)).isDirectory()) {
      throw new ApplyPatchError("NOT_A_FILE", `'${file}' is a directory, not a file; point the patch at a regular file.`, { path: file });
    }
    return await readFile(file, "utf8");
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === "ENOENT" || errno === "ENOTDIR") return undefined;
    throw error;
  }
}

async function readOriginal(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === "ENOENT" || errno === "ENOTDIR") return undefined;
    throw error;
  }
}

/**
 * Parses and applies a patch under `cwd`, all or nothing: every hunk of every file is located before
 * anything is written, and if a write fails the files already written are restored. Throws
 * `ApplyPatchError` (nothing changed) on bad grammar, a missing file or a hunk whose lines are not found.
 */
export async function applyPatch(patch: string | ParsedPatch, options: ApplyPatchOptions): Promise<ApplyPatchResult> {
  const plan = await planPatch(patch, readTextFile, { cwd: options.cwd, diffContext: options.diffContext });
  const originals = new Map<string, Buffer | undefined>();
  try {
    for (const [file, content] of plan.files) {
      originals.set(file, await readOriginal(file));
      if (content === null) {
        await rm(file, { force: true });
      } else {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, content);
      }
    }
  } catch (error) {
    await restore(originals);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApplyPatchError(
      "WRITE_FAILED",
      `Writing the patch failed (${reason}); no file was changed, so fix the permissions or path and retry.`,
    );
  }
  return { changes: plan.changes, summary: formatSummary(plan.changes) };
}

async function restore(originals: Map<string, Buffer | undefined>): Promise<void> {
  for (const [file, original] of originals) {
    try {
      if (original === undefined) await rm(file, { force: true });
      else await writeFile(file, original);
    } catch {
      // Best effort: the original failure is the one worth reporting.
    }
  }
}
