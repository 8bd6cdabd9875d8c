import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyPatch } from "./apply.js";
import { ApplyPatchError, type ApplyPatchErrorCode } from "./errors.js";

interface Scenario {
  name: string;
  files?: Record<string, string>;
  dirs?: string[];
  patch: string;
  /** Files after applying: path → content, or null for "must not exist". */
  expected?: Record<string, string | null>;
  summary?: string[];
  error?: { code: ApplyPatchErrorCode; line?: number; hunk?: number; expected?: string[]; message?: RegExp };
}

const p = (...lines: string[]) => ["*** Begin Patch", ...lines, "*** End Patch"].join("\n");

const scenarios: Scenario[] = [
  { name: "adds a file in a new directory", patch: p("*** Add File: a/b/new.txt", "+hello", "+world"), expected: { "a/b/new.txt": "hello\nworld\n" }, summary: ["A a/b/new.txt"] },
  { name: "adds an empty file", patch: p("*** Add File: empty.txt"), expected: { "empty.txt": "" }, summary: ["A empty.txt"] },
  { name: "adding an existing file overwrites it, as upstream", files: { "dup.txt": "old\n" }, patch: p("*** Add File: dup.txt", "+new"), expected: { "dup.txt": "new\n" }, summary: ["A dup.txt"] },
  { name: "deletes a file", files: { "gone.txt": "x\n", "keep.txt": "k\n" }, patch: p("*** Delete File: gone.txt"), expected: { "gone.txt": null, "keep.txt": "k\n" }, summary: ["D gone.txt"] },
  { name: "updates a line", files: { "f.txt": "a\nb\nc\n" }, patch: p("*** Update File: f.txt", "@@", " a", "-b", "+B", " c"), expected: { "f.txt": "a\nB\nc\n" }, summary: ["M f.txt"] },
  { name: "first hunk may omit the @@ header", files: { "f.py": "import foo\n" }, patch: p("*** Update File: f.py", " import foo", "+bar"), expected: { "f.py": "import foo\nbar\n" } },
  { name: "moves a file into a new directory while editing", files: { "old/name.txt": "one\ntwo\n" }, patch: p("*** Update File: old/name.txt", "*** Move to: renamed/dir/name.txt", "@@", "-one", "+ONE", " two"), expected: { "old/name.txt": null, "renamed/dir/name.txt": "ONE\ntwo\n" }, summary: ["M renamed/dir/name.txt"] },
  { name: "move overwrites an existing destination", files: { "src.txt": "s\n", "dst.txt": "d\n" }, patch: p("*** Update File: src.txt", "*** Move to: dst.txt", "@@", "-s", "+S"), expected: { "src.txt": null, "dst.txt": "S\n" } },
  { name: "applies several hunks in order", files: { "m.txt": "1\n2\n3\n4\n5\n6\n" }, patch: p("*** Update File: m.txt", "@@", " 1", "-2", "+two", "@@", " 4", "-5", "+five"), expected: { "m.txt": "1\ntwo\n3\n4\nfive\n6\n" } },
  { name: "handles several files with a grouped summary", files: { "mod.txt": "x\n", "del.txt": "d\n" }, patch: p("*** Add File: new.txt", "+n", "*** Delete File: del.txt", "*** Update File: mod.txt", "@@", "-x", "+y"), expected: { "new.txt": "n\n", "del.txt": null, "mod.txt": "y\n" }, summary: ["A new.txt", "M mod.txt", "D del.txt"] },
  { name: "an @@ context anchor picks the right occurrence", files: { "c.py": "def a():\n    return 1\ndef b():\n    return 1\n" }, patch: p("*** Update File: c.py", "@@ def b():", "-    return 1", "+    return 2"), expected: { "c.py": "def a():\n    return 1\ndef b():\n    return 2\n" } },
  { name: "pure addition under an anchor inserts after the anchor", files: { "c.py": "class A:\n    x = 1\nclass B:\n    y = 2\n" }, patch: p("*** Update File: c.py", "@@ class A:", "+    z = 0"), expected: { "c.py": "class A:\n    z = 0\n    x = 1\nclass B:\n    y = 2\n" } },
  { name: "pure addition without an anchor appends", files: { "in.txt": "a\n" }, patch: p("*** Update File: in.txt", "@@", "+b"), expected: { "in.txt": "a\nb\n" } },
  { name: "End of File anchors the hunk at the end", files: { "t.txt": "x\nend\nx\nend\n" }, patch: p("*** Update File: t.txt", "@@", " x", "-end", "+END", "*** End of File"), expected: { "t.txt": "x\nend\nx\nEND\n" } },
  { name: "deletion-only update", files: { "l.txt": "a\nb\nc\n" }, patch: p("*** Update File: l.txt", "@@", " a", "-b", " c"), expected: { "l.txt": "a\nc\n" } },
  { name: "adds the missing trailing newline", files: { "n.txt": "a\nb" }, patch: p("*** Update File: n.txt", "@@", "-b", "+c"), expected: { "n.txt": "a\nc\n" } },
  { name: "ignores trailing whitespace differences (context is written as in the patch, as upstream)", files: { "w.txt": "a  \nb\t\n" }, patch: p("*** Update File: w.txt", "@@", " a", "-b", "+c"), expected: { "w.txt": "a\nc\n" } },
  { name: "ignores leading whitespace differences", files: { "w.txt": "    indented\nnext\n" }, patch: p("*** Update File: w.txt", "@@", " indented", "-next", "+after"), expected: { "w.txt": "indented\nafter\n" } },
  { name: "normalises unicode punctuation", files: { "u.txt": "say \u201Chi\u201D \u2014 it\u2019s\u00A0ok\n" }, patch: p("*** Update File: u.txt", "@@", "-say \"hi\" - it's ok", "+said hi"), expected: { "u.txt": "said hi\n" } },
  { name: "keeps CRLF line endings", files: { "crlf.txt": "a\r\nb\r\nc\r\n" }, patch: p("*** Update File: crlf.txt", "@@", " a", "-b", "+B", " c"), expected: { "crlf.txt": "a\r\nB\r\nc\r\n" } },
  { name: "accepts a CRLF patch", files: { "f.txt": "a\nb\n" }, patch: p("*** Update File: f.txt", "@@", " a", "-b", "+c").replaceAll("\n", "\r\n"), expected: { "f.txt": "a\nc\n" } },
  { name: "strips a heredoc wrapper and whitespace around markers", files: { "f.txt": "a\n" }, patch: `<<'EOF'\n  *** Begin Patch  \n*** Update File: f.txt\n@@\n-a\n+b\n *** End Patch\nEOF\n`, expected: { "f.txt": "b\n" } },
  { name: "an absolute path is used as is", files: {}, patch: "ABS", expected: { "abs/x.txt": "abs\n" } },
  { name: "add then update the same file in one patch", patch: p("*** Add File: s.txt", "+one", "*** Update File: s.txt", "@@", "-one", "+two"), expected: { "s.txt": "two\n" } },
  { name: "failing hunk reports file, hunk and expected lines and writes nothing", files: { "ok.txt": "o\n", "bad.txt": "a\nb\n" }, patch: p("*** Update File: ok.txt", "@@", "-o", "+O", "*** Update File: bad.txt", "@@", "-a", "+A", "@@", "-missing", "+x"), error: { code: "CONTEXT_NOT_FOUND", hunk: 2, line: 10, expected: ["missing"], message: /Hunk 2 of 'bad.txt'.*\nExpected lines:\nmissing$/s } },
  { name: "a missing @@ anchor fails", files: { "f.txt": "a\n" }, patch: p("*** Update File: f.txt", "@@ def nowhere():", "-a", "+b"), error: { code: "CONTEXT_NOT_FOUND", expected: ["def nowhere():"] } },
  { name: "updating a missing file fails", patch: p("*** Add File: new.txt", "+n", "*** Update File: nope.txt", "@@", "-a", "+b"), expected: { "new.txt": null }, error: { code: "FILE_NOT_FOUND", line: 4, message: /nope\.txt/ } },
  { name: "deleting a missing file fails", patch: p("*** Delete File: nope.txt"), error: { code: "FILE_NOT_FOUND", line: 2 } },
  { name: "deleting a directory fails", dirs: ["dir"], patch: p("*** Delete File: dir"), error: { code: "NOT_A_FILE" } },
  { name: "an empty patch is rejected", patch: p(), error: { code: "EMPTY_PATCH" } },
  { name: "a missing Begin Patch line is reported at line 1", patch: "*** Add File: x\n+x\n*** End Patch", error: { code: "INVALID_PATCH", line: 1, message: /Begin Patch/ } },
  { name: "a missing End Patch line is reported at the last line", patch: "*** Begin Patch\n*** Add File: x\n+x", error: { code: "INVALID_PATCH", line: 3, message: /End Patch/ } },
  { name: "an invalid file header names the valid ones", patch: p("*** Frobnicate File: x"), error: { code: "INVALID_PATCH", line: 2, message: /Add File/ } },
  { name: "an empty Update File section is rejected", files: { "f.txt": "a\n" }, patch: p("*** Update File: f.txt"), error: { code: "INVALID_PATCH", line: 2 } },
  { name: "a bad hunk line is reported with its line number", files: { "f.txt": "a\n" }, patch: p("*** Update File: f.txt", "@@", "bad line"), error: { code: "INVALID_PATCH", line: 4, message: /'bad line'/ } },
];

