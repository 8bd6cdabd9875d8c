import path from "node:path";
import { FileSearchError } from "./errors.js";
import type { FileSearchOptions } from "./types.js";

/** Matches returned when no limit is given (the app-server's limit). */
export const DEFAULT_LIMIT = 50;
/** Directories read at once when no concurrency is given. */
export const DEFAULT_CONCURRENCY = 8;

export interface ResolvedSearchOptions {
  /** Roots as the caller spelled them (reported back in matches). */
  roots: readonly string[];
  /** The same roots, absolute and normalised (walked). */
  absoluteRoots: readonly string[];
  limit: number;
  excludes: readonly string[];
  respectGitignore: boolean;
  computeIndices: boolean;
  concurrency: number;
}

/** Validates and fills in defaults; throws `FileSearchError` for a bad limit or exclude pattern. */
export function resolveSearchOptions(options: FileSearchOptions): ResolvedSearchOptions {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new FileSearchError("INVALID_LIMIT", `limit must be a positive integer, got ${String(limit)}.`);
  }
  const excludes = options.excludes ?? [];
  for (const pattern of excludes) {
    if (typeof pattern !== "string" || pattern.trim() === "") {
      throw new FileSearchError("INVALID_EXCLUDE", "exclude patterns must be non-empty gitignore-style strings.");
    }
  }
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  return {
    roots: [...options.roots],
    absoluteRoots: options.roots.map((root) => path.resolve(root)),
    limit,
    excludes,
    respectGitignore: options.respectGitignore ?? true,
    computeIndices: options.computeIndices ?? true,
    concurrency: Math.max(1, Math.floor(concurrency)),
  };
}
