import { describe, expect, it } from "vitest";
import { isLoopbackIp, isNonPublicIp } from "./ip-range.js";

describe("isNonPublicIp", () => {
  it("flags private, loopback, link-local and reserved IPv4", () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "192.0.0.1", "192.0.2.1", "198.18.0.1", "198.51.100.1", "203.0.113.1", "224.0.0.1", "240.0.0.1", "255.255.255.255"]) {
      expect(isNonPublicIp(ip), ip).toBe(true);
    }
  });

  it("passes public IPv4", () => {
    for (const ip of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "93.184.216.34"]) {
      expect(isNonPublicIp(ip), ip).toBe(false);
    }
  });

  it("classifies IPv6 including embedded IPv4", () => {
    for (const ip of ["::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "::127.0.0.1", "2001:db8::1"]) {
      expect(isNonPublicIp(ip), ip).toBe(true);
    }
    for (const ip of ["2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]) {
      expect(isNonPublicIp(ip), ip).toBe(false);
    }
  });

  it("treats non-IP input as non-public", () => {
    expect(isNonPublicIp("example.com")).toBe(true);
  });
});

describe("isLoopbackIp", () => {
  it("knows loopback in both families", () => {
    expect(isLoopbackIp("127.0.0.1")).toBe(true);
    expect(isLoopbackIp("127.8.9.10")).toBe(true);
    expect(isLoopbackIp("::1")).toBe(true);
    expect(isLoopbackIp("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopbackIp("0.0.0.0")).toBe(false);
    expect(isLoopbackIp("192.168.0.1")).toBe(false);
    expect(isLoopbackIp("::")).toBe(false);
  });
});
