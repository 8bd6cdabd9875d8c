export { FileSearchError, type FileSearchErrorCode } from "./errors.js";
export { FileSearchSession, type FileSearchSessionOptions } from "./file-search-session.js";
export { type FuzzyFileSearchOptions, type FuzzyFileSearchOutcome, fuzzyFileSearch } from "./fuzzy-file-search.js";
export { type PathMatch, type RankPathsOptions, rankPaths } from "./rank-paths.js";
export { type CancellableSearch, SearchCancellationRegistry } from "./search-cancellation.js";
export { DEFAULT_LIMIT } from "./search-options.js";
export type {
  FileMatch,
  FileSearchOptions,
  FileSearchSnapshot,
  MatchType,
  SessionCompletedEvent,
  SessionUpdatedEvent,
} from "./types.js";
