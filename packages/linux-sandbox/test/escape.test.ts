import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runShell, tempDir } from "./sandbox-harness.js";

// Real bubblewrap: every write below must fail unless it targets a writable root outside its protected paths.
let base: string;
let ws: string;
let outside: string;
let flags: string[];

beforeAll(() => {
  base = tempDir("codex-escape-");
  ws = path.join(base, "ws");
  outside = path.join(base, "outside");
  fs.mkdirSync(path.join(ws, ".git", "hooks"), { recursive: true });
  fs.writeFileSync(path.join(ws, ".git", "config"), "[core]\n");
  fs.mkdirSync(path.join(ws, "sub"));
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, "secret.txt"), "readable\n");
  fs.symlinkSync(path.join(ws, ".git"), path.join(ws, "git-link"));
  fs.symlinkSync(outside, path.join(ws, "outside-link"));
  flags = [
    "--writable-root",
    ws,
    "--read-only",
    path.join(ws, ".git"),
    "--read-only",
    path.join(ws, ".codex"),
    "--read-only",
    path.join(ws, ".agents"),
  ];
});

afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

/** Runs each `attempt` as a shell command and reports `ok` or `denied` per line. */
async function attempts(commands: string[], extraFlags: string[] = []): Promise<string[]> {
  const script = commands.map((command) => `if ( ${command} ) 2>/dev/null; then echo ok; else echo denied; fi`).join("\n");
  const result = await runShell([...flags, ...extraFlags], script, { cwd: ws });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout.trim().split("\n");
}

describe("filesystem escapes under real bubblewrap", () => {
  it("reads anywhere, writes inside the writable root", async () => {
    const result = await runShell(
      flags,
      `cat ${outside}/secret.txt && echo made > ${ws}/made.txt && mkdir -p ${ws}/sub/deep && echo ok > ${ws}/sub/deep/f`,
      { cwd: ws },
    );
    expect(result).toMatchObject({ code: 0, stdout: "readable\n", stderr: "" });
    expect(fs.readFileSync(path.join(ws, "made.txt"), "utf8")).toBe("made\n");
    expect(fs.readFileSync(path.join(ws, "sub", "deep", "f"), "utf8")).toBe("ok\n");
  });

  it("refuses writes outside the writable roots, directly, through .., and through symlinks", async () => {
    const outcome = await attempts([
      `touch ${outside}/direct`,
      `touch ${ws}/../outside/dotdot`,
      `touch ${ws}/sub/../../outside/dotdot2`,
      `touch ${ws}/outside-link/via-link`,
      `ln -s ${outside} ${ws}/new-link && touch ${ws}/new-link/via-new-link`,
      `rm ${outside}/secret.txt`,
      `touch /etc/codex-escape`,
    ]);
    expect(outcome).toEqual(["denied", "denied", "denied", "denied", "denied", "denied", "denied"]);
    expect(fs.readdirSync(outside)).toEqual(["secret.txt"]);
  });

  it("keeps .git read-only, including through .., symlinks and renames", async () => {
    const outcome = await attempts([
      `echo x >> ${ws}/.git/config`,
      `touch ${ws}/.git/hooks/pre-commit`,
      `echo x >> ${ws}/sub/../.git/config`,
      `touch ${ws}/git-link/hooks/post-checkout`,
      `ln -s .git ${ws}/git-link2 && touch ${ws}/git-link2/hooks/pre-push`,
      `mv ${ws}/.git ${ws}/moved-git`,
      `rm -rf ${ws}/.git`,
    ]);
    expect(outcome).toEqual(["denied", "denied", "denied", "denied", "denied", "denied", "denied"]);
    expect(fs.readFileSync(path.join(ws, ".git", "config"), "utf8")).toBe("[core]\n");
    expect(fs.readdirSync(path.join(ws, ".git", "hooks"))).toEqual([]);
  });

  it("refuses to create a missing .codex or .agents, and leaves no placeholder behind", async () => {
    const outcome = await attempts([
      `mkdir ${ws}/.codex`,
      `echo 'sandbox_mode = "danger-full-access"' > ${ws}/.codex/config.toml`,
      `mkdir -p ${ws}/.agents/skills`,
      `rm -f ${ws}/.codex && mkdir ${ws}/.codex`,
      `mv ${ws}/sub ${ws}/.agents`,
    ]);
    expect(outcome).toEqual(["denied", "denied", "denied", "denied", "denied"]);
    expect(fs.existsSync(path.join(ws, ".codex"))).toBe(false);
    expect(fs.existsSync(path.join(ws, ".agents"))).toBe(false);
    expect(fs.existsSync(path.join(ws, "sub"))).toBe(true);
  });

  it("refuses to create a missing .git", async () => {
    const fresh = path.join(base, "fresh");
    fs.mkdirSync(fresh);
    const result = await runShell(
      ["--writable-root", fresh, "--read-only", path.join(fresh, ".git")],
      `if mkdir .git 2>/dev/null || git init -q . 2>/dev/null; then echo created; else echo denied; fi; touch ok`,
      { cwd: fresh },
    );
    expect(result.stdout).toBe("denied\n");
    expect(fs.readdirSync(fresh)).toEqual(["ok"]);
  });

  it("refuses writes through /proc/self/root and /proc/1/root", async () => {
    const outcome = await attempts([
      `touch /proc/self/root${outside}/via-proc`,
      `echo x >> /proc/self/root${ws}/.git/config`,
      `touch /proc/1/root${outside}/via-pid1`,
      `mkdir /proc/self/root${ws}/.codex`,
    ]);
    expect(outcome).toEqual(["denied", "denied", "denied", "denied"]);
    expect(fs.readdirSync(outside)).toEqual(["secret.txt"]);
  });

  it("makes /tmp writable only when it is a writable root", async () => {
    const name = `codex-escape-${process.pid}-${Date.now()}`;
    const denied = await attempts([`touch /tmp/${name}`]);
    expect(denied).toEqual(["denied"]);
    expect(fs.existsSync(`/tmp/${name}`)).toBe(false);
    const allowed = await attempts([`touch /tmp/${name}`], ["--writable-root", "/tmp"]);
    expect(allowed).toEqual(["ok"]);
    expect(fs.existsSync(`/tmp/${name}`)).toBe(true);
    fs.rmSync(`/tmp/${name}`);
  });

  it("keeps the placeholder markers read-only when they live in a writable /tmp", async () => {
    const markers = `${fs.realpathSync(os.tmpdir())}/codex-bwrap-mountpoints-${process.getuid?.() ?? 0}`;
    const env = { ...process.env };
    delete env.XDG_RUNTIME_DIR;
    const result = await runShell(
      [...flags, "--writable-root", "/tmp"],
      `test -d ${markers} && echo present; (touch ${markers}/forged) 2>/dev/null || echo denied; (rm -rf ${markers}) 2>/dev/null || echo denied`,
      { cwd: ws, env },
    );
    expect(result).toMatchObject({ code: 0, stdout: "present\ndenied\ndenied\n" });
    expect(fs.existsSync(`${markers}/forged`)).toBe(false);
  });

  it("makes nothing writable without writable roots", async () => {
    const result = await runShell([], `touch ${ws}/ro-attempt 2>/dev/null && echo ok || echo denied`, { cwd: ws });
    expect(result.stdout).toBe("denied\n");
    expect(fs.existsSync(path.join(ws, "ro-attempt"))).toBe(false);
  });
});
