import type { CandidateStore } from "./candidate-store.js";
import { compareScored, scoreCandidate } from "./path-matcher.js";
import { type QueryPattern, canNarrow, parseQuery } from "./query-pattern.js";
import { toCodePointIndices } from "./text-fold.js";
import { TopK } from "./top-k.js";

/** A finished ranking over every candidate below `evaluatedUntil`: the ids that matched `query`. */
interface RankedBase {
  query: string;
  matched: number[];
  evaluatedUntil: number;
}

export interface RankedEntry {
  id: number;
  score: number;
  /** Code point indices into the path, or null when indices are not computed. */
  indices: number[] | null;
}

const CLOCK_CHECK_INTERVAL = 256;

/**
 * Ranks a growing candidate list for the current query, a slice of work at a time. When a new query
 * extends one whose ranking finished, only that ranking's matches (plus candidates added since) are
 * scored again.
 */
export class IncrementalRanker {
  private query = "";
  private pattern: QueryPattern = parseQuery("");
  private top: TopK;
  private matched: number[] = [];
  private narrowFrom: number[] | undefined;
  private narrowCursor = 0;
  private nextId = 0;
  private base: RankedBase | undefined;
  private indicesCache = new Map<number, number[]>();

  constructor(
    private readonly store: CandidateStore,
    private readonly limit: number,
    private readonly computeIndices: boolean,
  ) {
    this.top = this.newTop();
  }

  get currentQuery(): string {
    return this.query;
  }

  get totalMatchCount(): number {
    return this.matched.length;
  }

  /** True while some candidate known to the store has not been ranked for the current query. */
  hasPendingWork(): boolean {
    if (this.pattern.terms.length === 0) return false;
    return this.narrowFrom !== undefined || this.nextId < this.store.size;
  }

  setQuery(query: string): void {
    if (query === this.query) return;
    const finished = this.finishedState();
    const from = finished ?? this.base;
    this.base = from;
    this.query = query;
    this.pattern = parseQuery(query);
    this.top = this.newTop();
    this.matched = [];
    this.indicesCache = new Map();
    this.narrowCursor = 0;
    if (from !== undefined && canNarrow(from.query, query)) {
      this.narrowFrom = from.matched;
      this.nextId = from.evaluatedUntil;
    } else {
      this.narrowFrom = undefined;
      this.nextId = 0;
    }
    if (this.narrowFrom?.length === 0) this.narrowFrom = undefined;
  }

  /**
   * Ranks until `deadline` (a `performance.now()` value) or until caught up. Returns true when the
   * best-matches list changed.
   */
  work(deadline: number): boolean {
    if (this.pattern.terms.length === 0) return false;
    let changed = false;
    let sinceClock = 0;
    const consider = (id: number): void => {
      const score = scoreCandidate(this.pattern, this.store, id);
      if (score < 0) return;
      this.matched.push(id);
      if (this.top.offer(id, score)) changed = true;
    };
    while (this.narrowFrom !== undefined) {
      const source = this.narrowFrom;
      if (this.narrowCursor >= source.length) {
        this.narrowFrom = undefined;
        break;
      }
      consider(source[this.narrowCursor] as number);
      this.narrowCursor += 1;
      if (++sinceClock === CLOCK_CHECK_INTERVAL) {
        sinceClock = 0;
        if (performance.now() >= deadline) return changed;
      }
    }
    while (this.nextId < this.store.size) {
      consider(this.nextId);
      this.nextId += 1;
      if (++sinceClock === CLOCK_CHECK_INTERVAL) {
        sinceClock = 0;
        if (performance.now() >= deadline) return changed;
      }
    }
    return changed;
  }

  /** The current best matches, best first, with highlight indices when enabled. */
  best(): RankedEntry[] {
    return this.top.sorted().map(({ id, score }) => ({ id, score, indices: this.indicesFor(id) }));
  }

  private indicesFor(id: number): number[] | null {
    if (!this.computeIndices) return null;
    const cached = this.indicesCache.get(id);
    if (cached !== undefined) return cached;
    const offsets: number[] = [];
    scoreCandidate(this.pattern, this.store, id, offsets);
    const unique = [...new Set(offsets)].sort((a, b) => a - b);
    const indices = toCodePointIndices(this.store.paths[id] as string, unique);
    this.indicesCache.set(id, indices);
    return indices;
  }

  private finishedState(): RankedBase | undefined {
    if (this.pattern.terms.length === 0 || this.narrowFrom !== undefined) return undefined;
    return { query: this.query, matched: this.matched, evaluatedUntil: this.nextId };
  }

  private newTop(): TopK {
    return new TopK(this.limit, (aId, aScore, bId, bScore) => compareScored(this.store, aId, aScore, bId, bScore));
  }
}
