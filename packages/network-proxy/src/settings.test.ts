import { describe, expect, it } from "vitest";
import { NetworkProxyError } from "./errors.js";
import { parseNetworkMode, resolveNetworkProxySettings } from "./settings.js";

describe("resolveNetworkProxySettings", () => {
  it("applies defaults", () => {
    expect(resolveNetworkProxySettings(undefined)).toEqual({
      enabled: true,
      proxy_url: "http://127.0.0.1:3128",
      admin_url: "http://127.0.0.1:8080",
      enable_socks5: false,
      socks_url: "127.0.0.1:8081",
      enable_socks5_udp: false,
      mode: "full",
      allowed_domains: [],
      denied_domains: [],
      allow_local_binding: false,
      dangerously_allow_non_loopback_proxy: false,
      dangerously_allow_non_loopback_admin: false,
    });
  });

  it("reads every key and ignores unknown ones", () => {
    const settings = resolveNetworkProxySettings({
      enabled: false,
      mode: "limited",
      allowed_domains: ["*.example.com"],
      denied_domains: ["bad.example.com"],
      allow_local_binding: true,
      enable_socks5: true,
      enable_socks5_udp: true,
      socks_url: "127.0.0.1:1080",
      allow_upstream_proxy: true,
    } as never);
    expect(settings).toMatchObject({ enabled: false, mode: "limited", enable_socks5: true, enable_socks5_udp: true, allow_local_binding: true });
    expect(settings.allowed_domains).toEqual(["*.example.com"]);
  });

  it("accepts the nested policy table, flat keys winning", () => {
    const nested = resolveNetworkProxySettings({ policy: { allowed_domains: ["a.com"], denied_domains: ["b.com"], allow_local_binding: true } });
    expect(nested).toMatchObject({ allowed_domains: ["a.com"], denied_domains: ["b.com"], allow_local_binding: true });
    const flat = resolveNetworkProxySettings({ allowed_domains: ["c.com"], policy: { allowed_domains: ["a.com"] } });
    expect(flat.allowed_domains).toEqual(["c.com"]);
  });

  it("reports wrong types as one sentence naming the key", () => {
    const cases: [unknown, RegExp][] = [
      [{ mode: "open" }, /network_proxy.mode must be "full" or "limited"/],
      [{ enabled: "yes" }, /network_proxy.enabled must be true or false/],
      [{ allowed_domains: "example.com" }, /network_proxy.allowed_domains must be a list of strings/],
      [{ proxy_url: 3128 }, /network_proxy.proxy_url must be a string/],
      [{ policy: { allow_local_binding: 1 } }, /network_proxy.policy.allow_local_binding/],
      [[], /must be a table/],
    ];
    for (const [input, message] of cases) {
      expect(() => resolveNetworkProxySettings(input as never)).toThrow(message);
      try {
        resolveNetworkProxySettings(input as never);
      } catch (error) {
        expect((error as NetworkProxyError).code).toBe("INVALID_NETWORK_PROXY_CONFIG");
      }
    }
  });

  it("validates patterns at load time", () => {
    expect(() => resolveNetworkProxySettings({ denied_domains: ["*"] })).toThrow(NetworkProxyError);
    expect(() => resolveNetworkProxySettings({ allowed_domains: ["exa mple.com"] })).toThrow(/allowed_domains entry/);
  });
});

describe("parseNetworkMode", () => {
  it("accepts only full and limited", () => {
    expect(parseNetworkMode("full")).toBe("full");
    expect(parseNetworkMode("limited")).toBe("limited");
    expect(() => parseNetworkMode("FULL")).toThrow(NetworkProxyError);
  });
});
