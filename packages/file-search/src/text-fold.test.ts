import { describe, expect, it } from "vitest";
import { foldDiacritics, lowerPreservingLength, toCodePointIndices } from "./text-fold.js";

describe("text folding", () => {
  it("removes diacritics and lower-cases without changing length", () => {
    expect(foldDiacritics("Crème/Brûlée.md")).toBe("Creme/Brulee.md");
    expect(lowerPreservingLength("İstanbul/ÄB")).toHaveLength("İstanbul/ÄB".length);
    expect(lowerPreservingLength("ABC/Def")).toBe("abc/def");
  });

  it("maps UTF-16 offsets to code point indices", () => {
    expect(toCodePointIndices("plain", [0, 3])).toEqual([0, 3]);
    // "a😀b": the emoji takes two UTF-16 units but one code point.
    expect(toCodePointIndices("a😀b", [0, 3])).toEqual([0, 2]);
    expect(toCodePointIndices("😀x", [0, 1, 2])).toEqual([0, 1]);
  });
});
