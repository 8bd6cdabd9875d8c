import { describe, expect, it } from "vitest";
import { type LinuxSandboxRequest, formatHelperArgs, parseHelperArgs } from "./helper-request.js";
import { LinuxSandboxError } from "./linux-sandbox-error.js";

describe("parseHelperArgs", () => {
  it("reads every option and keeps the command verbatim", () => {
    const request = parseHelperArgs([
      "--writable-root",
      "/ws/",
      "--read-only",
      "/ws/.git",
      "--network",
      "proxy",
      "--proxy-socket",
      "/run/p.sock",
      "--no-proc",
      "--bwrap",
      "/usr/bin/bwrap",
      "--setenv",
      "NODE_OPTIONS=--max-old-space-size=64",
      "--",
      "sh",
      "-c",
      "echo -- --network",
    ]);
    expect(request).toEqual({
      command: ["sh", "-c", "echo -- --network"],
      writableRoots: ["/ws/"],
      readOnlyPaths: ["/ws/.git"],
      network: "proxy",
      proxySocket: "/run/p.sock",
      mountProc: false,
      bwrapPath: "/usr/bin/bwrap",
      setenv: [["NODE_OPTIONS", "--max-old-space-size=64"]],
    });
  });

  it("defaults to no writable roots, no network and a fresh /proc", () => {
    expect(parseHelperArgs(["--", "true"])).toEqual({
      command: ["true"],
      writableRoots: [],
      readOnlyPaths: [],
      network: "disabled",
      mountProc: true,
      setenv: [],
    });
  });

  it("round-trips through formatHelperArgs", () => {
    const request: LinuxSandboxRequest = {
      command: ["make", "-j4"],
      writableRoots: ["/a", "/tmp"],
      readOnlyPaths: ["/a/.git", "/a/.codex"],
      network: "enabled",
      mountProc: true,
      setenv: [["X", "a=b"]],
    };
    expect(parseHelperArgs(formatHelperArgs(request))).toEqual(request);
  });

  it("rejects bad input with typed errors", () => {
    const cases: Array<[string[], string, RegExp]> = [
      [["--writable-root", "rel", "--", "true"], "SANDBOX_NOT_ABSOLUTE", /absolute path/],
      [["--network", "open", "--", "true"], "SANDBOX_USAGE", /--network must be one of/],
      [["--network", "proxy", "--", "true"], "SANDBOX_USAGE", /--proxy-socket/],
      [["--bogus", "--", "true"], "SANDBOX_USAGE", /Unknown option "--bogus"/],
      [["--writable-root"], "SANDBOX_USAGE", /needs a value/],
      [["--setenv", "NOEQUALS", "--", "true"], "SANDBOX_USAGE", /NAME=VALUE/],
      [["--writable-root", "/a"], "SANDBOX_USAGE", /No command/],
    ];
    for (const [argv, code, message] of cases) {
      const attempt = () => parseHelperArgs(argv);
      expect(attempt).toThrow(LinuxSandboxError);
      expect(attempt).toThrow(message);
      expect(attempt).toThrow(expect.objectContaining({ code }));
    }
  });
});
