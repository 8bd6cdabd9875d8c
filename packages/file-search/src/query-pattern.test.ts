import { describe, expect, it } from "vitest";
import { canNarrow, parseQuery } from "./query-pattern.js";

describe("parseQuery", () => {
  it("splits on whitespace into fuzzy terms with smart case", () => {
    expect(parseQuery("  foo  Bar ").terms).toEqual([
      { kind: "fuzzy", negated: false, text: "foo", caseSensitive: false },
      { kind: "fuzzy", negated: false, text: "Bar", caseSensitive: true },
    ]);
  });

  it("understands substring, prefix, suffix, whole-path and negated terms", () => {
    const kinds = parseQuery("'sub ^pre suf$ ^all$ !neg !^np").terms.map((t) => [t.kind, t.negated, t.text]);
    expect(kinds).toEqual([
      ["substring", false, "sub"],
      ["prefix", false, "pre"],
      ["suffix", false, "suf"],
      ["equal", false, "all"],
      ["substring", true, "neg"],
      ["prefix", true, "np"],
    ]);
  });

  it("treats lone markers and escapes literally", () => {
    expect(parseQuery("^ ! '").terms.map((t) => [t.kind, t.text])).toEqual([
      ["fuzzy", "^"],
      ["fuzzy", "!"],
      ["fuzzy", "'"],
    ]);
    expect(parseQuery("a\\ b c\\$").terms.map((t) => [t.kind, t.text])).toEqual([
      ["fuzzy", "a b"],
      ["fuzzy", "c$"],
    ]);
  });

  it("folds diacritics so plain letters find accented names", () => {
    expect(parseQuery("café").terms[0]?.text).toBe("cafe");
  });

  it("yields no terms for a blank query", () => {
    expect(parseQuery("   ").terms).toEqual([]);
  });
});

describe("canNarrow", () => {
  it("allows extensions that can only narrow the match set", () => {
    expect(canNarrow("fo", "foo")).toBe(true);
    expect(canNarrow("foo", "foo bar")).toBe(true);
    expect(canNarrow("foo", "fooB")).toBe(true);
    expect(canNarrow("^src", "^src/")).toBe(true);
    expect(canNarrow("foo ", "foo !bar")).toBe(true);
  });

  it("refuses changes that could widen the match set", () => {
    expect(canNarrow("foo", "fo")).toBe(false);
    expect(canNarrow("foo", "bar")).toBe(false);
    expect(canNarrow("", "a")).toBe(false);
    expect(canNarrow("!fo", "!foo")).toBe(false);
    expect(canNarrow("ts$", "ts$x")).toBe(false);
    expect(canNarrow("a\\", "a\\ b")).toBe(false);
    expect(canNarrow("x ^", "x ^a")).toBe(false);
  });
});
