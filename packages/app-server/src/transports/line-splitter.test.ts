import { describe, expect, it } from "vitest";
import { LineSplitter } from "./line-splitter.js";

function collect(max: number): { splitter: LineSplitter; lines: string[]; oversized: number[] } {
  const lines: string[] = [];
  const oversized: number[] = [];
  const splitter = new LineSplitter(max, { line: (text) => lines.push(text), oversized: (bytes) => oversized.push(bytes) });
  return { splitter, lines, oversized };
}

describe("LineSplitter", () => {
  it("joins chunks, splits lines, strips CR and skips blank lines", () => {
    const { splitter, lines } = collect(100);
    splitter.push(Buffer.from('{"a":'));
    splitter.push(Buffer.from('1}\r\n\n{"b":2}\n{"c"'));
    splitter.push(Buffer.from(":3}"));
    splitter.end();
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it("keeps multi-byte characters split across chunks intact", () => {
    const { splitter, lines } = collect(100);
    const bytes = Buffer.from("é€\n");
    splitter.push(bytes.subarray(0, 1));
    splitter.push(bytes.subarray(1));
    expect(lines).toEqual(["é€"]);
  });

  it("drops an oversized line through its newline and carries on", () => {
    const { splitter, lines, oversized } = collect(8);
    splitter.push(Buffer.from("short\n0123456"));
    splitter.push(Buffer.from("789abcdef"));
    splitter.push(Buffer.from("ghij\nnext\n"));
    expect(lines).toEqual(["short", "next"]);
    expect(oversized).toEqual([20]);
  });
});
