import { describe, expect, it } from "vitest";
import { proxyRequest, rawConnect, startEchoServer, startHttpOrigin, startTestProxy } from "./helpers.js";

describe("limited mode", () => {
  it("allows GET, HEAD and OPTIONS and blocks POST over plain HTTP", async () => {
    const origin = await startHttpOrigin();
    const proxy = await startTestProxy({ config: { mode: "limited", allowed_domains: ["127.0.0.1"] } });
    const base = `http://127.0.0.1:${origin.port}/r`;
    expect((await proxyRequest(proxy.httpAddress.port, base)).status).toBe(200);
    expect((await proxyRequest(proxy.httpAddress.port, base, { method: "HEAD" })).status).toBe(200);
    expect((await proxyRequest(proxy.httpAddress.port, base, { method: "OPTIONS" })).status).toBe(200);
    const post = await proxyRequest(proxy.httpAddress.port, base, { method: "POST", body: "x" });
    expect(post.status).toBe(403);
    expect(post.headers["x-proxy-error"]).toBe("blocked-by-method-policy");
    expect(JSON.parse(post.body)).toMatchObject({ reason: "method_not_allowed" });
    expect(origin.seen.map((r) => r.method)).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(proxy.blocked()).toEqual([
      expect.objectContaining({ method: "POST", reason: "method_not_allowed", mode: "limited", source: "mode_guard", protocol: "http" }),
    ]);
  });

  it("checks the host before the method", async () => {
    const proxy = await startTestProxy({ config: { mode: "limited", allowed_domains: ["example.test"] } });
    const post = await proxyRequest(proxy.httpAddress.port, "http://other.test/", { method: "POST" });
    expect(JSON.parse(post.body)).toMatchObject({ reason: "not_allowed" });
  });

  it("refuses CONNECT because the tunnelled methods cannot be seen", async () => {
    const echoPort = await startEchoServer();
    const proxy = await startTestProxy({ config: { mode: "limited", allowed_domains: ["127.0.0.1"] } });
    const refused = await rawConnect(proxy.httpAddress.port, `127.0.0.1:${echoPort}`);
    expect(refused.statusLine).toContain(" 403 ");
    expect(refused.head.toLowerCase()).toContain("x-proxy-error: blocked-by-method-policy");
    expect(refused.body).toContain('"source":"mode_guard"');
    expect(proxy.blocked()[0]).toMatchObject({ method: "CONNECT", reason: "method_not_allowed", mode: "limited", protocol: "http-connect" });
  });

  it("setMode switches at runtime both ways", async () => {
    const echoPort = await startEchoServer();
    const proxy = await startTestProxy({ config: { allowed_domains: ["127.0.0.1"] } });
    const open = await rawConnect(proxy.httpAddress.port, `127.0.0.1:${echoPort}`);
    expect(open.statusLine).toContain(" 200 ");
    open.socket.destroy();
    proxy.setMode("limited");
    expect(proxy.policy.mode).toBe("limited");
    expect((await rawConnect(proxy.httpAddress.port, `127.0.0.1:${echoPort}`)).statusLine).toContain(" 403 ");
    proxy.setMode("full");
    const again = await rawConnect(proxy.httpAddress.port, `127.0.0.1:${echoPort}`);
    expect(again.statusLine).toContain(" 200 ");
    again.socket.destroy();
  });
});
