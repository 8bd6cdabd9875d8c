import { describe, expect, it } from "vitest";
import { OutputCapture } from "./output-capture.js";

const bytes = (text: string) => Buffer.from(text);

describe("OutputCapture", () => {
  it("passes everything through without a cap", () => {
    const capture = new OutputCapture(null, true);
    expect(capture.accept(bytes("abc"))).toEqual({ chunk: bytes("abc"), capReached: false });
    expect(capture.accept(bytes("de"))).toEqual({ chunk: bytes("de"), capReached: false });
    expect(capture.retained()).toEqual(bytes("abcde"));
    expect(capture.truncated).toBe(false);
    expect(capture.totalBytes).toBe(5);
  });

  it("cuts the chunk that crosses the cap and drops the rest", () => {
    const capture = new OutputCapture(4, true);
    expect(capture.accept(bytes("abc"))).toEqual({ chunk: bytes("abc"), capReached: false });
    expect(capture.accept(bytes("defg"))).toEqual({ chunk: bytes("d"), capReached: true });
    expect(capture.accept(bytes("hij"))).toBeUndefined();
    expect(capture.retained()).toEqual(bytes("abcd"));
    expect(capture.truncated).toBe(true);
    expect(capture.deliveredBytes).toBe(4);
    expect(capture.totalBytes).toBe(10);
  });

  it("flags an empty chunk when the cap was met exactly and more output arrives", () => {
    const capture = new OutputCapture(3, false);
    expect(capture.accept(bytes("abc"))).toEqual({ chunk: bytes("abc"), capReached: false });
    expect(capture.truncated).toBe(false);
    expect(capture.accept(bytes("d"))).toEqual({ chunk: Buffer.alloc(0), capReached: true });
    expect(capture.truncated).toBe(true);
  });

  it("treats a zero cap as dropping everything", () => {
    const capture = new OutputCapture(0, true);
    expect(capture.accept(bytes("x"))).toEqual({ chunk: Buffer.alloc(0), capReached: true });
    expect(capture.retained()).toEqual(Buffer.alloc(0));
  });

  it("retains nothing unless asked", () => {
    const capture = new OutputCapture(null, false);
    capture.accept(bytes("abc"));
    expect(capture.retained()).toEqual(Buffer.alloc(0));
    expect(capture.deliveredBytes).toBe(3);
  });

  it("ignores empty chunks", () => {
    const capture = new OutputCapture(0, false);
    expect(capture.accept(Buffer.alloc(0))).toBeUndefined();
    expect(capture.truncated).toBe(false);
  });
});
