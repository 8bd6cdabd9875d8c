import { describe, expect, it } from "vitest";
import { formatHostPort, isLoopbackHost, ListenUrlError, parseListenUrl } from "./listen-url.js";

describe("parseListenUrl", () => {
  it("parses every supported form", () => {
    expect(parseListenUrl("stdio://")).toEqual({ kind: "stdio" });
    expect(parseListenUrl("off")).toEqual({ kind: "off" });
    expect(parseListenUrl("unix://")).toEqual({ kind: "unix" });
    expect(parseListenUrl("unix://rel/app.sock", "/work")).toEqual({ kind: "unix", socketPath: "/work/rel/app.sock" });
    expect(parseListenUrl("unix:///tmp/a.sock")).toEqual({ kind: "unix", socketPath: "/tmp/a.sock" });
    expect(parseListenUrl("ws://127.0.0.1:0")).toEqual({ kind: "websocket", host: "127.0.0.1", port: 0 });
    expect(parseListenUrl("ws://[::1]:4500")).toEqual({ kind: "websocket", host: "::1", port: 4500 });
  });

  it("rejects hostnames and other schemes with the upstream texts", () => {
    expect(() => parseListenUrl("ws://localhost:0")).toThrow(
      new ListenUrlError("invalid websocket --listen URL `ws://localhost:0`; expected `ws://IP:PORT`"),
    );
    expect(() => parseListenUrl("ws://::1:80")).toThrow(ListenUrlError);
    expect(() => parseListenUrl("ws://127.0.0.1:70000")).toThrow(ListenUrlError);
    expect(() => parseListenUrl("http://x")).toThrow(
      "unsupported --listen URL `http://x`; expected `stdio://`, `unix://`, `unix://PATH`, `ws://IP:PORT`, or `off`",
    );
  });
});

describe("isLoopbackHost and formatHostPort", () => {
  it("recognises loopback addresses", () => {
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("127.3.4.5")).toBe(true);
    expect(isLoopbackHost("::1")).toBe(true);
    expect(isLoopbackHost("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopbackHost("0.0.0.0")).toBe(false);
    expect(isLoopbackHost("::")).toBe(false);
  });

  it("brackets IPv6", () => {
    expect(formatHostPort("::1", 80)).toBe("[::1]:80");
    expect(formatHostPort("127.0.0.1", 80)).toBe("127.0.0.1:80");
  });
});
