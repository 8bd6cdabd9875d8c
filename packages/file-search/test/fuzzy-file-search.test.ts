import { symlinkSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileSearchError, SearchCancellationRegistry, fuzzyFileSearch } from "../src/index.js";
import { type TempTree, makeTree } from "./tree.js";

const trees: TempTree[] = [];
function tree(files: Record<string, string>): TempTree {
  const created = makeTree(files);
  trees.push(created);
  return created;
}
afterEach(() => {
  for (const t of trees.splice(0)) t.remove();
});

async function paths(query: string, roots: string[], extra: { excludes?: string[]; limit?: number } = {}) {
  const outcome = await fuzzyFileSearch({ query, roots, ...extra });
  return outcome.files.map((f) => f.path).sort();
}

describe("fuzzyFileSearch ignore rules", () => {
  it("honours the root .gitignore, including negation and directory patterns", async () => {
    const t = tree({
      ".gitignore": "*.log\n!keep.log\nbuild/\n",
      "app.log": "",
      "keep.log": "",
      "build/out.log": "",
      "build/artifact.txt": "",
      "src/log-reader.ts": "",
    });
    expect(await paths("log", [t.root])).toEqual(["keep.log", "src/log-reader.ts"]);
    expect(await paths("artifact", [t.root])).toEqual([]);
  });

  it("applies nested ignore files below their directory, deeper rules winning", async () => {
    const t = tree({
      ".gitignore": "*.tmp\n",
      "a.tmp": "",
      "pkg/.gitignore": "!wanted.tmp\nsecret.txt\n",
      "pkg/wanted.tmp": "",
      "pkg/other.tmp": "",
      "pkg/secret.txt": "",
      "secret.txt": "",
      "pkg/.ignore": "generated/\n",
      "pkg/generated/code.txt": "",
    });
    expect(await paths("tmp", [t.root])).toEqual(["pkg/wanted.tmp"]);
    expect(await paths("secret", [t.root])).toEqual(["secret.txt"]);
    expect(await paths("code", [t.root])).toEqual([]);
  });

  it("honours .git/info/exclude, skips .git, and includes hidden files", async () => {
    const t = tree({
      ".git/info/exclude": "local-notes.md\n",
      ".git/HEAD": "ref: refs/heads/main\n",
      ".git/config": "",
      "local-notes.md": "",
      "notes.md": "",
      ".github/config.yml": "",
    });
    expect(await paths("notes", [t.root])).toEqual(["notes.md"]);
    expect(await paths("config", [t.root])).toEqual([".github/config.yml"]);
    expect(await paths("HEAD", [t.root])).toEqual([]);
  });

  it("applies rules from parent directories up to the repository root", async () => {
    const t = tree({ ".git/HEAD": "", ".gitignore": "*.bak\n", "sub/a.bak": "", "sub/a.txt": "" });
    expect(await paths("a", [path.join(t.root, "sub")])).toEqual(["a.txt"]);
  });

  it("can ignore the ignore files and apply explicit excludes", async () => {
    const t = tree({ ".gitignore": "*.log\n", "x.log": "", "vendor/lib.js": "", "src/lib.ts": "" });
    expect(await paths("log", [t.root])).toEqual([]);
    const all = await fuzzyFileSearch({ query: "log", roots: [t.root], respectGitignore: false });
    expect(all.files.map((f) => f.path)).toEqual(["x.log"]);
    expect(await paths("lib", [t.root], { excludes: ["vendor"] })).toEqual(["src/lib.ts"]);
    await expect(fuzzyFileSearch({ query: "x", roots: [t.root], excludes: [" "] })).rejects.toBeInstanceOf(
      FileSearchError,
    );
  });
});

