import { describe, expect, it } from "vitest";
import { ConfigError, formatSourceExcerpt } from "./diagnostics.js";

describe("formatSourceExcerpt", () => {
  it("points carets at the whole value with a gutter sized to the line number", () => {
    expect(
      formatSourceExcerpt({
        file: "/home/me/.codex/config.toml",
        message: 'invalid type: string "true", expected a boolean',
        range: { start: { line: 43, column: 18 }, end: { line: 43, column: 24 } },
        lineText: 'network_access = "true"',
      }),
    ).toBe(
      [
        '/home/me/.codex/config.toml:43:18: invalid type: string "true", expected a boolean',
        "   |",
        '43 | network_access = "true"',
        "   |                  ^^^^^^",
      ].join("\n"),
    );
  });

  it("draws one caret for an empty span and appends the key path", () => {
    expect(
      formatSourceExcerpt({
        file: "c.toml",
        message: "oops",
        range: { start: { line: 1, column: 12 }, end: { line: 1, column: 12 } },
        lineText: 'model = "o3',
        keyPath: "model",
      }),
    ).toBe(["c.toml:1:12: oops", "  |", '1 | model = "o3', "  |            ^", "in `model`"].join("\n"));
  });

  it("keeps tabs so carets line up, and stops multi-line spans at the end of the line", () => {
    expect(
      formatSourceExcerpt({
        file: "c.toml",
        message: "bad",
        range: { start: { line: 2, column: 6 }, end: { line: 4, column: 2 } },
        lineText: "\tx = [1,",
      }),
    ).toBe(["c.toml:2:6: bad", "  |", "2 | \tx = [1,", "  | \t    ^^^"].join("\n"));
  });
});

describe("ConfigError", () => {
  it("carries a code and location", () => {
    const error = new ConfigError("CONFIG_TYPE", "bad", { file: "/x", keyPath: "a.b" });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("CONFIG_TYPE");
    expect(error.file).toBe("/x");
    expect(error.keyPath).toBe("a.b");
    expect(error.range).toBeUndefined();
  });
});
