import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHelper, startTargetServer, startUnixProxy, tempDir } from "./sandbox-harness.js";

// A node script run inside the sandbox: tries a direct TCP connection to the target, then (when proxy variables
// are set) a plain proxied GET and a CONNECT tunnel through HTTP_PROXY. Prints one line per attempt.
const PROBE = `
const net = require("node:net");
const http = require("node:http");
const port = Number(process.argv[1]);
const line = (text) => process.stdout.write(text + "\\n");
function direct() {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => { socket.destroy(); resolve("direct: connected"); });
    socket.on("error", (error) => resolve("direct: " + error.code));
  });
}
function proxiedGet(proxy) {
  return new Promise((resolve) => {
    const request = http.get({ host: proxy.hostname, port: proxy.port, path: "http://127.0.0.1:" + port + "/get" }, (response) => {
      let body = ""; response.on("data", (c) => body += c); response.on("end", () => resolve("get: " + body));
    });
    request.on("error", (error) => resolve("get: " + error.code));
  });
}
function tunnel(proxy) {
  return new Promise((resolve) => {
    const request = http.request({ host: proxy.hostname, port: proxy.port, method: "CONNECT", path: "127.0.0.1:" + port });
    request.on("connect", (_response, socket) => {
      socket.write("GET /tunnel HTTP/1.1\\r\\nHost: target\\r\\nConnection: close\\r\\n\\r\\n");
      let text = ""; socket.on("data", (c) => text += c); socket.on("end", () => resolve("tunnel: " + text.split("\\r\\n\\r\\n")[1]));
    });
    request.on("error", (error) => resolve("tunnel: " + error.code));
    request.end();
  });
}
(async () => {
  line(await direct());
  if (process.env.HTTP_PROXY) {
    const proxy = new URL(process.env.HTTP_PROXY);
    line("proxy: " + proxy.hostname + " " + (process.env.https_proxy === process.env.HTTP_PROXY));
    line(await proxiedGet(proxy));
    line(await tunnel(proxy));
  }
})();
`;

let base: string;
let target: Awaited<ReturnType<typeof startTargetServer>>;

beforeAll(async () => {
  base = tempDir("codex-network-");
  target = await startTargetServer("hello from the host");
});
afterAll(async () => {
  await target.close();
  fs.rmSync(base, { recursive: true, force: true });
});

const probe = (flags: string[]) =>
  runHelper([...flags, "--", process.execPath, "-e", PROBE, String(target.port)], { cwd: base });

describe("network under real bubblewrap", () => {
  it("cannot reach a loopback server of the host without network permission", async () => {
    const result = await probe(["--network", "disabled"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe("direct: ECONNREFUSED\n");
  });

  it("reaches it when the network is allowed", async () => {
    const result = await probe(["--network", "enabled"]);
    expect(result.stdout).toBe("direct: connected\n");
  });

  it("reaches it only through the proxy when the network is proxied", async () => {
    const socketPath = path.join(base, "proxy.sock");
    const proxy = await startUnixProxy(socketPath);
    try {
      const result = await probe(["--network", "proxy", "--proxy-socket", socketPath]);
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(
        [
          "direct: ECONNREFUSED",
          "proxy: 127.0.0.1 true",
          "get: hello from the host",
          "tunnel: hello from the host",
          "",
        ].join("\n"),
      );
      expect(result.code).toBe(0);
      expect(proxy.targets).toEqual([`127.0.0.1:${target.port}`, `127.0.0.1:${target.port}`]);
    } finally {
      await proxy.close();
    }
  });
});
