import { describe, expect, it } from "vitest";
import { normalizeHost, type NormalizedHost } from "./host.js";
import { NetworkPolicy, type HostResolver, type NetworkPolicyDecider } from "./policy.js";
import { resolveNetworkProxySettings, type NetworkProxyConfigInput } from "./settings.js";

function host(text: string): NormalizedHost {
  const parsed = normalizeHost(text);
  if (parsed === undefined) throw new Error(`bad test host ${text}`);
  return parsed;
}

const table: Record<string, string[]> = {
  "public.example.com": ["93.184.216.34"],
  "internal.example.com": ["10.0.0.5"],
  "mixed.example.com": ["93.184.216.34", "127.0.0.1"],
};
const resolver: HostResolver = async (name) => {
  const found = table[name];
  if (found === undefined) throw new Error("ENOTFOUND");
  return found;
};

function policy(config: NetworkProxyConfigInput, decider?: NetworkPolicyDecider): NetworkPolicy {
  return new NetworkPolicy(resolveNetworkProxySettings(config), resolver, decider);
}

const req = { protocol: "http" as const, port: 80 };

describe("NetworkPolicy.evaluate", () => {
  it("blocks everything while the allowlist is empty", async () => {
    expect(await policy({}).evaluate(host("public.example.com"), req)).toMatchObject({ allowed: false, reason: "not_allowed" });
  });

  it("lets deny win over allow", async () => {
    const p = policy({ allowed_domains: ["**.example.com"], denied_domains: ["public.example.com"] });
    expect(await p.evaluate(host("PUBLIC.example.com."), req)).toMatchObject({ allowed: false, reason: "denied", source: "baseline_policy" });
    const exact = policy({ allowed_domains: ["example.com"], denied_domains: ["example.com"] });
    expect(await exact.evaluate(host("example.com"), req)).toMatchObject({ allowed: false, reason: "denied" });
  });

  it("pins the checked addresses for allowed names", async () => {
    const p = policy({ allowed_domains: ["*.example.com"] });
    expect(await p.evaluate(host("public.example.com"), req)).toEqual({ allowed: true, addresses: ["93.184.216.34"] });
  });

  it("blocks names that resolve to local or private addresses", async () => {
    const p = policy({ allowed_domains: ["*.example.com"] });
    expect(await p.evaluate(host("internal.example.com"), req)).toMatchObject({ allowed: false, reason: "not_allowed_local" });
    expect(await p.evaluate(host("mixed.example.com"), req)).toMatchObject({ allowed: false, reason: "not_allowed_local" });
  });

  it("skips the resolution check when allow_local_binding is set", async () => {
    const p = policy({ allowed_domains: ["*.example.com"], allow_local_binding: true });
    expect(await p.evaluate(host("internal.example.com"), req)).toEqual({ allowed: true });
  });

  it("blocks raw IPs unless named exactly, whatever the spelling", async () => {
    const p = policy({ allowed_domains: ["*"] });
    expect(await p.evaluate(host("8.8.8.8"), req)).toMatchObject({ allowed: false, reason: "not_allowed" });
    expect(await p.evaluate(host("127.0.0.1"), req)).toMatchObject({ allowed: false, reason: "not_allowed_local" });
    for (const spelling of ["0x7f.1", "2130706433", "0177.0.0.1", "127.1"]) {
      expect(await p.evaluate(host(spelling), req), spelling).toMatchObject({ allowed: false, reason: "not_allowed_local" });
    }
    const named = policy({ allowed_domains: ["8.8.8.8", "127.0.0.1", "[::1]"] });
    expect(await named.evaluate(host("8.8.8.8"), req)).toEqual({ allowed: true, addresses: ["8.8.8.8"] });
    expect(await named.evaluate(host("0x7f.1"), req)).toEqual({ allowed: true, addresses: ["127.0.0.1"] });
    expect(await named.evaluate(host("0:0:0:0:0:0:0:1"), req)).toEqual({ allowed: true, addresses: ["::1"] });
  });

  it("applies the denylist to every IP spelling", async () => {
    const p = policy({ allowed_domains: ["127.0.0.1"], denied_domains: ["127.0.0.1"] });
    expect(await p.evaluate(host("2130706433"), req)).toMatchObject({ reason: "denied" });
  });

  it("treats localhost as local: exact entry needed unless local binding is allowed", async () => {
    expect(await policy({ allowed_domains: ["*"] }).evaluate(host("localhost"), req)).toMatchObject({ reason: "not_allowed_local" });
    expect(await policy({ allowed_domains: ["**.localhost"] }).evaluate(host("app.localhost"), req)).toMatchObject({ reason: "not_allowed_local" });
    expect(await policy({ allowed_domains: ["localhost"] }).evaluate(host("LOCALHOST."), req)).toEqual({ allowed: true });
    expect(await policy({ allowed_domains: ["*"], allow_local_binding: true }).evaluate(host("localhost"), req)).toEqual({ allowed: true });
  });

  it("blocks IPv6 local literals and IPv4-mapped forms", async () => {
    const p = policy({ allowed_domains: ["*"] });
    for (const spelling of ["[::1]", "[::ffff:127.0.0.1]", "[fe80::1]", "[fd00::1]"]) {
      expect(await p.evaluate(host(spelling), req), spelling).toMatchObject({ reason: "not_allowed_local" });
    }
  });

  it("asks the decider only for allowlist misses", async () => {
    const asked: string[] = [];
    const decider: NetworkPolicyDecider = (request) => {
      asked.push(request.host);
      return request.host === "public.example.com" ? { decision: "allow" } : { decision: "ask", reason: "not_allowed" };
    };
    const p = policy({ denied_domains: ["denied.example.com"] }, decider);
    expect(await p.evaluate(host("public.example.com"), req)).toEqual({ allowed: true, addresses: ["93.184.216.34"] });
    expect(await p.evaluate(host("other.example.com"), req)).toMatchObject({ allowed: false, decision: "ask", source: "decider" });
    expect(await p.evaluate(host("denied.example.com"), req)).toMatchObject({ reason: "denied" });
    expect(await p.evaluate(host("10.0.0.1"), req)).toMatchObject({ reason: "not_allowed_local" });
    expect(asked).toEqual(["public.example.com", "other.example.com"]);
  });

  it("still checks resolved addresses after a decider allows", async () => {
    const p = policy({}, () => ({ decision: "allow" }));
    expect(await p.evaluate(host("internal.example.com"), req)).toMatchObject({ reason: "not_allowed_local" });
  });

  it("allows unresolvable names through to the connect step with nothing to connect to", async () => {
    const p = policy({ allowed_domains: ["nowhere.example.com"] });
    expect(await p.evaluate(host("nowhere.example.com"), req)).toEqual({ allowed: true, addresses: [] });
  });
});

