import { describe, expect, it } from "vitest";
import { TomlStructure } from "./toml-structure.js";

const text = [
  'model = "o3" # comment', // 1
  "features.a = true", // 2
  "features.b = false", // 3
  "", // 4
  "[sandbox_workspace_write]", // 5
  'writable_roots = ["/a", "é😀"]', // 6
  "", // 7
  '[mcp_servers.docs]', // 8
  'command = "npx"', // 9
  'env = { KEY = "v", nested.deep = 1 }', // 10
  "", // 11
  "[[hooks]]", // 12
  'name = "one"', // 13
  "[[hooks]]", // 14
  'name = "two"', // 15
  "[hooks.extra]", // 16
  "x = 1", // 17
].join("\n");

function span(structure: TomlStructure, start: number, end: number) {
  return { start: structure.positionOf(start), end: structure.positionOf(end) };
}

describe("TomlStructure", () => {
  const structure = TomlStructure.parse(text);

  it("records key/values at the root with value spans", () => {
    const entry = structure.get(["model"]);
    expect(entry?.kind).toBe("keyValue");
    expect(span(structure, entry!.valueStart, entry!.valueEnd)).toEqual({
      start: { line: 1, column: 9 },
      end: { line: 1, column: 13 },
    });
  });

  it("records dotted keys and the tables they define", () => {
    expect(structure.get(["features", "b"])?.kind).toBe("keyValue");
    const features = structure.get(["features"]);
    expect(features?.kind).toBe("dotted");
    expect(structure.positionOf(features!.lastEnd!)).toEqual({ line: 3, column: 19 });
  });

  it("records sections, implicit parents and inline tables", () => {
    expect(structure.get(["sandbox_workspace_write"])?.kind).toBe("table");
    expect(structure.get(["mcp_servers"])?.kind).toBe("implicit");
    const deep = structure.get(["mcp_servers", "docs", "env", "nested", "deep"]);
    expect(deep?.inline).toBe(true);
    expect(deep?.ownerPath).toEqual(["mcp_servers", "docs", "env"]);
  });

  it("counts columns in characters, not UTF-16 units", () => {
    const item = structure.get(["sandbox_workspace_write", "writable_roots", 1])!;
    expect(span(structure, item.valueStart, item.valueEnd)).toEqual({
      start: { line: 6, column: 25 },
      end: { line: 6, column: 29 },
    });
  });

  it("numbers array-of-tables elements and attaches sub-tables to the last one", () => {
    expect(structure.get(["hooks"])?.kind).toBe("tableArray");
    expect(structure.get(["hooks", 1, "name"])?.kind).toBe("keyValue");
    expect(structure.get(["hooks", 1, "extra", "x"])?.kind).toBe("keyValue");
    expect(structure.sectionsUnder(["hooks"]).map((s) => s.path)).toEqual([
      ["hooks", 0],
      ["hooks", 1],
      ["hooks", 1, "extra"],
    ]);
  });

  it("finds the nearest written prefix", () => {
    expect(structure.nearest(["mcp_servers", "docs", "args", 3])?.path).toEqual(["mcp_servers", "docs"]);
    expect(structure.nearest(["nothing"])).toBeUndefined();
  });

  it("returns line texts without line endings", () => {
    const crlf = TomlStructure.parse('a = 1\r\nb = "x"\r\n');
    expect(crlf.lineText(2)).toBe('b = "x"');
    expect(structure.lineText(9)).toBe('command = "npx"');
  });

  it("accounts for a byte order mark", () => {
    const withBom = TomlStructure.parse('\uFEFFmodel = "o3"\n');
    const entry = withBom.get(["model"])!;
    expect(withBom.text.slice(entry.valueStart, entry.valueEnd)).toBe('"o3"');
    expect(withBom.positionOf(entry.valueStart)).toEqual({ line: 1, column: 9 });
    expect(withBom.lineText(1)).toBe('model = "o3"');
  });

  it("rejects invalid TOML", () => {
    expect(() => TomlStructure.parse('a = "x')).toThrow();
    expect(TomlStructure.tryParse('a = "x')).toBeUndefined();
  });
});
