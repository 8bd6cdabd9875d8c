import { request } from "node:http";
import { describe, expect, it } from "vitest";
import type { NetworkProxyConfigInput } from "../src/index.js";
import { proxyRequest, startTestProxy, withDeadline } from "./helpers.js";

interface AdminResponse {
  status: number;
  type: string;
  body: string;
}

function admin(port: number, method: string, path: string, body?: string, host?: string): Promise<AdminResponse> {
  const promise = new Promise<AdminResponse>((resolve, reject) => {
    const headers: Record<string, string> = host === undefined ? {} : { host };
    const req = request({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end(body);
  });
  return withDeadline(promise, `${method} ${path}`);
}

describe("admin API", () => {
  it("GET /health answers ok", async () => {
    const proxy = await startTestProxy();
    expect(await admin(proxy.adminAddress.port, "GET", "/health")).toMatchObject({ status: 200, body: "ok" });
  });

  it("GET /config returns the resolved settings", async () => {
    const proxy = await startTestProxy({ config: { mode: "limited", allowed_domains: ["example.test"] } });
    const response = await admin(proxy.adminAddress.port, "GET", "/config");
    expect(response.type).toBe("application/json");
    expect(JSON.parse(response.body)).toEqual({ network_proxy: expect.objectContaining({ mode: "limited", allowed_domains: ["example.test"], enabled: true }) });
  });

  it("GET /patterns returns the allow and deny lists", async () => {
    const proxy = await startTestProxy({ config: { allowed_domains: ["*.a.test"], denied_domains: ["b.a.test"] } });
    const response = await admin(proxy.adminAddress.port, "GET", "/patterns");
    expect(JSON.parse(response.body)).toEqual({ allowed: ["*.a.test"], denied: ["b.a.test"] });
  });

  it("GET /blocked drains the log; ?drain=false only polls", async () => {
    const proxy = await startTestProxy({ config: { allowed_domains: ["example.test"] } });
    await proxyRequest(proxy.httpAddress.port, "http://one.test/");
    await proxyRequest(proxy.httpAddress.port, "http://two.test:8080/", { method: "PUT" });
    const peek = JSON.parse((await admin(proxy.adminAddress.port, "GET", "/blocked?drain=false")).body);
    expect(peek.blocked.map((e: { host: string }) => e.host)).toEqual(["one.test", "two.test"]);
    const drained = JSON.parse((await admin(proxy.adminAddress.port, "GET", "/blocked")).body);
    expect(drained.blocked).toEqual([
      expect.objectContaining({ host: "one.test", port: 80, method: "GET", reason: "not_allowed", protocol: "http", timestamp: expect.any(Number) }),
      expect.objectContaining({ host: "two.test", port: 8080, method: "PUT" }),
    ]);
    expect(JSON.parse((await admin(proxy.adminAddress.port, "GET", "/blocked")).body)).toEqual({ blocked: [] });
    expect(proxy.blocked()).toEqual([]);
  });

  it("POST /mode switches mode and validates the body", async () => {
    const proxy = await startTestProxy();
    const ok = await admin(proxy.adminAddress.port, "POST", "/mode", JSON.stringify({ mode: "limited" }));
    expect(JSON.parse(ok.body)).toEqual({ status: "ok", mode: "limited" });
    expect(proxy.policy.mode).toBe("limited");
    expect((await admin(proxy.adminAddress.port, "POST", "/mode", "")).status).toBe(400);
    expect((await admin(proxy.adminAddress.port, "POST", "/mode", "{not json")).body).toBe("invalid json");
    expect((await admin(proxy.adminAddress.port, "POST", "/mode", '{"mode":"open"}')).status).toBe(400);
    expect((await admin(proxy.adminAddress.port, "POST", "/mode", "x".repeat(9000))).status).toBe(413);
    expect(proxy.policy.mode).toBe("limited");
  });

  it("POST /reload re-reads the config source and keeps the old policy on errors", async () => {
    let next: NetworkProxyConfigInput = { allowed_domains: ["example.test"] };
    const proxy = await startTestProxy({ config: { allowed_domains: ["first.test"] }, loadConfig: () => next });
    const reloaded = await admin(proxy.adminAddress.port, "POST", "/reload");
    expect(JSON.parse(reloaded.body)).toEqual({ status: "reloaded" });
    expect(proxy.policy.patterns().allowed).toEqual(["example.test"]);
    next = { denied_domains: ["*"] };
    const failed = await admin(proxy.adminAddress.port, "POST", "/reload");
    expect(failed.status).toBe(500);
    expect(failed.body).toMatch(/^reload failed: network_proxy.denied_domains entry "\*"/);
    expect(proxy.policy.patterns().allowed).toEqual(["example.test"]);
  });

  it("POST /reload without a config source fails with a hint", async () => {
    const proxy = await startTestProxy();
    const response = await admin(proxy.adminAddress.port, "POST", "/reload");
    expect(response.status).toBe(500);
    expect(response.body).toContain("--config");
  });

  it("answers 404 for unknown routes and wrong methods", async () => {
    const proxy = await startTestProxy();
    expect((await admin(proxy.adminAddress.port, "GET", "/nope")).status).toBe(404);
    expect((await admin(proxy.adminAddress.port, "POST", "/health")).status).toBe(404);
    expect((await admin(proxy.adminAddress.port, "GET", "/mode")).status).toBe(404);
  });

  it("refuses DNS-name Host headers (rebinding guard)", async () => {
    const proxy = await startTestProxy();
    expect((await admin(proxy.adminAddress.port, "GET", "/health", undefined, "evil.test")).status).toBe(403);
    expect((await admin(proxy.adminAddress.port, "GET", "/health", undefined, `localhost:${proxy.adminAddress.port}`)).status).toBe(200);
    expect((await admin(proxy.adminAddress.port, "GET", "/health", undefined, "[::1]:1")).status).toBe(200);
  });
});
