/** A search started under a cancellation token. */
export interface CancellableSearch {
  signal: AbortSignal;
  /** Call when the search is over, so the token no longer refers to it. */
  finish(): void;
}

/**
 * The `cancellationToken` semantics of `fuzzyFileSearch`: a new search under a token cancels the
 * search still running under that token. Searches without a token are never cancelled this way.
 */
export class SearchCancellationRegistry {
  private readonly running = new Map<string, AbortController>();

  begin(token: string | null | undefined): CancellableSearch {
    const controller = new AbortController();
    if (token === null || token === undefined) {
      return { signal: controller.signal, finish: () => undefined };
    }
    this.running.get(token)?.abort();
    this.running.set(token, controller);
    return {
      signal: controller.signal,
      finish: () => {
        if (this.running.get(token) === controller) this.running.delete(token);
      },
    };
  }

  /** Number of searches currently registered under a token. */
  get size(): number {
    return this.running.size;
  }
}
