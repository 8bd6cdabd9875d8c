import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readOnlySandboxPolicy, workspaceWriteSandboxPolicy } from "@codex-ts/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SandboxError, SandboxUnavailableError } from "./sandbox-errors.js";
import { sandboxNetworkFor, transform } from "./transform.js";

let cwd: string;
beforeEach(() => {
  cwd = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "codex-transform-")));
});
afterEach(() => {
  fs.rmSync(cwd, { recursive: true, force: true });
});

const helper = "/opt/codex/linux-sandbox/dist/helper.js";
const noTmp = { excludeSlashTmp: true, excludeTmpdirEnvVar: true };

describe("transform", () => {
  it("runs the command as is under full access", () => {
    const invocation = transform(["ls", "-la"], { type: "dangerFullAccess" }, { cwd, env: { A: "1" }, platform: "linux" });
    expect(invocation).toEqual({ program: "ls", args: ["-la"], env: { A: "1" }, cwd, sandbox: "none" });
    expect(transform(["true"], { type: "externalSandbox", networkAccess: "restricted" }, { cwd, env: {} }).sandbox).toBe(
      "none",
    );
  });

  it("runs a read-only command through the Linux helper with the network off", () => {
    const invocation = transform(["cat", "x"], readOnlySandboxPolicy(), {
      cwd,
      env: { PATH: "/usr/bin" },
      platform: "linux",
      linuxSandboxExe: helper,
      nodePath: "/usr/bin/node",
    });
    expect(invocation).toEqual({
      program: "/usr/bin/node",
      args: [helper, "--network", "disabled", "--", "cat", "x"],
      env: { PATH: "/usr/bin", CODEX_SANDBOX_NETWORK_DISABLED: "1" },
      cwd,
      sandbox: "linux-bubblewrap",
    });
  });

  it("passes writable roots, protected paths and preflight results to the helper", () => {
    const invocation = transform(["make"], workspaceWriteSandboxPolicy({ ...noTmp, networkAccess: true }), {
      cwd,
      env: {},
      platform: "linux",
      linuxSandboxExe: "/usr/libexec/codex-linux-sandbox",
      bwrapPath: "/usr/bin/bwrap",
      mountProc: false,
    });
    expect(invocation.program).toBe("/usr/libexec/codex-linux-sandbox");
    expect(invocation.args).toEqual([
      "--writable-root",
      cwd,
      "--read-only",
      `${cwd}/.git`,
      "--read-only",
      `${cwd}/.codex`,
      "--read-only",
      `${cwd}/.agents`,
      "--network",
      "enabled",
      "--no-proc",
      "--bwrap",
      "/usr/bin/bwrap",
      "--",
      "make",
    ]);
    expect(invocation.env).toEqual({});
  });

  it("keeps node start-up variables away from the helper and hands them to the command", () => {
    const invocation = transform(["node", "x.js"], readOnlySandboxPolicy(), {
      cwd,
      env: { NODE_OPTIONS: "--require ./evil.js", NODE_EXTRA_CA_CERTS: "/etc/ca.pem", HOME: "/h" },
      platform: "linux",
      linuxSandboxExe: helper,
    });
    expect(invocation.env).toEqual({ HOME: "/h", CODEX_SANDBOX_NETWORK_DISABLED: "1" });
    expect(invocation.args).toEqual([
      helper,
      "--network",
      "disabled",
      "--setenv",
      "NODE_OPTIONS=--require ./evil.js",
      "--setenv",
      "NODE_EXTRA_CA_CERTS=/etc/ca.pem",
      "--",
      "node",
      "x.js",
    ]);
  });

  it("routes allowed network through the proxy socket", () => {
    const invocation = transform(["curl", "example.com"], readOnlySandboxPolicy({ networkAccess: true }), {
      cwd,
      env: {},
      platform: "linux",
      linuxSandboxExe: helper,
      networkProxy: { unixSocket: "/run/proxy.sock" },
    });
    expect(invocation.args).toEqual([
      helper,
      "--network",
      "proxy",
      "--proxy-socket",
      "/run/proxy.sock",
      "--",
      "curl",
      "example.com",
    ]);
    expect(invocation.env.CODEX_SANDBOX_NETWORK_DISABLED).toBeUndefined();
  });

  it("wraps the command in sandbox-exec with the generated profile on macOS", () => {
    const invocation = transform(["ls"], workspaceWriteSandboxPolicy(noTmp), { cwd, env: {}, platform: "darwin" });
    expect(invocation.program).toBe("/usr/bin/sandbox-exec");
    expect(invocation.args[0]).toBe("-p");
    expect(invocation.args[1]).toContain("(deny default)");
    expect(invocation.args.slice(2)).toEqual([
      `-DWRITABLE_ROOT_0=${cwd}`,
      `-DWRITABLE_ROOT_0_RO_0=${cwd}/.git`,
      `-DWRITABLE_ROOT_0_RO_1=${cwd}/.codex`,
      `-DWRITABLE_ROOT_0_RO_2=${cwd}/.agents`,
      "--",
      "ls",
    ]);
    expect(invocation.env).toEqual({ CODEX_SANDBOX: "seatbelt", CODEX_SANDBOX_NETWORK_DISABLED: "1" });
    expect(invocation.sandbox).toBe("macos-seatbelt");
  });

  it("refuses an empty command, a missing helper and unsupported platforms", () => {
    expect(() => transform([], readOnlySandboxPolicy(), { cwd, env: {}, platform: "linux" })).toThrow(SandboxError);
    const missingHelper = () => transform(["ls"], readOnlySandboxPolicy(), { cwd, env: {}, platform: "linux" });
    expect(missingHelper).toThrow(expect.objectContaining({ code: "SANDBOX_HELPER_MISSING" }));
    const windows = () => transform(["dir"], readOnlySandboxPolicy(), { cwd, env: {}, platform: "win32" });
    expect(windows).toThrow(SandboxUnavailableError);
    expect(windows).toThrow(/not supported on win32/);
  });
});

describe("sandboxNetworkFor", () => {
  it("never lets a proxy grant network the policy denies", () => {
    const proxy = { unixSocket: "/p.sock" };
    expect(sandboxNetworkFor(readOnlySandboxPolicy(), proxy)).toBe("disabled");
    expect(sandboxNetworkFor(readOnlySandboxPolicy({ networkAccess: true }), proxy)).toBe("proxy");
    expect(sandboxNetworkFor(workspaceWriteSandboxPolicy({ networkAccess: true }))).toBe("enabled");
    expect(sandboxNetworkFor({ type: "externalSandbox", networkAccess: "restricted" })).toBe("disabled");
  });
});
