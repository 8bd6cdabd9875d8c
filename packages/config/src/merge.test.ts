import { describe, expect, it } from "vitest";
import { mergeTables } from "./merge.js";

describe("mergeTables", () => {
  it("merges nested tables key by key", () => {
    const merged = mergeTables(
      { a: { x: 1, inner: { keep: true, change: "old" } }, top: "base" },
      { a: { y: 2, inner: { change: "new" } } },
    );
    expect(merged).toEqual({
      a: { x: 1, y: 2, inner: { keep: true, change: "new" } },
      top: "base",
    });
  });

  it("replaces arrays instead of concatenating them", () => {
    expect(mergeTables({ notify: ["a", "b"] }, { notify: ["c"] })).toEqual({ notify: ["c"] });
  });

  it("replaces scalars, and lets a scalar replace a table and the reverse", () => {
    expect(mergeTables({ a: 1, b: { c: 1 }, d: "x" }, { a: 2, b: "flat", d: { e: true } })).toEqual({
      a: 2,
      b: "flat",
      d: { e: true },
    });
  });

  it("does not modify its inputs", () => {
    const base = { a: { x: 1 } };
    const overlay = { a: { y: 2 } };
    mergeTables(base, overlay);
    expect(base).toEqual({ a: { x: 1 } });
    expect(overlay).toEqual({ a: { y: 2 } });
  });

  it("keeps a __proto__ key as plain data", () => {
    const overlay = JSON.parse('{"__proto__": {"polluted": true}}');
    const merged = mergeTables({}, overlay);
    expect(Object.keys(merged)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
