import { describe, expect, it } from "vitest";
import { compileDomainPattern, DomainPatternSet } from "./domain-pattern.js";
import { NetworkProxyError } from "./errors.js";
import { normalizeHost, type NormalizedHost } from "./host.js";

function host(text: string): NormalizedHost {
  const parsed = normalizeHost(text);
  if (parsed === undefined) throw new Error(`bad test host ${text}`);
  return parsed;
}

function matches(pattern: string, candidate: string): boolean {
  return compileDomainPattern(pattern, "allowed_domains").matches(host(candidate));
}

describe("domain patterns", () => {
  it("exact names match only themselves", () => {
    expect(matches("example.com", "example.com")).toBe(true);
    expect(matches("example.com", "api.example.com")).toBe(false);
    expect(matches("example.com", "notexample.com")).toBe(false);
  });

  it("*.example.com matches subdomains at any depth but not the apex", () => {
    expect(matches("*.example.com", "api.example.com")).toBe(true);
    expect(matches("*.example.com", "a.b.example.com")).toBe(true);
    expect(matches("*.example.com", "example.com")).toBe(false);
    expect(matches("*.example.com", "badexample.com")).toBe(false);
  });

  it("**.example.com matches the apex and every subdomain", () => {
    expect(matches("**.example.com", "example.com")).toBe(true);
    expect(matches("**.example.com", "api.example.com")).toBe(true);
    expect(matches("**.example.com", "a.b.example.com")).toBe(true);
    expect(matches("**.example.com", "badexample.com")).toBe(false);
  });

  it("mid-label wildcards are anchored globs", () => {
    expect(matches("region*.v2.example.com", "region1.v2.example.com")).toBe(true);
    expect(matches("region*.v2.example.com", "region.v2.example.com")).toBe(true);
    expect(matches("region*.v2.example.com", "xregion1.v2.example.com")).toBe(false);
    expect(matches("region*.v2.example.com", "foo.region1.v2.example.com")).toBe(false);
    expect(matches("api?.example.com", "api1.example.com")).toBe(true);
    expect(matches("api?.example.com", "api12.example.com")).toBe(false);
  });

  it("* matches every domain name but never an IP literal", () => {
    expect(matches("*", "anything.example")).toBe(true);
    expect(matches("*", "127.0.0.1")).toBe(false);
    expect(matches("*", "::1")).toBe(false);
  });

  it("normalises patterns the same way as hosts", () => {
    expect(matches("Example.COM.", "example.com")).toBe(true);
    expect(matches("*.Example.COM.", "API.example.com.")).toBe(true);
    expect(matches("bücher.de", "xn--bcher-kva.de")).toBe(true);
    expect(matches("*.bücher.de", "shop.BÜCHER.de")).toBe(true);
    expect(matches("[::1]", "::1")).toBe(true);
    expect(matches("0x7f.1", "127.0.0.1")).toBe(true);
  });

  it("rejects invalid entries with a typed error", () => {
    for (const bad of ["", "  ", "exa mple.com", "example.com:443", "*.127.0.0.1", "a..b", "*.", "[::1]:80"]) {
      expect(() => compileDomainPattern(bad, "allowed_domains"), bad).toThrow(NetworkProxyError);
    }
    try {
      compileDomainPattern("example.com:443", "allowed_domains");
    } catch (error) {
      expect((error as NetworkProxyError).code).toBe("INVALID_DOMAIN_PATTERN");
      expect((error as Error).message).toContain("port");
    }
  });

  it("refuses a global wildcard in the denylist", () => {
    expect(() => compileDomainPattern("*", "denied_domains")).toThrow(/deny every host/);
    expect(() => compileDomainPattern("**", "denied_domains")).toThrow(NetworkProxyError);
  });
});

describe("DomainPatternSet", () => {
  it("reports exact naming separately from wildcard matches", () => {
    const set = new DomainPatternSet(["*.example.com", "localhost", "127.0.0.1"], "allowed_domains");
    expect(set.matches(host("a.example.com"))).toBe(true);
    expect(set.namesExactly(host("a.example.com"))).toBe(false);
    expect(set.namesExactly(host("LOCALHOST."))).toBe(true);
    expect(set.namesExactly(host("2130706433"))).toBe(true);
    expect(new DomainPatternSet([], "allowed_domains").isEmpty).toBe(true);
  });
});
