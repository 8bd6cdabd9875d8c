import type { BlockedRequest } from "@codex-ts/network-proxy";
import { describe, expect, it } from "vitest";
import { formatBlockedRequest, sandboxProxyConfig } from "./sandbox-network-proxy.js";

const entry = (fields: Partial<BlockedRequest>): BlockedRequest => ({
  host: "example.com",
  port: 443,
  reason: "not_allowed",
  client: "127.0.0.1",
  method: "CONNECT",
  mode: null,
  protocol: "http-connect",
  decision: "deny",
  source: "baseline_policy",
  timestamp: 0,
  ...fields,
});

describe("formatBlockedRequest", () => {
  it("names the method, the target and the key that decided", () => {
    expect(formatBlockedRequest(entry({}))).toBe(
      "network proxy blocked CONNECT example.com:443 (not_allowed: not in network_proxy.allowed_domains)",
    );
    expect(formatBlockedRequest(entry({ method: "POST", port: 80, reason: "method_not_allowed", protocol: "http" }))).toBe(
      'network proxy blocked POST example.com:80 (method_not_allowed: network_proxy.mode is "limited")',
    );
  });

  it("brackets IPv6 hosts, falls back to the protocol and keeps unknown reasons as they are", () => {
    expect(formatBlockedRequest(entry({ host: "::1", method: null, protocol: "socks5", reason: "policy_denied" }))).toBe(
      "network proxy blocked socks5 [::1]:443 (policy_denied)",
    );
  });
});

describe("sandboxProxyConfig", () => {
  it("keeps the policy keys and turns off listeners the sandbox cannot use", () => {
    expect(
      sandboxProxyConfig({ enabled: true, allowed_domains: ["a.example"], mode: "limited", enable_socks5: true, enable_socks5_udp: true }),
    ).toEqual({ enabled: true, allowed_domains: ["a.example"], mode: "limited", enable_socks5: false, enable_socks5_udp: false });
  });
});
