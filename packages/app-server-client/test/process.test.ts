// Process-level tests of a server process (a stand-in entry built on the package API): stdio JSONL,
// malformed and oversized lines, end of stdin, SIGTERM, reaping of child processes, and the proxy.
import { spawn } from "node:child_process";
import { lstat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AppServerClient, connectWebSocket, spawnAppServerClient } from "../src/index.js";
import { CLIENT_INFO, defer, tempDir, within } from "./helpers.js";

const entry = fileURLToPath(new URL("./fixtures/app-server-entry.mjs", import.meta.url));

async function serverEnv(): Promise<NodeJS.ProcessEnv> {
  const home = await tempDir();
  return { PATH: process.env.PATH, HOME: home, CODEX_HOME: home };
}

function spawnStdio(env: NodeJS.ProcessEnv, args: string[] = []) {
  const spawned = spawnAppServerClient({ command: process.execPath, args: [entry, ...args], env, requestTimeoutMs: 10_000 });
  let stderr = "";
  spawned.child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  defer(() => {
    spawned.child.kill("SIGKILL");
  });
  return { ...spawned, stderr: () => stderr };
}

/** Starts a listener process and resolves with its bound address, read from the banner on stderr. */
async function spawnListener(env: NodeJS.ProcessEnv, args: string[]) {
  const child = spawn(process.execPath, [entry, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  defer(() => child.kill("SIGKILL"));
  let stderr = "";
  const address = await within(
    new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
        const match = /listening on: (\S+)/.exec(stderr);
        if (match) resolve(match[1] as string);
      });
      child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
    }),
    15_000,
    "the listener banner",
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, address, exited, stderr: () => stderr };
}

describe("stdio server process", { timeout: 30_000 }, () => {
  it("speaks JSONL, answers malformed and oversized lines, and keeps going", async () => {
    const { client, exited } = spawnStdio(await serverEnv(), ["--max-line-bytes", "4096"]);
    const errors: Array<{ code: number; message: string; data?: unknown }> = [];
    client.onErrorMessage((error) => errors.push(error));
    const init = await client.initialize({ clientInfo: CLIENT_INFO });
    expect(init.userAgent).toMatch(/^test_client\//);
    client.sendText("{definitely not json");
    client.sendText(JSON.stringify({ id: 99, method: "fs/getMetadata", params: { path: `/${"a".repeat(8192)}` } }));
    const metadata = await client.request("fs/getMetadata", { path: path.dirname(entry) });
    expect(metadata.isDirectory).toBe(true);
    expect(errors.map((error) => error.code)).toEqual([-32700, -32600]);
    expect(errors[1]?.data).toMatchObject({ code: "input_too_large", maxBytes: 4096 });
    await client.close();
    expect((await exited).code).toBe(0);
  });

  it("answers in-flight requests after stdin ends, then exits 0", async () => {
    const { client, child, exited } = spawnStdio(await serverEnv(), ["--test-handlers"]);
    await client.initialize({ clientInfo: CLIENT_INFO });
    const slow = client.request("fs/getMetadata", { path: "/sleep/300" });
    child.stdin.end();
    await expect(within(slow, 10_000, "the in-flight answer")).resolves.toMatchObject({ isFile: true });
    expect((await exited).code).toBe(0);
  });

  it("reaps the commands it started when it is told to stop", async () => {
    const { client, child, exited } = spawnStdio(await serverEnv(), ["--shutdown-grace-ms", "100"]);
    await client.initialize({ clientInfo: CLIENT_INFO });
    const marker = `codex-reap-test-${process.pid}-${Date.now()}`;
    const running = client
      .request("command/exec", {
        command: ["sh", "-c", `echo started; exec sleep 60 # ${marker}`],
        processId: "p1",
        streamStdoutStderr: true,
        sandboxPolicy: { type: "dangerFullAccess" },
      })
      .catch((caught: unknown) => caught);
    await within(client.waitForNotification("command/exec/outputDelta"), 10_000, "the command to start");
    child.kill("SIGTERM");
    const outcome = await within(running, 15_000, "the command/exec answer");
    expect(outcome).toMatchObject({ code: -32600, message: "Server is draining; retry after reconnecting" });
    expect((await exited).code).toBe(0);
    const ps = spawn("ps", ["-eo", "args"], { stdio: ["ignore", "pipe", "ignore"] });
    let listing = "";
    ps.stdout.setEncoding("utf8").on("data", (chunk: string) => (listing += chunk));
    await new Promise((resolve) => ps.once("close", resolve));
    expect(listing.split("\n").filter((line) => line.includes(marker) && !line.includes("ps -eo"))).toEqual([]);
  });
});

describe("listener processes", { timeout: 30_000 }, () => {
  it("prints the websocket address and shuts down on SIGTERM with a going-away close", async () => {
    const { child, address, exited } = await spawnListener(await serverEnv(), ["--listen", "ws://127.0.0.1:0"]);
    expect(address).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const client = await connectWebSocket(address, { requestTimeoutMs: 10_000 });
    defer(() => client.close());
    await client.initialize({ clientInfo: CLIENT_INFO });
    const closed = new Promise<number | null | undefined>((resolve) => client.onClose((info) => resolve(info.code)));
    child.kill("SIGTERM");
    expect(await within(closed, 10_000, "the close frame")).toBe(1001);
    expect(await exited).toBe(0);
  });

  it("serves the unix socket, bridges it through the proxy, and removes it on exit", async () => {
    const env = await serverEnv();
    const socketPath = path.join(env.CODEX_HOME as string, "app-server-control", "app-server-control.sock");
    const { child, address, exited } = await spawnListener(env, ["--listen", "unix://"]);
    expect(address).toBe(`unix://${socketPath}`);
    const second = await spawnListener(env, ["--listen", "unix://"]).catch((caught: Error) => caught);
    expect(String(second)).toContain(`app-server control socket is already in use at ${socketPath}`);

    const proxy = spawn(process.execPath, [entry, "proxy"], { env, stdio: ["pipe", "pipe", "pipe"] });
    defer(() => proxy.kill("SIGKILL"));
    const { Duplex } = await import("node:stream");
    const stream = Object.assign(Duplex.from({ readable: proxy.stdout, writable: proxy.stdin }), {
      setNoDelay: () => undefined,
      setTimeout: () => undefined,
      setKeepAlive: () => undefined,
    });
    const { webSocketTransportFromSocket } = await import("./support/socket-transport.js");
    const client = new AppServerClient(await webSocketTransportFromSocket(stream), { requestTimeoutMs: 10_000 });
    defer(() => client.close());
    await expect(client.initialize({ clientInfo: CLIENT_INFO })).resolves.toMatchObject({ codexHome: env.CODEX_HOME });

    const proxyExited = new Promise((resolve) => proxy.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(lstat(socketPath)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await within(proxyExited, 10_000, "the proxy to exit")).toBe(0);
  });
});
