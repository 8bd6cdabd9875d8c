import { describe, expect, it } from "vitest";
import { formatHostPort, normalizeHost, parseAuthority } from "./host.js";

describe("normalizeHost", () => {
  it("lower-cases and strips trailing dots", () => {
    expect(normalizeHost("ExAmPlE.CoM")).toEqual({ name: "example.com", kind: "domain" });
    expect(normalizeHost("example.com.")).toEqual({ name: "example.com", kind: "domain" });
    expect(normalizeHost("example.com..")).toEqual({ name: "example.com", kind: "domain" });
    expect(normalizeHost("  example.com  ")?.name).toBe("example.com");
  });

  it("converts unicode names to punycode and folds full-width forms", () => {
    expect(normalizeHost("bücher.de")?.name).toBe("xn--bcher-kva.de");
    expect(normalizeHost("BÜCHER.de")?.name).toBe("xn--bcher-kva.de");
    expect(normalizeHost("xn--bcher-kva.de")?.name).toBe("xn--bcher-kva.de");
    expect(normalizeHost("ｅxample。com．")?.name).toBe("example.com");
  });

  it("canonicalises every IPv4 spelling to dotted quad", () => {
    for (const spelling of ["127.0.0.1", "0x7f.1", "2130706433", "0177.0.0.1", "127.1", "0x7f.0.0.1.", "127。0。0。1"]) {
      expect(normalizeHost(spelling), spelling).toEqual({ name: "127.0.0.1", kind: "ipv4" });
    }
  });

  it("canonicalises IPv6 with or without brackets", () => {
    expect(normalizeHost("[::1]")).toEqual({ name: "::1", kind: "ipv6" });
    expect(normalizeHost("0:0:0:0:0:0:0:1")).toEqual({ name: "::1", kind: "ipv6" });
    expect(normalizeHost("[FE80::1]")?.name).toBe("fe80::1");
    expect(normalizeHost("[::ffff:127.0.0.1]")?.name).toBe("::ffff:7f00:1");
  });

  it("rejects spellings a parser would rewrite or cut", () => {
    for (const bad of ["", ".", "ex/ample.com", "a@b.com", "exa mple.com", "%41.com", "a..b.com", "256.1.1.1", "1.2.3.4.5", "[fe80::1%25eth0]", "foo.123", "ex／ample.com", "[::1"]) {
      expect(normalizeHost(bad), bad).toBeUndefined();
    }
  });
});

describe("parseAuthority", () => {
  it("splits host and port", () => {
    expect(parseAuthority("Example.com.:443")).toEqual({ host: { name: "example.com", kind: "domain" }, port: 443 });
    expect(parseAuthority("[::1]:8080")).toEqual({ host: { name: "::1", kind: "ipv6" }, port: 8080 });
    expect(parseAuthority("0x7f.1:80")?.host.name).toBe("127.0.0.1");
  });

  it("uses the default port only when none is given", () => {
    expect(parseAuthority("example.com", 80)?.port).toBe(80);
    expect(parseAuthority("example.com")).toBeUndefined();
    expect(parseAuthority("[::1]", 443)?.port).toBe(443);
  });

  it("rejects bad ports and ambiguous IPv6", () => {
    for (const bad of ["example.com:0", "example.com:65536", "example.com:http", "example.com:", "::1:80", "[::1]x80"]) {
      expect(parseAuthority(bad, 80), bad).toBeUndefined();
    }
  });

  it("formats IPv6 with brackets", () => {
    const parsed = parseAuthority("[::1]:9");
    expect(parsed && formatHostPort(parsed.host, parsed.port)).toBe("[::1]:9");
  });
});
