import { describe, expect, it } from "vitest";
import { unixSocketBanner, websocketBanner } from "./banner.js";

describe("websocketBanner", () => {
  it("notes localhost-only binding on loopback", () => {
    expect(websocketBanner("::1", 4500, false)).toBe(
      [
        "codex app-server (WebSockets)",
        "  listening on: ws://[::1]:4500",
        "  readyz: http://[::1]:4500/readyz",
        "  healthz: http://[::1]:4500/healthz",
        "  note: binds localhost only (use SSH port-forwarding for remote access)",
        "",
      ].join("\n"),
    );
  });

  it("warns loudly about a reachable listener without auth, and notes auth otherwise", () => {
    const open = websocketBanner("0.0.0.0", 4500, false);
    expect(open).toContain("  listening on: ws://0.0.0.0:4500\n");
    expect(open).toMatch(/WARNING: .*NO AUTHENTICATION/);
    expect(open).toContain("--ws-auth capability-token");
    const guarded = websocketBanner("0.0.0.0", 4500, true);
    expect(guarded).not.toContain("WARNING");
    expect(guarded).toContain("  note: websocket auth is required for non-localhost listeners\n");
  });
});

describe("unixSocketBanner", () => {
  it("names the socket", () => {
    expect(unixSocketBanner("/run/app.sock")).toBe("codex app-server (unix socket)\n  listening on: unix:///run/app.sock\n");
  });
});
