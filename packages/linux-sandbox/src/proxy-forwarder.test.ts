import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { proxyEnvironment, startProxyForwarder } from "./proxy-forwarder.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "codex-forwarder-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("startProxyForwarder", () => {
  it("relays loopback TCP connections to the unix socket, both ways", async () => {
    const socketPath = path.join(dir, "proxy.sock");
    const upstream = net.createServer((socket) => {
      socket.once("data", (data) => socket.end(`echo:${data.toString()}`));
    });
    await new Promise<void>((resolve) => upstream.listen(socketPath, resolve));
    const forwarder = await startProxyForwarder(socketPath);
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        const client = net.connect(forwarder.port, "127.0.0.1", () => client.write("ping"));
        let text = "";
        client.on("data", (chunk) => {
          text += chunk.toString();
        });
        client.on("end", () => resolve(text));
        client.on("error", reject);
      });
      expect(reply).toBe("echo:ping");
    } finally {
      await forwarder.close();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });

  it("closes the client when the proxy is unreachable", async () => {
    const forwarder = await startProxyForwarder(path.join(dir, "absent.sock"));
    try {
      const closed = await new Promise<boolean>((resolve) => {
        const client = net.connect(forwarder.port, "127.0.0.1");
        client.on("close", () => resolve(true));
        client.on("error", () => undefined);
      });
      expect(closed).toBe(true);
    } finally {
      await forwarder.close();
    }
  });
});

describe("proxyEnvironment", () => {
  it("sets the proxy variables in both cases", () => {
    expect(proxyEnvironment(8123)).toEqual({
      HTTP_PROXY: "http://127.0.0.1:8123",
      http_proxy: "http://127.0.0.1:8123",
      HTTPS_PROXY: "http://127.0.0.1:8123",
      https_proxy: "http://127.0.0.1:8123",
      ALL_PROXY: "http://127.0.0.1:8123",
      all_proxy: "http://127.0.0.1:8123",
    });
  });
});
