import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, statSync } from "node:fs";
import { once } from "node:events";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NetworkProxyError, startNetworkProxy } from "../src/index.js";
import { onCleanup, proxyRequest, startHttpOrigin, startTestProxy, withDeadline } from "./helpers.js";

describe("listener safety", () => {
  it("clamps non-loopback listeners to 127.0.0.1 and warns", async () => {
    const warnings: string[] = [];
    const proxy = await startTestProxy({
      config: { enable_socks5: true, proxy_url: "http://0.0.0.0:0", admin_url: "0.0.0.0:0", socks_url: "0.0.0.0:0" },
      http: undefined,
      admin: undefined,
      socks: undefined,
      onWarning: (message) => warnings.push(message),
    });
    expect(proxy.httpAddress.host).toBe("127.0.0.1");
    expect(proxy.adminAddress.host).toBe("127.0.0.1");
    expect(proxy.socksAddress?.host).toBe("127.0.0.1");
    expect(warnings).toHaveLength(3);
    expect(warnings.join("\n")).toContain("dangerously_allow_non_loopback_proxy");
    expect(warnings.join("\n")).toContain("dangerously_allow_non_loopback_admin");
  });

  it("honours the dangerous flags per listener", async () => {
    const warnings: string[] = [];
    const proxy = await startTestProxy({
      config: { dangerously_allow_non_loopback_proxy: true },
      http: "0.0.0.0:0",
      admin: "0.0.0.0:0",
      onWarning: (message) => warnings.push(message),
    });
    expect(proxy.httpAddress.host).toBe("0.0.0.0");
    expect(proxy.adminAddress.host).toBe("127.0.0.1");
    expect(warnings).toHaveLength(1);
  });

  it("reports a busy port as a typed LISTEN_FAILED error and leaves nothing bound", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    onCleanup(() => new Promise<void>((resolve) => busy.close(() => resolve())));
    const address = busy.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    const attempt = startNetworkProxy({ http: "127.0.0.1:0", admin: `127.0.0.1:${port}` });
    await expect(attempt).rejects.toBeInstanceOf(NetworkProxyError);
    await expect(attempt).rejects.toMatchObject({ code: "LISTEN_FAILED", message: expect.stringContaining("address already in use") });
  });

  it("reports invalid config before binding anything", async () => {
    await expect(startNetworkProxy({ config: { mode: "open" } })).rejects.toMatchObject({ code: "INVALID_NETWORK_PROXY_CONFIG" });
    await expect(startNetworkProxy({ http: "127.0.0.1:x" })).rejects.toMatchObject({ code: "INVALID_LISTEN_ADDRESS", message: expect.stringContaining("--http") });
  });
});

describe("unix socket listener", () => {
  it("serves the HTTP proxy on a 0600 socket and removes it on close", async () => {
    const origin = await startHttpOrigin();
    const path = join(mkdtempSync(join(tmpdir(), "np-unix-")), "proxy.sock");
    const proxy = await startTestProxy({ config: { allowed_domains: ["127.0.0.1"] }, listenUnix: path });
    expect(proxy.unixPath).toBe(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const response = await proxyRequest(path, `http://127.0.0.1:${origin.port}/via-unix`);
    expect(response.status).toBe(200);
    const blocked = await proxyRequest(path, "http://other.test/");
    expect(blocked.status).toBe(403);
    expect(proxy.blocked()[0]).toMatchObject({ host: "other.test", client: "unix" });
    await proxy.close();
    expect(existsSync(path)).toBe(false);
  });

  it("replaces a stale socket file but refuses a live one", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "np-unix-")), "proxy.sock");
    // A process that dies without cleanup leaves its socket file behind.
    const crashed = spawnSync(process.execPath, ["-e", `require("net").createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, "SIGKILL"))`]);
    expect(crashed.signal).toBe("SIGKILL");
    expect(statSync(path).isSocket()).toBe(true);
    const proxy = await startTestProxy({ listenUnix: path });
    expect(proxy.unixPath).toBe(path);
    await expect(startNetworkProxy({ http: "127.0.0.1:0", admin: "127.0.0.1:0", listenUnix: path })).rejects.toMatchObject({ code: "LISTEN_FAILED" });
    expect(statSync(path).isSocket()).toBe(true);
  });
});

describe("close", () => {
  it("does not wait for idle client connections", async () => {
    const proxy = await startNetworkProxy({ http: "127.0.0.1:0", admin: "127.0.0.1:0", config: { enable_socks5: true }, socks: "127.0.0.1:0" });
    const idle = [proxy.httpAddress.port, proxy.adminAddress.port, proxy.socksAddress?.port ?? 0].map((port) => connect({ host: "127.0.0.1", port }));
    await Promise.all(idle.map((socket) => withDeadline(once(socket, "connect"), "idle connect")));
    const closed = Promise.all(idle.map((socket) => withDeadline(once(socket, "close"), "idle socket closed")));
    await withDeadline(proxy.close(), "proxy close");
    await closed;
  });
});

describe("reload and logging", () => {
  it("reload applies policy keys and keeps listener keys", async () => {
    const warnings: string[] = [];
    const proxy = await startTestProxy({ config: { allowed_domains: ["a.test"] }, onWarning: (message) => warnings.push(message) });
    proxy.reload({ allowed_domains: ["b.test"], mode: "limited", proxy_url: "127.0.0.1:1" });
    expect(proxy.policy.settings).toMatchObject({ allowed_domains: ["b.test"], mode: "limited", proxy_url: "http://127.0.0.1:3128" });
    expect(warnings).toEqual([expect.stringContaining("proxy_url")]);
    expect(() => proxy.reload({ allowed_domains: [""] })).toThrow(NetworkProxyError);
    expect(proxy.policy.settings.allowed_domains).toEqual(["b.test"]);
  });

  it("writes one line per blocked request when asked, and nothing otherwise", async () => {
    const lines: string[] = [];
    const loud = await startTestProxy({ logBlocked: (line) => lines.push(line) });
    await proxyRequest(loud.httpAddress.port, "http://blocked.test/");
    expect(lines).toEqual(["codex-network-proxy: blocked http GET blocked.test:80 (not_allowed)"]);
  });
});
