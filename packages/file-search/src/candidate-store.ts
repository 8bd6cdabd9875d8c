import path from "node:path";
import { foldDiacritics, lowerPreservingLength } from "./text-fold.js";

/** A path to be ranked, with the folded forms matching needs. */
export interface CandidateInput {
  rootIndex: number;
  path: string;
  isDir: boolean;
}

/**
 * Everything found so far, append-only, indexed by a dense id. Keeps parallel arrays so a ranking pass
 * touches only what it needs (folded text) for the many candidates that do not match.
 */
export class CandidateStore {
  readonly paths: string[] = [];
  /** Diacritics folded, original case (the same string as `paths` for ASCII). */
  readonly cased: string[] = [];
  /** Diacritics folded and lower-cased. */
  readonly lower: string[] = [];
  /** Offset of the last path component. */
  readonly nameStart: number[] = [];
  readonly rootIndex: number[] = [];
  readonly isDir: boolean[] = [];

  get size(): number {
    return this.paths.length;
  }

  add(entries: readonly CandidateInput[]): void {
    for (const entry of entries) {
      const cased = foldDiacritics(entry.path);
      this.paths.push(entry.path);
      this.cased.push(cased);
      this.lower.push(lowerPreservingLength(cased));
      this.nameStart.push(entry.path.lastIndexOf(path.sep) + 1);
      this.rootIndex.push(entry.rootIndex);
      this.isDir.push(entry.isDir);
    }
  }
}
