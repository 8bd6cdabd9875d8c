import { describe, expect, it } from "vitest";
import { BlockedRequestLog, formatBlockedLine, MAX_BLOCKED_ENTRIES, type BlockedRequestInput } from "./blocked-log.js";

function entry(host: string): BlockedRequestInput {
  return { host, port: 443, reason: "not_allowed", client: "127.0.0.1:5", method: "CONNECT", mode: null, protocol: "http-connect", decision: "deny", source: "baseline_policy" };
}

describe("BlockedRequestLog", () => {
  it("snapshots without consuming and drains in order", () => {
    const log = new BlockedRequestLog();
    log.record(entry("a.example"), 1_700_000_000_999);
    log.record(entry("b.example"));
    expect(log.snapshot().map((e) => e.host)).toEqual(["a.example", "b.example"]);
    expect(log.snapshot()[0]?.timestamp).toBe(1_700_000_000);
    expect(log.drain().map((e) => e.host)).toEqual(["a.example", "b.example"]);
    expect(log.drain()).toEqual([]);
    expect(log.total).toBe(2);
  });

  it("keeps only the newest entries", () => {
    const log = new BlockedRequestLog();
    for (let i = 0; i < MAX_BLOCKED_ENTRIES + 5; i += 1) log.record(entry(`h${i}.example`));
    const kept = log.snapshot();
    expect(kept).toHaveLength(MAX_BLOCKED_ENTRIES);
    expect(kept[0]?.host).toBe("h5.example");
    expect(log.total).toBe(MAX_BLOCKED_ENTRIES + 5);
  });

  it("notifies the observer and survives its errors", () => {
    const seen: string[] = [];
    const log = new BlockedRequestLog((e) => {
      seen.push(e.host);
      throw new Error("observer failure");
    });
    expect(() => log.record(entry("x.example"))).not.toThrow();
    expect(seen).toEqual(["x.example"]);
  });

  it("formats one line per entry", () => {
    const log = new BlockedRequestLog();
    expect(formatBlockedLine(log.record(entry("x.example")))).toBe("codex-network-proxy: blocked http-connect CONNECT x.example:443 (not_allowed)");
    expect(formatBlockedLine(log.record({ ...entry("::1"), method: null, protocol: "socks5" }))).toBe("codex-network-proxy: blocked socks5 [::1]:443 (not_allowed)");
  });
});
