import { describe, expect, it } from "vitest";
import { type BwrapSpec, buildBwrapArgs } from "./bwrap-args.js";

const base: BwrapSpec = {
  command: ["ls", "-la"],
  cwd: "/ws",
  writableRoots: [],
  readOnlyPaths: [],
  blockedPaths: [],
  network: "disabled",
  mountProc: true,
  unshareUser: false,
};

describe("buildBwrapArgs", () => {
  it("read-only: read-only root, fresh /dev and /proc, new PID and network namespaces", () => {
    expect(buildBwrapArgs(base)).toEqual([
      "--new-session",
      "--die-with-parent",
      "--ro-bind",
      "/",
      "/",
      "--dev",
      "/dev",
      "--proc",
      "/proc",
      "--unshare-pid",
      "--unshare-net",
      "--chdir",
      "/ws",
      "--",
      "ls",
      "-la",
    ]);
  });

  it("binds writable roots, then re-binds protected paths read-only on top, deepest last", () => {
    const args = buildBwrapArgs({
      ...base,
      writableRoots: ["/ws", "/tmp", "/ws/.git/extra"],
      readOnlyPaths: ["/ws/.git"],
      blockedPaths: ["/ws/.codex", "/ws/.agents"],
    });
    const mounts = args.slice(args.indexOf("/proc") + 1, args.indexOf("--unshare-pid"));
    expect(mounts).toEqual([
      "--bind", "/ws", "/ws",
      "--bind", "/tmp", "/tmp",
      "--ro-bind", "/ws/.git", "/ws/.git",
      "--ro-bind", "/dev/null", "/ws/.codex",
      "--ro-bind", "/dev/null", "/ws/.agents",
      "--bind", "/ws/.git/extra", "/ws/.git/extra",
    ]);
  });

  it("keeps the host network when allowed and isolates it with a proxy, binding the proxy socket", () => {
    expect(buildBwrapArgs({ ...base, network: "enabled" })).not.toContain("--unshare-net");
    const proxied = buildBwrapArgs({ ...base, network: "proxy", proxySocket: "/run/p.sock" });
    expect(proxied).toContain("--unshare-net");
    const bind = proxied.indexOf("/run/p.sock");
    expect(proxied.slice(bind - 1, bind + 2)).toEqual(["--bind", "/run/p.sock", "/run/p.sock"]);
  });

  it("masks /proc when it cannot be mounted, adds a user namespace when asked, and sets variables", () => {
    const args = buildBwrapArgs({ ...base, mountProc: false, unshareUser: true, setenv: [["A", "1"]] });
    expect(args).not.toContain("--proc");
    expect(args.slice(args.indexOf("--tmpfs"), args.indexOf("--tmpfs") + 2)).toEqual(["--tmpfs", "/proc"]);
    expect(args).toContain("--unshare-user");
    expect(args.slice(args.indexOf("--setenv"), args.indexOf("--setenv") + 3)).toEqual(["--setenv", "A", "1"]);
  });
});
