import { describe, expect, it } from "vitest";
import { ConfigOverrideError, overridesToTable, parseConfigOverride } from "./overrides.js";

describe("parseConfigOverride", () => {
  it.each([
    ['model="o3"', "o3"],
    ["model='o3'", "o3"],
    ["n=42", 42],
    ["n=-7", -7],
    ["f=1.5", 1.5],
    ["b=true", true],
    ["b=false", false],
    ['a=["x", "y"]', ["x", "y"]],
    ["a=[1, [2, 3]]", [1, [2, 3]]],
    ["t={ network_access = true, roots = [\"/a\"] }", { network_access: true, roots: ["/a"] }],
  ])("parses %s as a TOML value", (raw, expected) => {
    expect(parseConfigOverride(raw).value).toEqual(expected);
  });

  it("parses TOML dates", () => {
    const { value } = parseConfigOverride("d=1979-05-27");
    expect(value).toBeInstanceOf(Date);
  });

  it.each([
    ["model=o3", "o3"],
    ["model=gpt-5.1-codex", "gpt-5.1-codex"],
    ["model = o3 ", "o3"],
    ["cmd=echo hi", "echo hi"],
    ["empty=", ""],
    ['quoted="unterminated', '"unterminated'],
    ["path=/usr/bin", "/usr/bin"],
  ])("falls back to the literal string for %s", (raw, expected) => {
    expect(parseConfigOverride(raw).value).toBe(expected);
  });

  it("splits only on the first =", () => {
    expect(parseConfigOverride('env.X="a=b"')).toEqual({ path: ["env", "X"], value: "a=b" });
    expect(parseConfigOverride("env.X=a=b")).toEqual({ path: ["env", "X"], value: "a=b" });
  });

  it("splits dotted key paths and honours quoted segments", () => {
    expect(parseConfigOverride("sandbox_workspace_write.network_access=true").path).toEqual([
      "sandbox_workspace_write",
      "network_access",
    ]);
    expect(parseConfigOverride('projects."/a/b.c".trust_level=trusted')).toEqual({
      path: ["projects", "/a/b.c", "trust_level"],
      value: "trusted",
    });
  });

  it("rejects a flag without =", () => {
    const error = (() => {
      try {
        parseConfigOverride("model");
      } catch (e) {
        return e;
      }
    })() as ConfigOverrideError;
    expect(error).toBeInstanceOf(ConfigOverrideError);
    expect(error.code).toBe("INVALID_OVERRIDE");
    expect(error.message).toBe('-c model: expected key=value (for example -c model="o3")');
  });

  it("rejects an empty key", () => {
    expect(() => parseConfigOverride("=o3")).toThrow(ConfigOverrideError);
    expect(() => parseConfigOverride("a..b=1")).toThrow(/empty segment/);
  });
});

describe("overridesToTable", () => {
  it("nests paths and lets later entries win", () => {
    const table = overridesToTable(
      ["model=o3", "sandbox_workspace_write.network_access=true", "model=gpt-5", "a.b.c=1", "a.b.d=2"].map(
        parseConfigOverride,
      ),
    );
    expect(table).toEqual({
      model: "gpt-5",
      sandbox_workspace_write: { network_access: true },
      a: { b: { c: 1, d: 2 } },
    });
  });

  it("replaces a scalar with a table when a later path goes through it", () => {
    expect(overridesToTable(["a=1", "a.b=2"].map(parseConfigOverride))).toEqual({ a: { b: 2 } });
  });
});