async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(root, full)] = await readFile(full, "utf8");
  }
  return out;
}

describe("apply_patch scenarios", () => {
  it("has at least 25 scenarios", () => expect(scenarios.length).toBeGreaterThanOrEqual(25));

  it.each(scenarios)("$name", async (scenario) => {
    const root = await mkdtemp(path.join(tmpdir(), "apply-patch-"));
    for (const dir of scenario.dirs ?? []) await mkdir(path.join(root, dir), { recursive: true });
    for (const [file, content] of Object.entries(scenario.files ?? {})) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), content);
    }
    const patch = scenario.patch === "ABS" ? p(`*** Add File: ${path.join(root, "abs/x.txt")}`, "+abs") : scenario.patch;
    const before = await snapshot(root);
    if (scenario.error) {
      const error = await applyPatch(patch, { cwd: root }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApplyPatchError);
      const failure = error as ApplyPatchError;
      expect(failure.code).toBe(scenario.error.code);
      if (scenario.error.line !== undefined) expect(failure.line).toBe(scenario.error.line);
      if (scenario.error.hunk !== undefined) expect(failure.hunk).toBe(scenario.error.hunk);
      if (scenario.error.expected) expect(failure.expected).toEqual(scenario.error.expected);
      if (scenario.error.message) expect(failure.message).toMatch(scenario.error.message);
      expect(await snapshot(root)).toEqual(before);
    } else {
      const result = await applyPatch(patch, { cwd: root });
      if (scenario.summary) {
        expect(result.summary).toBe(`Success. Updated the following files:\n${scenario.summary.join("\n")}\n`);
      }
    }
    const after = await snapshot(root);
    for (const [file, content] of Object.entries(scenario.expected ?? {})) {
      expect(after[file]).toBe(content ?? undefined);
    }
  });
});
