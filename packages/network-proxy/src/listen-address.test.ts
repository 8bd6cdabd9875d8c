import { describe, expect, it } from "vitest";
import { clampToLoopback, formatListenAddress, parseListenAddress } from "./listen-address.js";

describe("parseListenAddress", () => {
  it("accepts URLs, host:port, brackets and bare IPv6", () => {
    expect(parseListenAddress("http://127.0.0.1:3128", 1, "k")).toEqual({ host: "127.0.0.1", port: 3128 });
    expect(parseListenAddress("127.0.0.1:8081", 1, "k")).toEqual({ host: "127.0.0.1", port: 8081 });
    expect(parseListenAddress("http://user:pw@127.0.0.1:9/path", 1, "k")).toEqual({ host: "127.0.0.1", port: 9 });
    expect(parseListenAddress("[::1]:3128", 1, "k")).toEqual({ host: "::1", port: 3128 });
    expect(parseListenAddress("::1", 7, "k")).toEqual({ host: "::1", port: 7 });
    expect(parseListenAddress("127.0.0.1", 7, "k")).toEqual({ host: "127.0.0.1", port: 7 });
    expect(parseListenAddress("127.0.0.1:0", 7, "k")).toEqual({ host: "127.0.0.1", port: 0 });
  });

  it("binds names (localhost and others) to 127.0.0.1", () => {
    expect(parseListenAddress("localhost:3128", 1, "k")).toEqual({ host: "127.0.0.1", port: 3128 });
    expect(parseListenAddress("proxy.internal:3128", 1, "k")).toEqual({ host: "127.0.0.1", port: 3128 });
  });

  it("rejects bad ports with the key in the message", () => {
    expect(() => parseListenAddress("127.0.0.1:notaport", 1, "network_proxy.proxy_url")).toThrow(/network_proxy.proxy_url "127.0.0.1:notaport" is not a valid listen address/);
    expect(() => parseListenAddress("127.0.0.1:70000", 1, "k")).toThrow(/not a valid listen address/);
    expect(() => parseListenAddress("", 1, "k")).toThrow(/not a valid listen address/);
  });
});

describe("clampToLoopback", () => {
  it("keeps loopback addresses", () => {
    expect(clampToLoopback({ host: "127.0.0.2", port: 1 }, false, "proxy")).toEqual({ address: { host: "127.0.0.2", port: 1 } });
    expect(clampToLoopback({ host: "::1", port: 1 }, false, "admin")).toEqual({ address: { host: "::1", port: 1 } });
  });

  it("clamps non-loopback binds and names the flag that unlocks them", () => {
    const proxy = clampToLoopback({ host: "0.0.0.0", port: 3128 }, false, "proxy");
    expect(proxy.address).toEqual({ host: "127.0.0.1", port: 3128 });
    expect(proxy.warning).toContain("dangerously_allow_non_loopback_proxy");
    const admin = clampToLoopback({ host: "::", port: 8080 }, false, "admin");
    expect(admin.address).toEqual({ host: "127.0.0.1", port: 8080 });
    expect(admin.warning).toContain("dangerously_allow_non_loopback_admin");
  });

  it("lets the dangerous flag through", () => {
    expect(clampToLoopback({ host: "0.0.0.0", port: 1 }, true, "proxy")).toEqual({ address: { host: "0.0.0.0", port: 1 } });
  });

  it("formats IPv6 with brackets", () => {
    expect(formatListenAddress({ host: "::1", port: 5 })).toBe("[::1]:5");
    expect(formatListenAddress({ host: "127.0.0.1", port: 5 })).toBe("127.0.0.1:5");
  });
});
