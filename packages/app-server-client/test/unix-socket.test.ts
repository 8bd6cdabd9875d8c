// The unix control socket: default path under CODEX_HOME, mode 0600, stale sockets replaced, a live
// listener refused, long paths, removal on shutdown, and the stdio proxy bridging to it.
import { spawn } from "node:child_process";
import { lstat, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Duplex, PassThrough } from "node:stream";
import { defaultControlSocketPath, runStdioProxy } from "@codex-ts/app-server";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { connectUnixSocket } from "../src/index.js";
import { CLIENT_INFO, defer, startListener, tempDir, within } from "./helpers.js";

async function unixClient(socketPath: string) {
  const client = await connectUnixSocket(socketPath, { requestTimeoutMs: 10_000 });
  defer(() => client.close());
  return client;
}

/** A socket file left behind by a listener that died without cleaning up (killed with SIGKILL). */
async function staleSocket(socketPath: string): Promise<void> {
  const script = `require("node:net").createServer().listen(${JSON.stringify(socketPath)}, () => process.kill(process.pid, "SIGKILL"))`;
  const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  await within(new Promise((resolve) => child.once("exit", resolve)), 10_000, "the listener to die");
}

describe("unix socket listener", () => {
  it("listens on the default control socket with mode 0600 and removes it on shutdown", async () => {
    const { running, codexHome, stderr } = await startListener({ listen: { kind: "unix" } });
    const socketPath = defaultControlSocketPath(codexHome);
    expect(socketPath).toBe(path.join(codexHome, "app-server-control", "app-server-control.sock"));
    expect(stderr.join("")).toBe(`codex app-server (unix socket)\n  listening on: unix://${socketPath}\n`);
    expect((await stat(socketPath)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(socketPath))).mode & 0o777).toBe(0o700);
    const client = await unixClient(socketPath);
    await expect(client.initialize({ clientInfo: CLIENT_INFO })).resolves.toMatchObject({ codexHome });
    await expect(client.request("fs/getMetadata", { path: "/x" })).resolves.toMatchObject({ isFile: true });
    await running.shutdown();
    await expect(lstat(socketPath)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("replaces a stale socket and refuses to start over a live one", async () => {
    const dir = await tempDir();
    const socketPath = path.join(dir, "app.sock");
    await staleSocket(socketPath);
    expect((await lstat(socketPath)).isSocket()).toBe(true);
    await startListener({ listen: { kind: "unix", socketPath } });
    const client = await unixClient(socketPath);
    await expect(client.initialize({ clientInfo: CLIENT_INFO })).resolves.toBeDefined();
    await expect(startListener({ listen: { kind: "unix", socketPath } })).rejects.toMatchObject({
      code: "CONTROL_SOCKET_IN_USE",
      message: `app-server control socket is already in use at ${socketPath}`,
    });
  });

  it("refuses a path that exists and is not a socket", async () => {
    const dir = await tempDir();
    const socketPath = path.join(dir, "plain-file");
    await writeFile(socketPath, "data");
    await expect(startListener({ listen: { kind: "unix", socketPath } })).rejects.toMatchObject({
      code: "CONTROL_SOCKET_NOT_A_SOCKET",
      message: `app-server control socket path exists and is not a socket: ${socketPath}`,
    });
  });

  it("binds a path too long for sun_path through a symlink", async () => {
    const dir = await tempDir();
    const deep = path.join(dir, "a".repeat(60), "b".repeat(60));
    await mkdir(deep, { recursive: true });
    const socketPath = path.join(deep, "app.sock");
    const { running } = await startListener({ listen: { kind: "unix", socketPath } });
    expect((await lstat(socketPath)).isSymbolicLink()).toBe(true);
    const client = await unixClient(socketPath);
    await expect(client.initialize({ clientInfo: CLIENT_INFO })).resolves.toBeDefined();
    await client.close();
    await running.shutdown();
    await expect(lstat(socketPath)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("bridges stdio to the socket through the proxy, bytes unchanged", async () => {
    const dir = await tempDir();
    const socketPath = path.join(dir, "proxy.sock");
    await startListener({ listen: { kind: "unix", socketPath } });
    const toProxy = new PassThrough();
    const fromProxy = new PassThrough();
    const proxyDone = runStdioProxy({ socketPath, input: toProxy, output: fromProxy });
    const stream = Object.assign(Duplex.from({ readable: fromProxy, writable: toProxy }), {
      setNoDelay: () => undefined,
      setTimeout: () => undefined,
      setKeepAlive: () => undefined,
    });
    const socket = new WebSocket("ws://localhost/rpc", { createConnection: () => stream as never });
    defer(() => socket.terminate());
    await within(new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject)), 5000, "the upgrade through the proxy");
    const reply = within(new Promise<string>((resolve) => socket.once("message", (data) => resolve(data.toString()))), 5000, "the reply");
    socket.send(JSON.stringify({ id: 3, method: "initialize", params: { clientInfo: CLIENT_INFO } }));
    expect(JSON.parse(await reply)).toMatchObject({ id: 3, result: { platformFamily: expect.any(String) } });
    socket.close();
    await within(proxyDone, 5000, "the proxy to finish after the socket closed");
  });

  it("fails the proxy with a clear error when nothing listens", async () => {
    const dir = await tempDir();
    const socketPath = path.join(dir, "none.sock");
    await expect(runStdioProxy({ socketPath, input: new PassThrough(), output: new PassThrough() })).rejects.toMatchObject({
      code: "PROXY_CONNECT_FAILED",
      message: expect.stringMatching(new RegExp(`^failed to connect to socket at ${socketPath.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: `)),
    });
  });
});