describe("fuzzyFileSearch results", () => {
  it("returns wire-shaped matches for files and directories", async () => {
    const t = tree({ "src/components/Button.tsx": "" });
    const outcome = await fuzzyFileSearch({ query: "button", roots: [t.root] });
    expect(outcome.cancelled).toBe(false);
    expect(outcome.files).toEqual([
      {
        root: t.root,
        path: path.join("src", "components", "Button.tsx"),
        match_type: "file",
        file_name: "Button.tsx",
        score: expect.any(Number),
        indices: [15, 16, 17, 18, 19, 20],
      },
    ]);
    const dirs = await fuzzyFileSearch({ query: "components", roots: [t.root] });
    expect(dirs.files[0]).toMatchObject({ path: path.join("src", "components"), match_type: "directory" });
  });

  it("ranks across several roots and reports each match's root as given", async () => {
    const a = tree({ "readme.md": "", "docs/guide.md": "" });
    const b = tree({ "README.txt": "", "nested/readme-old.md": "" });
    const outcome = await fuzzyFileSearch({ query: "readme", roots: [a.root, `${b.root}/`] });
    expect(outcome.files.map((f) => [f.root === a.root ? "a" : "b", f.path])).toEqual([
      ["a", "readme.md"],
      ["b", "README.txt"],
      ["b", path.join("nested", "readme-old.md")],
    ]);
    expect(outcome.files[1]?.root).toBe(`${b.root}/`);
  });

  it("reports a file under nested roots once, under the deeper root", async () => {
    const t = tree({ "inner/target.txt": "", "outer-target.txt": "" });
    const outcome = await fuzzyFileSearch({ query: "target", roots: [t.root, path.join(t.root, "inner")] });
    expect(outcome.files.map((f) => [f.root, f.path])).toEqual([
      [path.join(t.root, "inner"), "target.txt"],
      [t.root, "outer-target.txt"],
    ]);
  });

  it("applies the limit but counts every match", async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f/item${i}.txt`, ""]));
    const t = tree(files);
    const outcome = await fuzzyFileSearch({ query: "item", roots: [t.root], limit: 5 });
    expect(outcome.files).toHaveLength(5);
    expect(outcome.totalMatchCount).toBe(30);
    await expect(fuzzyFileSearch({ query: "item", roots: [t.root], limit: 0 })).rejects.toMatchObject({
      code: "INVALID_LIMIT",
    });
  });

  it("follows symlinks without looping, and skips missing roots", async () => {
    const t = tree({ "real/data.csv": "" });
    symlinkSync(path.join(t.root, "real"), path.join(t.root, "link"));
    symlinkSync(t.root, path.join(t.root, "real", "loop"));
    const outcome = await fuzzyFileSearch({ query: "data", roots: [t.root, path.join(t.root, "missing")] });
    expect(outcome.files.map((f) => f.path).sort()).toEqual([path.join("link", "data.csv"), path.join("real", "data.csv")]);
  });

  it("returns nothing for an empty query or no roots", async () => {
    const t = tree({ "a.txt": "" });
    expect((await fuzzyFileSearch({ query: "", roots: [t.root] })).files).toEqual([]);
    expect((await fuzzyFileSearch({ query: "a", roots: [] })).files).toEqual([]);
  });
});

describe("cancellation", () => {
  it("resolves as cancelled when the signal aborts mid-walk", async () => {
    const files = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`d${i % 40}/file${i}.txt`, ""]));
    const t = tree(files);
    const controller = new AbortController();
    const pending = fuzzyFileSearch({ query: "file", roots: [t.root], signal: controller.signal, concurrency: 1 });
    controller.abort();
    await expect(pending).resolves.toEqual({ files: [], totalMatchCount: 0, scannedCount: 0, cancelled: true });
    const aborted = AbortSignal.abort();
    expect((await fuzzyFileSearch({ query: "file", roots: [t.root], signal: aborted })).cancelled).toBe(true);
  });

  it("cancels the previous search that used the same token", async () => {
    const registry = new SearchCancellationRegistry();
    const first = registry.begin("popup");
    const untouched = registry.begin(null);
    const second = registry.begin("popup");
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
    expect(untouched.signal.aborted).toBe(false);
    first.finish();
    expect(registry.size).toBe(1);
    second.finish();
    expect(registry.size).toBe(0);
  });
});
