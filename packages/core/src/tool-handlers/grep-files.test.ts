import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGrepFiles } from "./grep-files.js";

const root = mkdtempSync(path.join(tmpdir(), "grep-files-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(() => {
  mkdirSync(path.join(root, "lib"));
  const files: [string, string, number][] = [
    ["old.ts", "export const needle = 1;\n", 1_000_000],
    ["lib/mid.js", "// needle here\n", 2_000_000],
    ["new.ts", "const needle = 3;\n", 3_000_000],
    ["other.ts", "nothing to see\n", 4_000_000],
  ];
  for (const [name, content, mtime] of files) {
    const full = path.join(root, name);
    writeFileSync(full, content);
    utimesSync(full, mtime, mtime);
  }
});

const grep = (args: object, options: { cwd?: string; signal?: AbortSignal } = {}) =>
  runGrepFiles(JSON.stringify(args), { cwd: options.cwd ?? root, ...(options.signal ? { signal: options.signal } : {}) });

describe("grep_files", () => {
  it("lists matching files, most recently modified first", async () => {
    expect(await grep({ pattern: "needle" })).toBe(
      [path.join(root, "new.ts"), path.join(root, "lib/mid.js"), path.join(root, "old.ts")].join("\n"),
    );
  });

  it("filters with a glob, limits the count and resolves a relative path", async () => {
    expect(await grep({ pattern: "needle", include: "*.ts", limit: 1 })).toBe(path.join(root, "new.ts"));
    expect(await grep({ pattern: "need.e", path: "lib" })).toBe(path.join(root, "lib/mid.js"));
  });

  it("says so when nothing matches", async () => {
    expect(await grep({ pattern: "no-such-text-anywhere" })).toBe("No matches found.");
  });

  it("reports bad arguments, missing paths and rg errors", async () => {
    await expect(grep({ pattern: "   " })).rejects.toThrow("pattern must not be empty");
    await expect(grep({ pattern: "x", limit: 0 })).rejects.toThrow("limit must be greater than zero");
    await expect(grep({ pattern: "x", path: "missing" })).rejects.toThrow(
      `unable to access \`${path.join(root, "missing")}\`: No such file or directory (os error 2)`,
    );
    await expect(grep({ pattern: "(unclosed" })).rejects.toThrow(/^rg failed: .*regex/s);
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(grep({ pattern: "needle" }, { signal: controller.signal })).rejects.toThrow("rg was aborted");
  });
});
