import { CandidateStore } from "./candidate-store.js";
import { FileSearchError } from "./errors.js";
import { IncrementalRanker } from "./incremental-ranker.js";
import { type ResolvedSearchOptions, resolveSearchOptions } from "./search-options.js";
import type {
  FileMatch,
  FileSearchOptions,
  FileSearchSnapshot,
  SessionCompletedEvent,
  SessionUpdatedEvent,
} from "./types.js";
import { walkRoots } from "./walker.js";

export interface FileSearchSessionOptions extends FileSearchOptions {
  /** Best matches changed (`fuzzyFileSearch/sessionUpdated`). At least once after every `update()`. */
  onUpdated?: (event: SessionUpdatedEvent) => void;
  /** The walk is finished and the latest query fully ranked (`fuzzyFileSearch/sessionCompleted`). */
  onCompleted?: (event: SessionCompletedEvent) => void;
  /** Minimum time between two updates while results stream in (default 50 ms). */
  updateIntervalMs?: number;
}

/** Ranking work done per turn of the event loop before yielding. */
const SLICE_MS = 8;
const DEFAULT_UPDATE_INTERVAL_MS = 50;

/**
 * An incremental search: the roots are walked once, in the background, and every `update(query)`
 * re-ranks what has been found so far, then keeps ranking new entries as the walk finds them. Results
 * stream through `onUpdated`; `onCompleted` follows once the walk is over and the query fully ranked.
 * Nothing is reported before the first `update()`, nor after `stop()`.
 */
export class FileSearchSession {
  private readonly options: ResolvedSearchOptions;
  private readonly store = new CandidateStore();
  private readonly ranker: IncrementalRanker;
  private readonly abort = new AbortController();
  private readonly updateIntervalMs: number;
  private readonly onUpdated: ((event: SessionUpdatedEvent) => void) | undefined;
  private readonly onCompleted: ((event: SessionCompletedEvent) => void) | undefined;
  private walkFinished = false;
  private hasQuery = false;
  private stopped = false;
  private scheduled = false;
  private publishedForQuery = false;
  private completedForQuery = false;
  private dirty = false;
  private lastPublishAt = Number.NEGATIVE_INFINITY;
  private queryAt = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Settles when the walk has finished or was stopped. */
  readonly walkDone: Promise<void>;

  /** Starts walking `options.roots`. Throws `FileSearchError` for an invalid limit or exclude. */
  static start(options: FileSearchSessionOptions): FileSearchSession {
    return new FileSearchSession(options);
  }

  private constructor(options: FileSearchSessionOptions) {
    this.options = resolveSearchOptions(options);
    this.updateIntervalMs = Math.max(0, options.updateIntervalMs ?? DEFAULT_UPDATE_INTERVAL_MS);
    this.onUpdated = options.onUpdated;
    this.onCompleted = options.onCompleted;
    this.ranker = new IncrementalRanker(this.store, this.options.limit, this.options.computeIndices);
    this.walkDone = walkRoots({
      roots: this.options.absoluteRoots,
      excludes: this.options.excludes,
      respectGitignore: this.options.respectGitignore,
      concurrency: this.options.concurrency,
      signal: this.abort.signal,
      onEntries: (entries) => {
        this.store.add(entries);
        this.schedule();
      },
    })
      .catch(() => undefined)
      .then(() => {
        this.walkFinished = true;
        this.schedule();
      });
  }

  get query(): string {
    return this.ranker.currentQuery;
  }

  get walkComplete(): boolean {
    return this.walkFinished;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Sets the query; cheap, the walk is not repeated. Throws `FileSearchError` after `stop()`. */
  update(query: string): void {
    if (this.stopped) {
      throw new FileSearchError("SESSION_STOPPED", "This file search session was stopped; start a new session.");
    }
    this.hasQuery = true;
    this.ranker.setQuery(query);
    this.publishedForQuery = false;
    this.completedForQuery = false;
    this.dirty = true;
    this.queryAt = performance.now();
    this.clearTimer();
    this.schedule();
  }

  /** Cancels the walk and silences the callbacks. Idempotent. */
  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.clearTimer();
  }

  /** The current best matches for the latest query (empty for an empty query). */
  snapshot(): FileSearchSnapshot {
    const files = this.hasQuery ? this.ranker.best().map((entry) => this.toMatch(entry.id, entry.score, entry.indices)) : [];
    return {
      query: this.ranker.currentQuery,
      files,
      totalMatchCount: this.ranker.totalMatchCount,
      scannedCount: this.store.size,
      walkComplete: this.walkFinished,
    };
  }

  private toMatch(id: number, score: number, indices: number[] | null): FileMatch {
    const relative = this.store.paths[id] as string;
    return {
      root: this.options.roots[this.store.rootIndex[id] as number] as string,
      path: relative,
      match_type: this.store.isDir[id] ? "directory" : "file",
      file_name: relative.slice(this.store.nameStart[id] as number),
      score,
      indices,
    };
  }

  private schedule(): void {
    if (this.scheduled || this.stopped || !this.hasQuery) return;
    this.scheduled = true;
    setImmediate(() => this.run());
  }

  private run(): void {
    this.scheduled = false;
    if (this.stopped) return;
    if (this.ranker.work(performance.now() + SLICE_MS)) this.dirty = true;
    const now = performance.now();
    if (!this.ranker.hasPendingWork()) {
      if (this.walkFinished) {
        if (this.dirty || !this.publishedForQuery) this.publish();
        if (!this.completedForQuery && !this.stopped) {
          this.completedForQuery = true;
          this.onCompleted?.({ query: this.ranker.currentQuery });
        }
      } else if (!this.publishedForQuery) {
        this.publish();
      } else if (this.dirty) {
        this.publishSoon(now);
      }
      return;
    }
    const quietFor = now - Math.max(this.lastPublishAt, this.queryAt);
    if ((this.dirty || !this.publishedForQuery) && quietFor >= this.updateIntervalMs) this.publish();
    this.schedule();
  }

  private publishSoon(now: number): void {
    const wait = this.lastPublishAt + this.updateIntervalMs - now;
    if (!Number.isFinite(wait)) return; // no streaming: the final update comes with completion
    if (wait <= 0) {
      this.publish();
      return;
    }
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped && this.dirty) this.publish();
    }, wait);
  }

  private publish(): void {
    if (this.stopped) return;
    this.clearTimer();
    this.dirty = false;
    this.publishedForQuery = true;
    this.lastPublishAt = performance.now();
    this.onUpdated?.(this.snapshot());
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
