import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runListDir } from "./list-dir.js";

const root = mkdtempSync(path.join(tmpdir(), "list-dir-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(() => {
  mkdirSync(path.join(root, "src/deep/deeper"), { recursive: true });
  writeFileSync(path.join(root, "src/main.ts"), "");
  writeFileSync(path.join(root, "src/deep/inner.ts"), "");
  writeFileSync(path.join(root, "src/deep/deeper/leaf.ts"), "");
  writeFileSync(path.join(root, "README.md"), "");
  writeFileSync(path.join(root, "b.txt"), "");
  symlinkSync(path.join(root, "b.txt"), path.join(root, "link"));
});

const list = (args: object) => runListDir(JSON.stringify(args));

describe("list_dir", () => {
  it("lists two levels by default, sorted by relative path, with type labels", async () => {
    expect(await list({ dir_path: root })).toBe(
      [`Absolute path: ${root}`, "README.md", "b.txt", "link@", "src/", "  deep/", "  main.ts"].join("\n"),
    );
  });

  it("descends to the requested depth", async () => {
    const out = await list({ dir_path: root, depth: 4 });
    expect(out.split("\n").slice(4)).toEqual(["src/", "  deep/", "    deeper/", "      leaf.ts", "    inner.ts", "  main.ts"]);
    expect(await list({ dir_path: root, depth: 1 })).toBe(
      [`Absolute path: ${root}`, "README.md", "b.txt", "link@", "src/"].join("\n"),
    );
  });

  it("pages with offset and limit and says when more entries exist", async () => {
    expect(await list({ dir_path: root, offset: 2, limit: 2 })).toBe(
      [`Absolute path: ${root}`, "b.txt", "link@", "More than 2 entries found"].join("\n"),
    );
    expect(await list({ dir_path: root, offset: 6, limit: 5 })).toBe(`Absolute path: ${root}\n  main.ts`);
  });

  it("prints only the header for an empty directory", async () => {
    const empty = path.join(root, "src/deep/deeper/empty");
    mkdirSync(empty);
    expect(await list({ dir_path: empty })).toBe(`Absolute path: ${empty}`);
  });

  it("reports bad arguments and unreadable directories", async () => {
    await expect(list({ dir_path: root, offset: 99 })).rejects.toThrow("offset exceeds directory entry count");
    await expect(list({ dir_path: root, offset: 0 })).rejects.toThrow("offset must be a 1-indexed entry number");
    await expect(list({ dir_path: root, limit: 0 })).rejects.toThrow("limit must be greater than zero");
    await expect(list({ dir_path: root, depth: 0 })).rejects.toThrow("depth must be greater than zero");
    await expect(list({ dir_path: "src" })).rejects.toThrow("dir_path must be an absolute path");
    await expect(list({ dir_path: path.join(root, "nope") })).rejects.toThrow(
      "failed to read directory: No such file or directory (os error 2)",
    );
    await expect(list({ dir_path: path.join(root, "b.txt") })).rejects.toThrow(
      "failed to read directory: Not a directory (os error 20)",
    );
  });
});
