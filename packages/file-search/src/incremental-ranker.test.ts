import { describe, expect, it, vi } from "vitest";
import { CandidateStore } from "./candidate-store.js";
import { IncrementalRanker } from "./incremental-ranker.js";
import * as matcher from "./path-matcher.js";

vi.mock("./path-matcher.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("./path-matcher.js")>();
  return { ...original, scoreCandidate: vi.fn(original.scoreCandidate) };
});

function storeOf(paths: string[]): CandidateStore {
  const store = new CandidateStore();
  store.add(paths.map((path) => ({ rootIndex: 0, path, isDir: false })));
  return store;
}

const scored = () => vi.mocked(matcher.scoreCandidate).mock.calls.filter((call) => call[3] === undefined).length;

describe("IncrementalRanker", () => {
  it("scores only the previous matches and newer candidates when the query is extended", () => {
    const store = storeOf(["src/alpha.ts", "src/beta.ts", "lib/alpine.rs", "docs/zeta.md"]);
    const ranker = new IncrementalRanker(store, 10, false);
    ranker.setQuery("al");
    ranker.work(Number.POSITIVE_INFINITY);
    expect(ranker.totalMatchCount).toBe(2);
    store.add([{ rootIndex: 0, path: "alps.txt", isDir: false }]);
    vi.mocked(matcher.scoreCandidate).mockClear();
    ranker.setQuery("alp");
    ranker.work(Number.POSITIVE_INFINITY);
    expect(scored()).toBe(3); // two earlier matches plus the new candidate
    expect(ranker.best().map((e) => store.paths[e.id])).toEqual(["alps.txt", "src/alpha.ts", "lib/alpine.rs"]);
  });

  it("scores everything again when the query is not an extension", () => {
    const store = storeOf(["a.ts", "b.ts", "c.ts"]);
    const ranker = new IncrementalRanker(store, 10, false);
    ranker.setQuery("a");
    ranker.work(Number.POSITIVE_INFINITY);
    vi.mocked(matcher.scoreCandidate).mockClear();
    ranker.setQuery("b");
    ranker.work(Number.POSITIVE_INFINITY);
    expect(scored()).toBe(3);
  });

  it("narrows from the last finished ranking when a ranking was interrupted", () => {
    const store = storeOf(Array.from({ length: 5000 }, (_, i) => `dir/file${i}.txt`));
    const ranker = new IncrementalRanker(store, 5, false);
    ranker.setQuery("file1");
    ranker.work(Number.POSITIVE_INFINITY);
    const matches = ranker.totalMatchCount;
    ranker.setQuery("file12");
    ranker.work(Number.NEGATIVE_INFINITY); // interrupted after the first slice
    expect(ranker.hasPendingWork()).toBe(true);
    vi.mocked(matcher.scoreCandidate).mockClear();
    ranker.setQuery("file123");
    ranker.work(Number.POSITIVE_INFINITY);
    expect(scored()).toBe(matches);
    const fresh = new IncrementalRanker(store, 5, false);
    fresh.setQuery("file123");
    fresh.work(Number.POSITIVE_INFINITY);
    expect(ranker.totalMatchCount).toBe(fresh.totalMatchCount);
    expect(ranker.best()).toEqual(fresh.best());
  });

  it("keeps the best entries in order as candidates arrive", () => {
    const store = storeOf(["zz/readme-old.md"]);
    const ranker = new IncrementalRanker(store, 2, true);
    ranker.setQuery("readme");
    ranker.work(Number.POSITIVE_INFINITY);
    store.add([
      { rootIndex: 0, path: "README.md", isDir: false },
      { rootIndex: 0, path: "docs/readme.txt", isDir: false },
    ]);
    expect(ranker.hasPendingWork()).toBe(true);
    expect(ranker.work(Number.POSITIVE_INFINITY)).toBe(true);
    const best = ranker.best();
    expect(best.map((e) => store.paths[e.id])).toEqual(["README.md", "docs/readme.txt"]);
    expect(best[0]?.indices).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
