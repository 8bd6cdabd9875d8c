import { describe, expect, it } from "vitest";
import {
  bytesPolicy,
  countLines,
  formattedTruncateText,
  policyByteBudget,
  policyTokenBudget,
  tokensPolicy,
  truncateText,
} from "./index.js";

describe("countLines", () => {
  it("counts like Rust's str::lines", () => {
    expect(countLines("")).toBe(0);
    expect(countLines("one")).toBe(1);
    expect(countLines("one\n")).toBe(1);
    expect(countLines("one\ntwo")).toBe(2);
    expect(countLines("one\n\n")).toBe(2);
    expect(countLines("\n")).toBe(1);
  });
});

describe("truncation policies", () => {
  it("converts between byte and token budgets", () => {
    expect(policyByteBudget(tokensPolicy(10))).toBe(40);
    expect(policyByteBudget(bytesPolicy(10))).toBe(10);
    expect(policyTokenBudget(bytesPolicy(10))).toBe(3);
    expect(policyTokenBudget(tokensPolicy(10))).toBe(10);
  });

  it("uses the chars marker for bytes and the tokens marker for tokens", () => {
    const text = "a".repeat(30);
    expect(truncateText(text, bytesPolicy(10))).toBe("aaaaa…20 chars truncated…aaaaa");
    expect(truncateText(text, tokensPolicy(2))).toBe("aaaa…6 tokens truncated…aaaa");
  });
});

describe("formattedTruncateText", () => {
  it("returns text within budget unchanged", () => {
    expect(formattedTruncateText("line\n", tokensPolicy(10))).toBe("line\n");
  });

  it("puts the original token count and line count above truncated text", () => {
    const text = Array.from({ length: 10 }, (_, i) => `line ${i}`).join("\n"); // 69 bytes
    const out = formattedTruncateText(text, tokensPolicy(4));
    expect(out).toBe(
      "Warning: truncated output (original token count: 18)\nTotal output lines: 10\n\n" +
        "line 0\nl…14 tokens truncated…8\nline 9",
    );
  });
});
