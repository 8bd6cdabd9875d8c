import { CandidateStore } from "./candidate-store.js";
import { IncrementalRanker } from "./incremental-ranker.js";
import { DEFAULT_LIMIT } from "./search-options.js";

export interface RankPathsOptions {
  /** Maximum number of matches (default 50). */
  limit?: number;
  /** Whether to compute `indices` (default true). */
  computeIndices?: boolean;
}

export interface PathMatch {
  path: string;
  score: number;
  indices: number[] | null;
}

/**
 * Ranks an in-memory list of relative paths for `query`, synchronously, with the same scoring as the
 * file search. For lists that are already known (open buffers, recent files, command names).
 */
export function rankPaths(query: string, paths: readonly string[], options: RankPathsOptions = {}): PathMatch[] {
  const store = new CandidateStore();
  store.add(paths.map((path) => ({ rootIndex: 0, path, isDir: false })));
  const ranker = new IncrementalRanker(store, options.limit ?? DEFAULT_LIMIT, options.computeIndices ?? true);
  ranker.setQuery(query);
  ranker.work(Number.POSITIVE_INFINITY);
  return ranker.best().map(({ id, score, indices }) => ({ path: store.paths[id] as string, score, indices }));
}
