import { describe, expect, it } from "vitest";
import { ApplyPatchError } from "./errors.js";
import { parsePatch } from "./parser.js";

function parseError(text: string): ApplyPatchError {
  try {
    parsePatch(text);
  } catch (error) {
    if (error instanceof ApplyPatchError) return error;
    throw error;
  }
  throw new Error("expected a parse error");
}

describe("parsePatch", () => {
  it("parses every operation kind with its patch line", () => {
    const parsed = parsePatch(
      [
        "*** Begin Patch",
        "*** Add File: path/add.py",
        "+abc",
        "+def",
        "*** Delete File: path/delete.py",
        "*** Update File: path/update.py",
        "*** Move to: path/update2.py",
        "@@ def f():",
        "-    pass",
        "+    return 123",
        "*** End of File",
        "*** End Patch",
      ].join("\n"),
    );
    expect(parsed.operations).toEqual([
      { type: "add", path: "path/add.py", contents: "abc\ndef\n", line: 2 },
      { type: "delete", path: "path/delete.py", line: 5 },
      {
        type: "update",
        path: "path/update.py",
        movePath: "path/update2.py",
        line: 6,
        hunks: [{ context: "def f():", oldLines: ["    pass"], newLines: ["    return 123"], endOfFile: true, line: 8 }],
      },
    ]);
  });

  it("treats an empty line inside a hunk as empty context and splits hunks at @@", () => {
    const parsed = parsePatch("*** Begin Patch\n*** Update File: f\n@@\n a\n\n-b\n@@ x\n+c\n*** End Patch\n");
    const update = parsed.operations[0];
    expect(update?.type === "update" && update.hunks).toEqual([
      { context: undefined, oldLines: ["a", "", "b"], newLines: ["a", ""], endOfFile: false, line: 3 },
      { context: "x", oldLines: [], newLines: ["c"], endOfFile: false, line: 7 },
    ]);
  });

  it("accepts an empty patch body", () => {
    expect(parsePatch("*** Begin Patch\n*** End Patch").operations).toEqual([]);
  });

  it("counts line numbers from the original text, past leading blank lines and a heredoc opener", () => {
    expect(parseError("\n\n<<'EOF'\n*** Begin Patch\n*** Nope\n*** End Patch\nEOF").line).toBe(5);
  });

  it.each([
    ["", 1, /first line to be '\*\*\* Begin Patch', found an empty patch/],
    ["bad", 1, /found 'bad'/],
    ["*** Begin Patch\nbad", 2, /last line to be '\*\*\* End Patch'/],
    ["*** Begin Patch\n*** Add File: \n*** End Patch", 2, /expected a file path after '\*\*\* Add File:'/],
    ["*** Begin Patch\n*** Update File: a\n@@\n+x\n-y\nnot a change\n*** End Patch", 6, /expected a '@@' hunk header, found 'not a change'/],
    ["*** Begin Patch\n*** Update File: a\n*** End of File\n*** End Patch", 2, /has no changes/],
    ["*** Begin Patch\n*** Update File: a\n@@\n*** End Patch", 4, /after the '@@' hunk header/],
    ["*** Begin Patch\n*** Update File: a\n@@\n*** End of File\n*** End Patch", 4, /after the '@@' hunk header/],
  ])("reports %j at line %i", (text, line, message) => {
    const error = parseError(text);
    expect(error.code).toBe("INVALID_PATCH");
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(new RegExp(`^Invalid patch at line ${line}: `));
  });
});
