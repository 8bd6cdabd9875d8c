import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runShell, tempDir } from "./sandbox-harness.js";

// As root, the same checks run again as an unprivileged user (nobody), which needs bubblewrap's user namespace.
// As any other user, the other test files already cover this path.
const NOBODY = 65_534;
const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync("setpriv", ["--version"]).status === 0;

let base: string;
beforeAll(() => {
  base = tempDir("codex-unprivileged-");
  fs.chmodSync(base, 0o755);
});
afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

describe.runIf(isRoot && hasSetpriv)("as an unprivileged user", () => {
  it("writes inside the root only, and keeps protected paths read-only", async () => {
    const ws = path.join(base, "ws");
    const outside = path.join(base, "outside");
    fs.mkdirSync(ws);
    fs.mkdirSync(outside);
    for (const dir of [ws, outside]) fs.chownSync(dir, NOBODY, NOBODY);
    const script = [
      "id -u",
      "echo inside > inside.txt && echo wrote-inside",
      `( touch ${outside}/escape ) 2>/dev/null || echo outside-denied`,
      "( mkdir .codex ) 2>/dev/null || echo codex-denied",
    ].join("; ");
    const result = await runShell(
      ["--writable-root", ws, "--read-only", path.join(ws, ".codex"), "--read-only", path.join(ws, ".git")],
      script,
      {
        cwd: ws,
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
        wrapper: ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "--"],
      },
    );
    expect(result).toMatchObject({
      code: 0,
      stdout: `${NOBODY}\nwrote-inside\noutside-denied\ncodex-denied\n`,
      stderr: "",
    });
    expect(fs.readdirSync(ws)).toEqual(["inside.txt"]);
    expect(fs.readdirSync(outside)).toEqual([]);
  });
});
