import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkSandboxAvailable, resetSandboxPreflight } from "./preflight.js";
import { SandboxUnavailableError } from "./sandbox-errors.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "codex-preflight-"));
  resetSandboxPreflight();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  resetSandboxPreflight();
});

/** A stand-in bwrap: a shell script with the given body. */
function fakeBwrap(body: string): string {
  const file = path.join(dir, "bwrap");
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

describe.runIf(process.platform === "linux")("checkSandboxAvailable on Linux", () => {
  it("explains how to install bubblewrap when it is missing", () => {
    const attempt = () => checkSandboxAvailable("linux", { env: { PATH: dir }, bwrapPath: path.join(dir, "bwrap") });
    expect(attempt).toThrow(SandboxUnavailableError);
    expect(attempt).toThrow(/apt-get install bubblewrap.*dnf install bubblewrap/);
    expect(attempt).toThrow(expect.objectContaining({ code: "SANDBOX_UNAVAILABLE" }));
  });

  it("reports an unusable bubblewrap with its own reason", () => {
    const bwrapPath = fakeBwrap('echo "bwrap: No permissions to creating new namespace" >&2; exit 1');
    const attempt = () => checkSandboxAvailable("linux", { bwrapPath });
    expect(attempt).toThrow(/cannot create a sandbox here \(bwrap: No permissions to creating new namespace\)/);
  });

  it("accepts a host that refuses only a new /proc, and says so", () => {
    const bwrapPath = fakeBwrap('case "$*" in *--proc*) echo "bwrap: Can\'t mount proc" >&2; exit 1;; esac; exit 0');
    expect(checkSandboxAvailable("linux", { bwrapPath })).toEqual({ platform: "linux", bwrapPath, mountProc: false });
  });

  it("finds the real bubblewrap and caches the answer", () => {
    const support = checkSandboxAvailable("linux");
    expect(support).toMatchObject({ platform: "linux", mountProc: true });
    expect(checkSandboxAvailable("linux")).toBe(support);
  });
});

describe("checkSandboxAvailable elsewhere", () => {
  it("refuses platforms without a sandbox instead of running unsandboxed", () => {
    expect(() => checkSandboxAvailable("win32")).toThrow(SandboxUnavailableError);
    expect(() => checkSandboxAvailable("freebsd")).toThrow(/not supported on freebsd/);
  });
});
