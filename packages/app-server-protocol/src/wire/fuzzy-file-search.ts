// Fuzzy file search: the one-shot `fuzzyFileSearch` request and the streaming session methods.
// The result fields are snake_case on the wire.
import type { UInt32 } from "./scalars.js";

/** Search once. */
export interface FuzzyFileSearchParams {
  query: string;
  /** Directories to search. */
  roots: string[];
  /** A later search with the same token cancels this one. */
  cancellationToken?: string | null;
}

/** Whether a match is a file or a directory. */
export type FuzzyFileSearchMatchType = "file" | "directory";

/** One match. */
export interface FuzzyFileSearchResult {
  /** Root the match was found under. */
  root: string;
  /** Path relative to `root`. */
  path: string;
  match_type: FuzzyFileSearchMatchType;
  /** Last component of `path`. */
  file_name: string;
  /** Higher is better. */
  score: UInt32;
  /** Character positions of `path` that matched the query. */
  indices?: UInt32[] | null;
}

/** Matches of a one-shot search, best first. */
export interface FuzzyFileSearchResponse {
  files: FuzzyFileSearchResult[];
}

/** Open a search session over some roots. */
export interface FuzzyFileSearchSessionStartParams {
  /** Identifier chosen by the client, unique on this connection. */
  sessionId: string;
  roots: string[];
}

/** Empty result of `fuzzyFileSearch/sessionStart`. */
export type FuzzyFileSearchSessionStartResponse = Record<string, never>;

/** Change the query of a session; results arrive as `fuzzyFileSearch/sessionUpdated`. */
export interface FuzzyFileSearchSessionUpdateParams {
  sessionId: string;
  query: string;
}

/** Empty result of `fuzzyFileSearch/sessionUpdate`. */
export type FuzzyFileSearchSessionUpdateResponse = Record<string, never>;

/** Close a session. */
export interface FuzzyFileSearchSessionStopParams {
  sessionId: string;
}

/** Empty result of `fuzzyFileSearch/sessionStop`. */
export type FuzzyFileSearchSessionStopResponse = Record<string, never>;

/** Current matches of a session for a query. */
export interface FuzzyFileSearchSessionUpdatedNotification {
  sessionId: string;
  query: string;
  files: FuzzyFileSearchResult[];
}

/** A session finished searching for its current query. */
export interface FuzzyFileSearchSessionCompletedNotification {
  sessionId: string;
}
