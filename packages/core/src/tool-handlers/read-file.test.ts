import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runReadFile } from "./read-file.js";
import { ToolCallError } from "./tool-call-error.js";

const dir = mkdtempSync(path.join(tmpdir(), "read-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function file(content: string | Buffer): string {
  const target = path.join(dir, `f${counter++}.txt`);
  writeFileSync(target, content);
  return target;
}

const read = (args: object) => runReadFile(JSON.stringify(args));

describe("read_file slice mode", () => {
  it("numbers lines from the offset and honours the limit", async () => {
    const target = file("one\ntwo\nthree\nfour\n");
    expect(await read({ file_path: target })).toBe("L1: one\nL2: two\nL3: three\nL4: four");
    expect(await read({ file_path: target, offset: 2, limit: 2 })).toBe("L2: two\nL3: three");
  });

  it("strips CRLF, keeps a last line without newline and replaces invalid UTF-8", async () => {
    expect(await read({ file_path: file("a\r\nb\r\nc") })).toBe("L1: a\nL2: b\nL3: c");
    expect(await read({ file_path: file(Buffer.from([0xff, 0xfe, 0x0a, 0x41])) })).toBe("L1: \uFFFD\uFFFD\nL2: A");
  });

  it("cuts long lines to 500 bytes on a character boundary", async () => {
    const target = file(`${"é".repeat(300)}\n`);
    expect(await read({ file_path: target })).toBe(`L1: ${"é".repeat(250)}`);
  });

  it("reads a file larger than one stream chunk", async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `line number ${i + 1}`);
    const target = file(`${lines.join("\n")}\n`);
    expect(await read({ file_path: target, offset: 19_999, limit: 5 })).toBe(
      "L19999: line number 19999\nL20000: line number 20000",
    );
  });

  it("reports bad arguments and missing files to the model", async () => {
    const target = file("only\n");
    await expect(read({ file_path: target, offset: 3 })).rejects.toThrow("offset exceeds file length");
    await expect(read({ file_path: file("") })).rejects.toThrow("offset exceeds file length");
    await expect(read({ file_path: target, offset: 0 })).rejects.toThrow("offset must be a 1-indexed line number");
    await expect(read({ file_path: target, limit: 0 })).rejects.toThrow("limit must be greater than zero");
    await expect(read({ file_path: "relative.txt" })).rejects.toThrow("file_path must be an absolute path");
    await expect(read({ file_path: path.join(dir, "missing") })).rejects.toThrow(
      "failed to read file: No such file or directory (os error 2)",
    );
    await expect(read({})).rejects.toThrow("failed to parse function arguments: missing field `file_path`");
    await expect(read({ file_path: target, offset: "2" })).rejects.toThrow(
      'failed to parse function arguments: invalid type: string "2", expected an unsigned integer',
    );
    await expect(read({ file_path: target, mode: "fancy" })).rejects.toThrow("unknown variant `fancy`");
    await expect(runReadFile("{not json")).rejects.toBeInstanceOf(ToolCallError);
  });
});

describe("read_file indentation mode", () => {
  const nested = file(
    [
      "class Shop:", // 1
      "    def open(self):", // 2
      "        if self.ready:", // 3
      "            self.start()", // 4
      "        self.log()", // 5
      "    def close(self):", // 6
      "        self.stop()", // 7
      "", // 8
      "class Other:", // 9
      "    pass", // 10
    ].join("\n"),
  );
  const indentation = (options: object, extra: object = {}) =>
    read({ file_path: nested, mode: "indentation", ...extra, indentation: options });

  it("returns the block around the anchor up to max_levels", async () => {
    expect(await indentation({ anchor_line: 4, max_levels: 1 })).toBe(
      "L3:         if self.ready:\nL4:             self.start()\nL5:         self.log()",
    );
    expect(await indentation({ anchor_line: 4, max_levels: 2 })).toBe(
      [
        "L2:     def open(self):",
        "L3:         if self.ready:",
        "L4:             self.start()",
        "L5:         self.log()",
        "L6:     def close(self):",
        "L7:         self.stop()",
      ].join("\n"),
    );
  });

  it("includes sibling blocks on request and trims blank edges", async () => {
    expect(await indentation({ anchor_line: 3, max_levels: 1, include_siblings: true })).toBe(
      [
        "L2:     def open(self):",
        "L3:         if self.ready:",
        "L4:             self.start()",
        "L5:         self.log()",
        "L6:     def close(self):",
        "L7:         self.stop()",
      ].join("\n"),
    );
  });

  it("takes the whole file with max_levels 0 and honours max_lines", async () => {
    const all = await indentation({ anchor_line: 4 });
    expect(all.split("\n")).toHaveLength(10);
    expect(await indentation({ anchor_line: 4, max_lines: 1 })).toBe("L4:             self.start()");
  });

  it("keeps comments above the block as its header", async () => {
    const code = file(
      ["fn main() {", "    // explain", "    // more", "    run();", "    {", "        deep();", "    }", "}"].join("\n"),
    );
    const args = { file_path: code, mode: "indentation" };
    expect(await read({ ...args, indentation: { anchor_line: 6, max_levels: 1 } })).toBe(
      "L5:     {\nL6:         deep();\nL7:     }",
    );
    expect(await read({ ...args, indentation: { anchor_line: 4, max_levels: 1 } })).toBe(
      "L1: fn main() {\nL2:     // explain\nL3:     // more\nL4:     run();\nL5:     {\nL6:         deep();\nL7:     }\nL8: }",
    );
  });

  it("defaults the anchor to offset and validates it", async () => {
    // Upwards, deeper lines are taken until a second line at the outer indentation; the blank line 8 is trimmed.
    expect(await read({ file_path: nested, mode: "indentation", offset: 7, indentation: { max_levels: 1 } })).toBe(
      "L3:         if self.ready:\nL4:             self.start()\nL5:         self.log()\nL6:     def close(self):\nL7:         self.stop()",
    );
    await expect(indentation({ anchor_line: 99 })).rejects.toThrow("anchor_line exceeds file length");
    await expect(indentation({ anchor_line: 2, max_lines: 0 })).rejects.toThrow("max_lines must be greater than zero");
  });
});