describe("NetworkPolicy modes", () => {
  it("limited mode allows only GET, HEAD and OPTIONS", () => {
    const p = policy({ mode: "limited" });
    expect(["GET", "HEAD", "OPTIONS", "get"].map((m) => p.allowsMethod(m))).toEqual([true, true, true, true]);
    expect(["POST", "PUT", "DELETE", "PATCH", "CONNECT"].map((m) => p.allowsMethod(m))).toEqual([false, false, false, false, false]);
  });

  it("full mode allows every method and setMode switches", () => {
    const p = policy({});
    expect(p.allowsMethod("POST")).toBe(true);
    expect(p.allowsMethod("CONNECT")).toBe(true);
    p.setMode("limited");
    expect(p.mode).toBe("limited");
    expect(p.allowsMethod("POST")).toBe(false);
    expect(() => p.setMode("open" as never)).toThrow(/must be "full" or "limited"/);
  });

  it("update swaps the lists atomically and rejects bad patterns without changing anything", async () => {
    const p = policy({ allowed_domains: ["public.example.com"] });
    p.update(resolveNetworkProxySettings({ allowed_domains: ["other.example.com"] }));
    expect(p.patterns()).toEqual({ allowed: ["other.example.com"], denied: [] });
    expect(await p.evaluate(host("public.example.com"), req)).toMatchObject({ reason: "not_allowed" });
    const bad = { ...p.settings, denied_domains: ["*"] };
    expect(() => p.update(bad)).toThrow(/deny every host/);
    expect(p.patterns().denied).toEqual([]);
  });
});
