import { describe, expect, it } from "vitest";
import {
  approxBytesForTokens,
  approxTokenCount,
  approxTokensFromByteCount,
  charCount,
  takeBytesAtCharBoundary,
  takeLastBytesAtCharBoundary,
  truncateMiddleChars,
  truncateMiddleTokens,
  utf8ByteLength,
} from "./index.js";

const smile = "😀"; // 4 bytes in UTF-8, 2 UTF-16 units
const e = "é"; // 2 bytes

describe("approximate token counts", () => {
  it("rounds bytes / 4 up", () => {
    expect(approxTokenCount("")).toBe(0);
    expect(approxTokenCount("a")).toBe(1);
    expect(approxTokenCount("abcd")).toBe(1);
    expect(approxTokenCount("abcde")).toBe(2);
    expect(approxTokenCount(smile.repeat(3))).toBe(3);
    expect(approxTokensFromByteCount(9)).toBe(3);
    expect(approxTokensFromByteCount(-1)).toBe(0);
    expect(approxBytesForTokens(7)).toBe(28);
  });
});

describe("char-boundary slicing", () => {
  it("counts code points and UTF-8 bytes", () => {
    expect(charCount(`a${smile}${e}`)).toBe(3);
    expect(utf8ByteLength(`a${smile}${e}`)).toBe(7);
  });

  it("never splits a character when taking a prefix or a suffix", () => {
    expect(takeBytesAtCharBoundary(`ab${smile}cd`, 5)).toBe("ab");
    expect(takeBytesAtCharBoundary(`ab${smile}cd`, 6)).toBe(`ab${smile}`);
    expect(takeBytesAtCharBoundary("short", 100)).toBe("short");
    expect(takeLastBytesAtCharBoundary(`ab${smile}cd`, 5)).toBe("cd");
    expect(takeLastBytesAtCharBoundary(`ab${smile}cd`, 6)).toBe(`${smile}cd`);
    expect(takeLastBytesAtCharBoundary(`${e}${e}`, 3)).toBe(e);
  });
});

describe("truncateMiddleChars", () => {
  it("returns text that fits unchanged", () => {
    expect(truncateMiddleChars("hello", 5)).toBe("hello");
    expect(truncateMiddleChars("", 0)).toBe("");
  });

  it("keeps half the budget at each end and counts removed characters", () => {
    expect(truncateMiddleChars("0123456789", 4)).toBe("01…6 chars truncated…89");
    expect(truncateMiddleChars("0123456789", 5)).toBe("01…5 chars truncated…789");
  });

  it("keeps head and tail on UTF-8 boundaries", () => {
    const text = `${smile.repeat(6)}\nthe tail line\n`;
    // budget 18: head 9 bytes → 2 smileys, tail 9 bytes → "ail line\n"
    expect(truncateMiddleChars(text, 18)).toBe(`${smile.repeat(2)}…10 chars truncated…ail line\n`);
  });

  it("leaves only the marker with a zero budget", () => {
    expect(truncateMiddleChars(`ab${smile}`, 0)).toBe("…3 chars truncated…");
  });
});

describe("truncateMiddleTokens", () => {
  it("returns short text unchanged without a token count", () => {
    expect(truncateMiddleTokens("a few words", 50)).toEqual({ text: "a few words", originalTokenCount: null });
    expect(truncateMiddleTokens("", 0)).toEqual({ text: "", originalTokenCount: null });
  });

  it("cuts the middle and reports the original count", () => {
    const text = "x".repeat(40) + "y".repeat(40); // 80 bytes = 20 tokens
    const result = truncateMiddleTokens(text, 5); // 20 bytes kept, 60 removed = 15 tokens
    expect(result).toEqual({ text: `${"x".repeat(10)}…15 tokens truncated…${"y".repeat(10)}`, originalTokenCount: 20 });
  });

  it("handles multi-byte text", () => {
    const text = `${smile.repeat(8)}\nsome trailing words\n`; // 32 + 21 = 53 bytes
    const result = truncateMiddleTokens(text, 6); // 24 bytes: 12 + 12
    expect(result.text).toBe(`${smile.repeat(3)}…8 tokens truncated…iling words\n`);
    expect(result.originalTokenCount).toBe(14);
  });

  it("leaves only the marker with a zero budget", () => {
    expect(truncateMiddleTokens("abcdefgh", 0)).toEqual({ text: "…2 tokens truncated…", originalTokenCount: 2 });
  });
});
