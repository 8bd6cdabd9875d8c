import { describe, expect, it } from "vitest";
import { HeadTailBuffer } from "./head-tail-buffer.js";

describe("HeadTailBuffer", () => {
  it("keeps everything under the cap", () => {
    const buffer = new HeadTailBuffer(10);
    buffer.push(Buffer.from("abc"));
    buffer.push(Buffer.from("def"));
    expect(buffer.size).toBe(6);
    expect(buffer.take().toString()).toBe("abcdef");
    expect(buffer.size).toBe(0);
  });

  it("keeps the first half and the latest half beyond the cap", () => {
    const buffer = new HeadTailBuffer(6);
    buffer.push(Buffer.from("0123"));
    buffer.push(Buffer.from("4567"));
    buffer.push(Buffer.from("89"));
    expect(buffer.omittedBytes).toBe(4);
    expect(buffer.take().toString()).toBe("012789");
    expect(buffer.omittedBytes).toBe(0);
  });
});
