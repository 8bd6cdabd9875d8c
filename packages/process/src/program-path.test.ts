import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ProcessSpawnError } from "./errors.js";
import { checkProgram, checkWorkingDirectory, findProgram } from "./program-path.js";

const dir = mkdtempSync(path.join(tmpdir(), "codex-process-path-"));
const script = path.join(dir, "tool");
writeFileSync(script, "#!/bin/sh\n");
chmodSync(script, 0o755);
const plain = path.join(dir, "data.txt");
writeFileSync(plain, "x");

describe.skipIf(process.platform === "win32")("findProgram", () => {
  it("searches the given PATH", () => {
    expect(findProgram("tool", `/nonexistent:${dir}`, "/")).toBe(script);
    expect(findProgram("tool", "/nonexistent", "/")).toBeUndefined();
  });

  it("resolves names with a slash against cwd", () => {
    expect(findProgram("./tool", undefined, dir)).toBe(script);
    expect(findProgram(script, undefined, "/")).toBe(script);
  });

  it("skips files that are not executable and directories", () => {
    expect(findProgram("data.txt", dir, "/")).toBeUndefined();
    expect(findProgram(dir, undefined, "/")).toBeUndefined();
  });
});

describe.skipIf(process.platform === "win32")("checkProgram", () => {
  it("reports a missing program as ENOENT", () => {
    expect(() => checkProgram("no-such-program-xyz", dir, "/")).toThrow(ProcessSpawnError);
    try {
      checkProgram("no-such-program-xyz", dir, "/");
    } catch (error) {
      expect((error as ProcessSpawnError).errno).toBe("ENOENT");
      expect((error as ProcessSpawnError).code).toBe("PROCESS_SPAWN_FAILED");
    }
  });

  it("reports an existing file that cannot be executed as EACCES", () => {
    try {
      checkProgram(plain, undefined, "/");
      expect.unreachable();
    } catch (error) {
      expect((error as ProcessSpawnError).errno).toBe("EACCES");
    }
  });
});

describe("checkWorkingDirectory", () => {
  it("accepts a directory and rejects missing paths and files", () => {
    expect(() => checkWorkingDirectory("x", dir)).not.toThrow();
    expect(() => checkWorkingDirectory("x", path.join(dir, "missing"))).toThrow(/does not exist/);
    expect(() => checkWorkingDirectory("x", plain)).toThrow(/not a directory/);
  });
});
