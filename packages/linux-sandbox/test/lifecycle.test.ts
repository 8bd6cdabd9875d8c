import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, processesRunning, runHelper, runShell, spawnHelper, tempDir } from "./sandbox-harness.js";

let base: string;
beforeAll(() => {
  base = tempDir("codex-lifecycle-");
});
afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

/** A sleep duration nobody else uses, so its processes can be found by command line. */
const uniqueSleep = () => `${86_000 + (process.pid % 400)}.${Date.now() % 100_000}`;

/** Starts `sleep DURATION` in the background and returns once it has really started (exec'd). */
const backgroundSleep = (duration: string) =>
  `sleep ${duration} & pid=$!; until grep -q '^sleep' /proc/$pid/cmdline 2>/dev/null; do :; done`;

describe("process lifecycle under real bubblewrap", () => {
  it("exits with the command's exit code and passes stdin and stdout through", async () => {
    const result = await runShell([], "read line; echo \"got $line\"; exit 42", { cwd: base, input: "hello\n" });
    expect(result).toMatchObject({ code: 42, stdout: "got hello\n", stderr: "" });
  });

  it("keeps the command's stderr separate from the sandbox setup", async () => {
    const result = await runShell([], "echo oops >&2; exit 3", { cwd: base });
    expect(result).toMatchObject({ code: 3, stdout: "", stderr: "oops\n" });
  });

  it("reports a command killed by a signal as 128 + signal", async () => {
    const result = await runShell([], "kill -TERM $$", { cwd: base });
    expect(result.code).toBe(143);
  });

  it("leaves no process behind when the command exits with a background child", async () => {
    const marker = uniqueSleep();
    const result = await runShell([], `${backgroundSleep(marker)}; echo started`, { cwd: base });
    expect(result).toMatchObject({ code: 0, stdout: "started\n" });
    expect(processesRunning(["sleep", marker])).toEqual([]);
  });

  it("leaves no process behind when the network is proxied either", async () => {
    const marker = uniqueSleep();
    const socket = path.join(base, "unused.sock");
    fs.writeFileSync(socket, "");
    const result = await runShell(["--network", "proxy", "--proxy-socket", socket], `${backgroundSleep(marker)}; echo started`, {
      cwd: base,
    });
    expect(result).toMatchObject({ code: 0, stdout: "started\n" });
    expect(processesRunning(["sleep", marker])).toEqual([]);
  });

  it("ends the whole sandbox when the helper is terminated", async () => {
    const marker = uniqueSleep();
    const child = spawnHelper(["--", "/bin/sh", "-c", `${backgroundSleep(marker)}; echo ready; wait`], { cwd: base });
    const done = collect(child);
    await new Promise<void>((resolve) => {
      child.stdout?.on("data", (chunk: Buffer | string) => {
        if (String(chunk).includes("ready")) resolve();
      });
    });
    expect(processesRunning(["sleep", marker])).toHaveLength(1);
    child.kill("SIGTERM");
    const result = await done;
    expect(result.signal).toBe("SIGTERM");
    expect(processesRunning(["sleep", marker])).toEqual([]);
  });

  it("refuses a protected path that is a symlink inside a writable root, before running anything", async () => {
    const ws = path.join(base, "linked");
    fs.mkdirSync(path.join(ws, "decoy"), { recursive: true });
    fs.symlinkSync("decoy", path.join(ws, ".codex"));
    const result = await runShell(
      ["--writable-root", ws, "--read-only", path.join(ws, ".codex")],
      `touch ${ws}/ran`,
      { cwd: ws },
    );
    expect(result.code).toBe(125);
    expect(result.stderr).toContain(`codex-linux-sandbox: ${ws}/.codex is a symbolic link inside a writable folder`);
    expect(fs.existsSync(path.join(ws, "ran"))).toBe(false);
  });

  it("rejects a bad command line with usage and exit 125", async () => {
    const result = await runHelper(["--network", "sideways", "--", "true"], { cwd: base });
    expect(result.code).toBe(125);
    expect(result.stderr).toContain("--network must be one of enabled, disabled, proxy");
    expect(result.stderr).toContain("usage: codex-linux-sandbox");
  });

  it("runs concurrent sandboxes on one workspace and removes the shared placeholder after the last", async () => {
    const ws = path.join(base, "shared");
    fs.mkdirSync(ws);
    const flags = ["--writable-root", ws, "--read-only", path.join(ws, ".codex")];
    const script = "test -c .codex && echo blocked";
    const results = await Promise.all([1, 2, 3].map(() => runShell(flags, script, { cwd: ws })));
    for (const result of results) expect(result).toMatchObject({ code: 0, stdout: "blocked\n" });
    expect(fs.readdirSync(ws)).toEqual([]);
  });
});

describe("hosts that refuse a new /proc", () => {
  it("retries with /proc masked, without showing bubblewrap's error", async () => {
    const fake = path.join(base, "bwrap-no-proc");
    fs.writeFileSync(
      fake,
      `#!/bin/sh\ncase " $* " in *" --proc "*) echo "bwrap: Can't mount proc on /newroot/proc: Operation not permitted" >&2; exit 1;; esac\nexec bwrap "$@"\n`,
      { mode: 0o755 },
    );
    const result = await runShell(["--bwrap", fake], "ls /proc | wc -l; echo done", { cwd: base });
    expect(result).toMatchObject({ code: 0, stdout: "0\ndone\n", stderr: "" });
  });

  it("skips /proc when told so", async () => {
    const result = await runShell(["--no-proc"], "ls /proc | wc -l", { cwd: base });
    expect(result).toMatchObject({ code: 0, stdout: "0\n" });
  });

  it("still shows bubblewrap's other errors", async () => {
    const result = await runHelper(["--network", "proxy", "--proxy-socket", path.join(base, "absent.sock"), "--", "true"], {
      cwd: base,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bwrap: .*absent\.sock/);
  });
});
