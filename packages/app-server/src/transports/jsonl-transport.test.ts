import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createAppServer } from "../server/app-server.js";
import { attachJsonlTransport } from "./jsonl-transport.js";

const INIT = `${JSON.stringify({ id: 1, method: "initialize", params: { clientInfo: { name: "t", version: "1" } } })}\n`;

/** A writable that holds every write until `release()`, like a peer that stopped reading. */
function stalledOutput(): { output: Writable; chunks: string[]; release(): void } {
  const chunks: string[] = [];
  const held: Array<() => void> = [];
  const output = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      held.push(callback);
    },
  });
  return {
    output,
    chunks,
    release: () => {
      for (const callback of held.splice(0)) callback();
    },
  };
}

describe("attachJsonlTransport", () => {
  it("stops reading input while the output is full, and resumes when it drains", async () => {
    const server = createAppServer({ codexHome: "/tmp", env: {}, handlers: {} });
    const input = new PassThrough();
    const { output, chunks, release } = stalledOutput();
    attachJsonlTransport(server, { input, output, onInputEnd: () => undefined });
    input.write(INIT);
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toHaveLength(1);
    expect(input.isPaused()).toBe(true);
    const drained = new Promise((resolve) => output.once("drain", resolve));
    release();
    await drained;
    expect(input.isPaused()).toBe(false);
    await server.shutdown({ graceMs: 0 });
  });

  it("answers an over-long line with input_too_large and keeps reading", async () => {
    const server = createAppServer({ codexHome: "/tmp", env: {}, handlers: {} });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    attachJsonlTransport(server, { input, output, maxLineBytes: 120, onInputEnd: () => undefined });
    input.write(`${"x".repeat(200)}\n${INIT}`);
    while (text.split("\n").length < 3) await new Promise((resolve) => setImmediate(resolve));
    const lines = text.split("\n");
    expect(JSON.parse(lines[0] as string)).toEqual({
      id: null,
      error: { code: -32600, message: "Invalid request: message of 200 bytes exceeds the limit of 120 bytes", data: { code: "input_too_large", maxBytes: 120 } },
    });
    expect(JSON.parse(lines[1] as string)).toMatchObject({ id: 1, result: { codexHome: "/tmp" } });
    await server.shutdown({ graceMs: 0 });
  });
});
