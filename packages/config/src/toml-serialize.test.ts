import { describe, expect, it } from "vitest";
import { parse } from "smol-toml";
import { formatInlineValue, formatSection } from "./toml-serialize.js";

describe("formatInlineValue", () => {
  it.each([
    ["text", '"text"'],
    ['quote " and \\ and \n', '"quote \\" and \\\\ and \\n"'],
    [42, "42"],
    [1.5, "1.5"],
    [Number.POSITIVE_INFINITY, "inf"],
    [true, "true"],
    [["a", 1, [false]], '["a", 1, [false]]'],
    [{}, "{}"],
    [{ a: 1, "b.c": "x" }, '{ a = 1, "b.c" = "x" }'],
  ])("writes %j as %s", (value, expected) => {
    expect(formatInlineValue(value)).toBe(expected);
    expect(parse(`v = ${expected}`).v).toEqual(value);
  });
});

describe("formatSection", () => {
  it("writes plain values, then sub-tables and arrays of tables", () => {
    const text = formatSection(
      ["mcp_servers", "docs"],
      { command: "npx", env: { KEY: "v" }, args: ["-y"], hooks: [{ name: "a" }, { name: "b" }] },
      false,
      "\n",
    );
    expect(text).toBe(
      [
        "[mcp_servers.docs]",
        'command = "npx"',
        'args = ["-y"]',
        "",
        "[mcp_servers.docs.env]",
        'KEY = "v"',
        "",
        "[[mcp_servers.docs.hooks]]",
        'name = "a"',
        "",
        "[[mcp_servers.docs.hooks]]",
        'name = "b"',
      ].join("\n"),
    );
  });

  it("skips the header of a table that only holds tables, and quotes keys", () => {
    expect(formatSection(["projects"], { "/a/b": { trust_level: "trusted" } }, false, "\n")).toBe(
      '[projects."/a/b"]\ntrust_level = "trusted"',
    );
    expect(formatSection(["features"], {}, false, "\n")).toBe("[features]");
    expect(formatSection(["hooks"], {}, true, "\n")).toBe("[[hooks]]");
  });
});
