import { describe, expect, it } from "vitest";
import { closedPort, proxyRequest, startHttpOrigin, startTestProxy, tableResolver } from "./helpers.js";

describe("absolute-form HTTP proxying", () => {
  it("forwards method, path, query, body and rewrites Host", async () => {
    const origin = await startHttpOrigin();
    const proxy = await startTestProxy({ config: { allowed_domains: ["127.0.0.1"] } });
    const response = await proxyRequest(proxy.httpAddress.port, `http://127.0.0.1:${origin.port}/path/x?q=1&r=2`, {
      method: "POST",
      body: "hello body",
      headers: { "content-type": "text/plain", "proxy-authorization": "Basic secret", "x-keep": "1", "proxy-connection": "keep-alive" },
    });
    expect(response.status).toBe(200);
    expect(response.headers["x-origin"]).toBe("yes");
    expect(response.headers["x-hop"]).toBeUndefined();
    const seen = origin.seen[0];
    expect(seen?.method).toBe("POST");
    expect(seen?.url).toBe("/path/x?q=1&r=2");
    expect(seen?.body).toBe("hello body");
    expect(seen?.headers.host).toBe(`127.0.0.1:${origin.port}`);
    expect(seen?.headers["x-keep"]).toBe("1");
    expect(seen?.headers["proxy-authorization"]).toBeUndefined();
    expect(seen?.headers["proxy-connection"]).toBeUndefined();
  });

  it("reaches allowed host names through the checked addresses", async () => {
    const origin = await startHttpOrigin();
    const proxy = await startTestProxy({
      config: { allowed_domains: ["**.example.test"], allow_local_binding: true },
      resolveHost: tableResolver({ "api.example.test": ["127.0.0.1"] }),
    });
    const response = await proxyRequest(proxy.httpAddress.port, `http://API.Example.TEST.:${origin.port}/`);
    expect(response.status).toBe(200);
    expect(origin.seen[0]?.headers.host).toBe(`api.example.test:${origin.port}`);
  });

  it("blocks hosts off the allowlist with 403, x-proxy-error and a log entry", async () => {
    const proxy = await startTestProxy({ config: { allowed_domains: ["example.test"] } });
    const response = await proxyRequest(proxy.httpAddress.port, "http://other.test/x");
    expect(response.status).toBe(403);
    expect(response.headers["x-proxy-error"]).toBe("blocked-by-allowlist");
    expect(JSON.parse(response.body)).toEqual({ status: "blocked", host: "other.test", reason: "not_allowed" });
    expect(proxy.blocked()).toEqual([
      expect.objectContaining({ host: "other.test", port: 80, method: "GET", protocol: "http", reason: "not_allowed", mode: null, decision: "deny", source: "baseline_policy" }),
    ]);
  });

  it("lets the denylist win and says so in the header", async () => {
    const proxy = await startTestProxy({ config: { allowed_domains: ["**.example.test"], denied_domains: ["bad.example.test"], allow_local_binding: true } });
    const response = await proxyRequest(proxy.httpAddress.port, "http://BAD.example.test./");
    expect(response.status).toBe(403);
    expect(response.headers["x-proxy-error"]).toBe("blocked-by-denylist");
  });

  it("blocks local addresses however they are spelled", async () => {
    const origin = await startHttpOrigin();
    const proxy = await startTestProxy({ config: { allowed_domains: ["*"] } });
    for (const host of ["127.0.0.1", "0x7f.1", "2130706433", "0177.0.0.1", "127.1", "[::1]", "[::ffff:127.0.0.1]", "localhost"]) {
      const response = await proxyRequest(proxy.httpAddress.port, `http://${host}:${origin.port}/`);
      expect(response.status, host).toBe(403);
      expect(JSON.parse(response.body).reason, host).toBe("not_allowed_local");
    }
    expect(origin.seen).toHaveLength(0);
    expect(new Set(proxy.drainBlocked().map((entry) => entry.host))).toEqual(new Set(["127.0.0.1", "::1", "::ffff:7f00:1", "localhost"]));
  });

  it("rejects origin-form, https and userinfo targets with 400", async () => {
    const proxy = await startTestProxy({ config: { allowed_domains: ["*"] } });
    expect((await proxyRequest(proxy.httpAddress.port, "/just/a/path")).status).toBe(400);
    const https = await proxyRequest(proxy.httpAddress.port, "https://example.test/");
    expect(https.status).toBe(400);
    expect(https.body).toContain("CONNECT");
    expect((await proxyRequest(proxy.httpAddress.port, "http://user@example.test/")).status).toBe(400);
    expect((await proxyRequest(proxy.httpAddress.port, "http://exa%20mple.test/")).status).toBe(400);
  });

  it("answers 502 when the allowed origin is down", async () => {
    const proxy = await startTestProxy({ config: { allowed_domains: ["127.0.0.1"] } });
    const response = await proxyRequest(proxy.httpAddress.port, `http://127.0.0.1:${await closedPort()}/`);
    expect(response.status).toBe(502);
    expect(proxy.blocked()).toEqual([]);
  });

  it("answers 503 and records proxy_disabled when disabled", async () => {
    const proxy = await startTestProxy({ config: { enabled: false, allowed_domains: ["127.0.0.1"] } });
    const response = await proxyRequest(proxy.httpAddress.port, "http://127.0.0.1:1/");
    expect(response.status).toBe(503);
    expect(proxy.blocked()[0]).toMatchObject({ reason: "proxy_disabled", source: "proxy_state" });
  });
});
