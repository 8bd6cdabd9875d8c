import { FileSearchSession } from "./file-search-session.js";
import { resolveSearchOptions } from "./search-options.js";
import type { FileMatch, FileSearchOptions } from "./types.js";

export interface FuzzyFileSearchOptions extends FileSearchOptions {
  query: string;
  /** Aborting stops the walk; the search then resolves with no files and `cancelled: true`. */
  signal?: AbortSignal;
}

export interface FuzzyFileSearchOutcome {
  /** Best matches, best first: the `files` of the `fuzzyFileSearch` response. */
  files: FileMatch[];
  totalMatchCount: number;
  scannedCount: number;
  cancelled: boolean;
}

function empty(cancelled: boolean): FuzzyFileSearchOutcome {
  return { files: [], totalMatchCount: 0, scannedCount: 0, cancelled };
}

/**
 * Walks `roots` and returns the best matches for `query`. An empty query or no roots yields no files
 * (as the app-server answers). Throws `FileSearchError` for an invalid limit or exclude pattern.
 */
export async function fuzzyFileSearch(options: FuzzyFileSearchOptions): Promise<FuzzyFileSearchOutcome> {
  resolveSearchOptions(options);
  const { signal } = options;
  if (signal?.aborted) return empty(true);
  if (options.query.trim() === "" || options.roots.length === 0) return empty(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      session.stop();
      resolve(empty(true));
    };
    const session = FileSearchSession.start({
      ...options,
      updateIntervalMs: Number.POSITIVE_INFINITY,
      onCompleted: () => {
        signal?.removeEventListener("abort", onAbort);
        const snapshot = session.snapshot();
        session.stop();
        resolve({
          files: snapshot.files,
          totalMatchCount: snapshot.totalMatchCount,
          scannedCount: snapshot.scannedCount,
          cancelled: false,
        });
      },
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    session.update(options.query);
  });
}
