import { closeSync, openSync, readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FdWriter } from "./fd-writer.js";

const dir = mkdtempSync(path.join(tmpdir(), "codex-fd-writer-"));

describe("FdWriter", () => {
  it("writes buffers in order", async () => {
    const file = path.join(dir, "ordered");
    const fd = openSync(file, "w");
    const writer = new FdWriter(fd);
    await Promise.all([writer.write(Buffer.from("one ")), writer.write(Buffer.from("two ")), writer.write(Buffer.from("three"))]);
    await writer.stop();
    closeSync(fd);
    expect(readFileSync(file, "utf8")).toBe("one two three");
  });

  it("refuses writes after stop and rejects the queued ones", async () => {
    const file = path.join(dir, "stopped");
    const fd = openSync(file, "w");
    const writer = new FdWriter(fd);
    const first = writer.write(Buffer.from("first"));
    const queued = writer.write(Buffer.from("queued"));
    const stopped = writer.stop();
    await expect(first).resolves.toBeUndefined(); // already in flight
    await expect(queued).rejects.toMatchObject({ code: "PROCESS_NOT_RUNNING" });
    await stopped;
    await expect(writer.write(Buffer.from("late"))).rejects.toMatchObject({ code: "PROCESS_NOT_RUNNING" });
    closeSync(fd);
    expect(readFileSync(file, "utf8")).toBe("first");
  });

  it("reports write errors as PROCESS_STDIN_WRITE_FAILED", async () => {
    const fd = openSync(path.join(dir, "readonly"), "w+");
    closeSync(fd);
    const readOnly = openSync(path.join(dir, "readonly"), "r");
    const writer = new FdWriter(readOnly);
    await expect(writer.write(Buffer.from("x"))).rejects.toMatchObject({ code: "PROCESS_STDIN_WRITE_FAILED" });
    closeSync(readOnly);
  });

  it("resolves empty writes at once", async () => {
    const writer = new FdWriter(-1);
    await expect(writer.write(Buffer.alloc(0))).resolves.toBeUndefined();
  });
});
