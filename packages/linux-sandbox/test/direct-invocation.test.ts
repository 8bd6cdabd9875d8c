import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directBwrapInvocation, probeProcMount } from "../src/index.js";
import { helperPath, tempDir } from "./sandbox-harness.js";

let ws: string;
beforeAll(() => {
  ws = tempDir("codex-direct-");
});
afterAll(() => {
  fs.rmSync(ws, { recursive: true, force: true });
});

const helperInvocation = (flags: string[], command: string[]) => ({
  program: process.execPath,
  args: [helperPath, ...flags, "--", ...command],
  env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NODE_OPTIONS: "" },
  cwd: ws,
});

describe("directBwrapInvocation", () => {
  it("runs bubblewrap directly when the helper would only start it", () => {
    const invocation = directBwrapInvocation(
      helperInvocation(["--network", "disabled", "--setenv", "MARK=set"], ["/bin/sh", "-c", "echo $MARK; touch x"]),
      { helperPath, procMountWorks: probeProcMount() },
    );
    expect(path.basename(invocation.program)).toBe("bwrap");
    expect(invocation.args).toContain("--unshare-net");
    const result = spawnSync(invocation.program, invocation.args, { cwd: invocation.cwd, env: invocation.env, encoding: "utf8" });
    expect(result.stdout).toBe("set\n");
    expect(result.status).not.toBe(0);
    expect(fs.existsSync(path.join(ws, "x"))).toBe(false);
  });

  it("keeps the helper when a placeholder needs cleaning up or a proxy needs its forwarder", () => {
    const missing = helperInvocation(["--writable-root", ws, "--read-only", path.join(ws, ".codex")], ["true"]);
    expect(directBwrapInvocation(missing, { helperPath, procMountWorks: true })).toBe(missing);
    const proxied = helperInvocation(["--network", "proxy", "--proxy-socket", path.join(ws, "p.sock")], ["true"]);
    expect(directBwrapInvocation(proxied, { helperPath, procMountWorks: true })).toBe(proxied);
    const other = { program: "ls", args: [], env: {}, cwd: ws };
    expect(directBwrapInvocation(other, { helperPath, procMountWorks: true })).toBe(other);
  });

  it("masks /proc when the host refuses to mount it", () => {
    const invocation = directBwrapInvocation(helperInvocation([], ["true"]), { helperPath, procMountWorks: false });
    expect(invocation.args).not.toContain("--proc");
    expect(invocation.args).toContain("--tmpfs");
  });
});
