/** Whether a match is a file or a directory (wire values of `FuzzyFileSearchMatchType`). */
export type MatchType = "file" | "directory";

/**
 * One ranked match. Field names and casing are those of the app-server wire type
 * `FuzzyFileSearchResult` (snake_case `match_type` and `file_name`), so a match can be sent as is.
 */
export interface FileMatch {
  /** The search root the match was found under, exactly as the caller passed it. */
  root: string;
  /** Path relative to `root`, with the platform separator. */
  path: string;
  match_type: MatchType;
  /** Last component of `path`. */
  file_name: string;
  /** Relevance; higher is better. Only meaningful relative to other scores of the same query. */
  score: number;
  /** Sorted, unique character (code point) indices into `path` that matched the query, for highlighting. */
  indices: number[] | null;
}

/** Options shared by one-shot searches and sessions. */
export interface FileSearchOptions {
  /** Directories to search. Paths are reported relative to the root they were found under. */
  roots: readonly string[];
  /** Maximum number of matches returned (default 50, as the app-server uses). */
  limit?: number;
  /** Extra gitignore-style patterns, relative to each root, that are never searched. */
  excludes?: readonly string[];
  /** Honour .gitignore, .ignore and .git/info/exclude (default true). */
  respectGitignore?: boolean;
  /** Whether to compute `indices` (default true). */
  computeIndices?: boolean;
  /** Number of directories read concurrently (default 8). */
  concurrency?: number;
}

/** The state of a session's ranking at one moment. */
export interface FileSearchSnapshot {
  query: string;
  /** Best matches, best first. */
  files: FileMatch[];
  /** How many of the scanned entries match the query. */
  totalMatchCount: number;
  /** How many entries (files and directories) have been found so far. */
  scannedCount: number;
  /** True once every root has been walked. */
  walkComplete: boolean;
}

/** Payload of `onUpdated`, mirroring the `fuzzyFileSearch/sessionUpdated` notification. */
export type SessionUpdatedEvent = FileSearchSnapshot;

/** Payload of `onCompleted`, mirroring the `fuzzyFileSearch/sessionCompleted` notification. */
export interface SessionCompletedEvent {
  query: string;
}
