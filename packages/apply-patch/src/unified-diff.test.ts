import { describe, expect, it } from "vitest";
import { applyHunks } from "./compute.js";
import { normalizePunctuation, seekSequence } from "./seek-sequence.js";
import { unifiedDiff } from "./unified-diff.js";

describe("seekSequence", () => {
  const lines = ["foo", "bar  ", "  baz", "qux \u2013 \u201Cq\u201D"];
  it("tries exact, trailing-whitespace, trimmed and punctuation-normalised matching", () => {
    expect(seekSequence(lines, ["bar  "], 0, false)).toBe(1);
    expect(seekSequence(lines, ["bar"], 0, false)).toBe(1);
    expect(seekSequence(lines, ["baz"], 0, false)).toBe(2);
    expect(seekSequence(lines, ['qux - "q"'], 0, false)).toBe(3);
    expect(seekSequence(lines, ["foo"], 1, false)).toBeUndefined();
  });
  it("handles empty and over-long patterns and prefers the end with endOfFile", () => {
    expect(seekSequence(lines, [], 2, false)).toBe(2);
    expect(seekSequence(["a"], ["a", "b"], 0, false)).toBeUndefined();
    expect(seekSequence(["x", "x"], ["x"], 0, true)).toBe(1);
    expect(normalizePunctuation("\u00A0it\u2019s\u2014ok ")).toBe("it's-ok");
  });
});

describe("unifiedDiff", () => {
  it("renders tightened edits with one line of context and merges nearby ones", () => {
    const old = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
    const diff = unifiedDiff(old, [
      { start: 1, deleteCount: 2, insert: ["2", "three"] },
      { start: 4, deleteCount: 1, insert: ["five"] },
      { start: 8, deleteCount: 0, insert: ["8.5"] },
    ]);
    expect(diff).toBe("@@ -2,5 +2,5 @@\n 2\n-3\n+three\n 4\n-5\n+five\n 6\n@@ -8,2 +8,3 @@\n 8\n+8.5\n 9\n");
  });
  it("renders whole-file additions and removals", () => {
    expect(unifiedDiff([], [{ start: 0, deleteCount: 0, insert: ["a", "b"] }])).toBe("@@ -0,0 +1,2 @@\n+a\n+b\n");
    expect(unifiedDiff(["a"], [{ start: 0, deleteCount: 1, insert: [] }])).toBe("@@ -1,1 +0,0 @@\n-a\n");
  });
  it("is what applyHunks returns for an update", () => {
    const hunk = { context: undefined, oldLines: ["b"], newLines: ["B"], endOfFile: false, line: 3 };
    expect(applyHunks("a\nb\nc\n", [hunk])).toEqual({ newContent: "a\nB\nc\n", unifiedDiff: "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n" });
  });
});
