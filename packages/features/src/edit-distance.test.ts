import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "./edit-distance.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps", () => {
    expect(editDistance("", "")).toBe(0);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("", "ab")).toBe(2);
    expect(editDistance("unifed_exec", "unified_exec")).toBe(1);
    expect(editDistance("hokos", "hooks")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});

describe("closestMatch", () => {
  const names = ["unified_exec", "unified_exec_tty", "hooks", "apps"];

  it("returns the nearest candidate within the typo budget", () => {
    expect(closestMatch("unifed_exec", names)).toBe("unified_exec");
    expect(closestMatch("Unified-Exec", names)).toBe("unified_exec");
    expect(closestMatch("hoks", names)).toBe("hooks");
  });

  it("returns undefined when nothing is close", () => {
    expect(closestMatch("zzzzzzzz", names)).toBeUndefined();
    expect(closestMatch("x", names)).toBeUndefined();
  });
});
