import { describe, expect, it } from "vitest";
import { afterLine, deleteRanges, lineEnd, lineStart, newlineOf, startOfAttachedComments } from "./text-spans.js";

describe("text spans", () => {
  const text = "a = 1\r\n# about t\n[t]\nx = 2";

  it("finds line boundaries around an offset", () => {
    expect(lineStart(text, 2)).toBe(0);
    expect(lineEnd(text, 2)).toBe(5);
    expect(afterLine(text, 2)).toBe(7);
    expect(lineEnd(text, text.length - 1)).toBe(text.length);
    expect(newlineOf(text)).toBe("\r\n");
    expect(newlineOf("a\nb")).toBe("\n");
  });

  it("finds comment lines attached above a line", () => {
    expect(startOfAttachedComments(text, text.indexOf("[t]"))).toBe(text.indexOf("# about"));
    expect(startOfAttachedComments(text, 0)).toBe(0);
  });

  it("removes ranges and tidies blank lines after removed sections", () => {
    const doc = "a = 1\n\n[x]\ny = 1\n\n[z]\nw = 1\n";
    const start = doc.indexOf("[x]");
    const end = doc.indexOf("\n\n[z]") + 1;
    expect(deleteRanges(doc, [{ start, end, tidy: true }])).toBe("a = 1\n\n[z]\nw = 1\n");
    const last = doc.indexOf("[z]");
    expect(deleteRanges(doc, [{ start: last, end: doc.length, tidy: true }])).toBe("a = 1\n\n[x]\ny = 1\n");
  });
});
