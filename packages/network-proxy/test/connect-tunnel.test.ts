import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { closedPort, echoThrough, rawConnect, startEchoServer, startTestProxy, tableResolver } from "./helpers.js";

function decisionLine(body: string): Record<string, unknown> {
  const first = body.split("\n")[0] ?? "";
  expect(first.startsWith("CODEX_NETWORK_POLICY_DECISION ")).toBe(true);
  return JSON.parse(first.slice("CODEX_NETWORK_POLICY_DECISION ".length)) as Record<string, unknown>;
}

describe("CONNECT tunnelling", () => {
  it("tunnels bytes end to end to an allowed target", async () => {
    const echoPort = await startEchoServer();
    const proxy = await startTestProxy({ config: { allowed_domains: ["127.0.0.1"] } });
    const tunnel = await rawConnect(proxy.httpAddress.port, `127.0.0.1:${echoPort}`);
    expect(tunnel.statusLine).toBe("HTTP/1.1 200 Connection Established");
    const payload = randomBytes(256 * 1024);
    expect((await echoThrough(tunnel.socket, payload)).equals(payload)).toBe(true);
    tunnel.socket.destroy();
  });

  it("tunnels to an allowed name via the resolver", async () => {
    const echoPort = await startEchoServer();
    const proxy = await startTestProxy({
      config: { allowed_domains: ["*.example.test"], allow_local_binding: true },
      resolveHost: tableResolver({ "echo.example.test": ["127.0.0.1"] }),
    });
    const tunnel = await rawConnect(proxy.httpAddress.port, `Echo.Example.Test.:${echoPort}`);
    expect(tunnel.statusLine).toContain(" 200 ");
    expect((await echoThrough(tunnel.socket, Buffer.from("ping"))).toString()).toBe("ping");
    tunnel.socket.destroy();
  });

  it("refuses blocked targets with 403, the decision line and a log entry", async () => {
    const proxy = await startTestProxy({ config: { allowed_domains: ["example.test"], denied_domains: ["evil.test"] } });
    const miss = await rawConnect(proxy.httpAddress.port, "other.test:443");
    expect(miss.statusLine).toBe("HTTP/1.1 403 Forbidden");
    expect(miss.head.toLowerCase()).toContain("x-proxy-error: blocked-by-allowlist");
    expect(decisionLine(miss.body)).toEqual({ decision: "deny", reason: "not_allowed", source: "baseline_policy", protocol: "https_connect", host: "other.test", port: 443 });
    const denied = await rawConnect(proxy.httpAddress.port, "EVIL.test.:8443");
    expect(denied.head.toLowerCase()).toContain("x-proxy-error: blocked-by-denylist");
    expect(proxy.drainBlocked()).toEqual([
      expect.objectContaining({ host: "other.test", port: 443, method: "CONNECT", protocol: "http-connect", reason: "not_allowed" }),
      expect.objectContaining({ host: "evil.test", port: 8443, method: "CONNECT", protocol: "http-connect", reason: "denied" }),
    ]);
  });

  it("normalises every spelling of a target before the policy sees it", async () => {
    const echoPort = await startEchoServer();
    const proxy = await startTestProxy({ config: { allowed_domains: ["127.0.0.1"] } });
    for (const spelling of ["127.0.0.1", "0x7f.1", "2130706433", "0177.0.0.1", "127.1", "127.0.0.1."]) {
      const tunnel = await rawConnect(proxy.httpAddress.port, `${spelling}:${echoPort}`);
      expect(tunnel.statusLine, spelling).toContain(" 200 ");
      tunnel.socket.destroy();
    }
    const v6 = await rawConnect(proxy.httpAddress.port, `[::1]:${echoPort}`);
    expect(v6.statusLine).toContain(" 403 ");
    expect(decisionLine(v6.body)).toMatchObject({ host: "::1", reason: "not_allowed_local" });
  });

  it("matches punycode names against unicode patterns", async () => {
    const echoPort = await startEchoServer();
    const proxy = await startTestProxy({
      config: { allowed_domains: ["bücher.test"], allow_local_binding: true },
      resolveHost: tableResolver({ "xn--bcher-kva.test": ["127.0.0.1"] }),
    });
    const tunnel = await rawConnect(proxy.httpAddress.port, `XN--BCHER-KVA.test.:${echoPort}`);
    expect(tunnel.statusLine).toContain(" 200 ");
    tunnel.socket.destroy();
  });

  it("rejects malformed targets with 400", async () => {
    const proxy = await startTestProxy({ config: { allowed_domains: ["*"] } });
    for (const target of ["ex/ample.test:443", "example.test:99999", "::1:443", "a@b.test:443"]) {
      const result = await rawConnect(proxy.httpAddress.port, target);
      expect(result.statusLine, target).toContain(" 400 ");
    }
    expect(proxy.blocked()).toEqual([]);
  });

  it("answers 502 when the target refuses the connection", async () => {
    const proxy = await startTestProxy({ config: { allowed_domains: ["127.0.0.1"] } });
    const result = await rawConnect(proxy.httpAddress.port, `127.0.0.1:${await closedPort()}`);
    expect(result.statusLine).toContain(" 502 ");
  });

  it("closing the proxy tears down open tunnels", async () => {
    const echoPort = await startEchoServer();
    const proxy = await startTestProxy({ config: { allowed_domains: ["127.0.0.1"] } });
    const tunnel = await rawConnect(proxy.httpAddress.port, `127.0.0.1:${echoPort}`);
    const closed = new Promise((resolve) => tunnel.socket.once("close", resolve));
    await proxy.close();
    await closed;
    expect(tunnel.socket.destroyed).toBe(true);
  });
});
