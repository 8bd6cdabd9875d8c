// `codex app-server` as a process: the stdio transport, the websocket and unix listeners, the proxy, the
// schema generators and the usage errors. The suite runs once the command is registered in the built CLI.
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codexBin, makeCodexEnv, runCodex } from "./run-codex.js";

const registered = spawnSync(process.execPath, [codexBin, "app-server", "--help"], { encoding: "utf8" }).stdout.includes("--listen");

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [codexBin, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
}

function collect(stream: NodeJS.ReadableStream, until: RegExp, ms: number): Promise<string> {
  let text = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${until}; got: ${text}`)), ms);
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      text += chunk;
      if (until.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
  });
}

function exitOf(child: ChildProcessWithoutNullStreams, ms: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("the server did not exit"));
    }, ms);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe.skipIf(!registered)("codex app-server", { timeout: 60_000 }, () => {
  it("answers initialize over stdio with the CLI version in the user agent, and exits 0 at end of stdin", async () => {
    const { env, home } = await makeCodexEnv();
    const child = start(["app-server"], env);
    const answer = collect(child.stdout, /\n/, 20_000);
    child.stdin.write(`${JSON.stringify({ id: 1, method: "initialize", params: { clientInfo: { name: "cli_test", version: "2.0.0" } } })}\n`);
    const response = JSON.parse((await answer).split("\n")[0] as string) as { id: number; result: Record<string, string> };
    const version = (await runCodex(["--version"], { env })).stdout.trim().replace(/^codex-cli /, "");
    expect(response.id).toBe(1);
    expect(response.result.userAgent).toMatch(new RegExp(`^cli_test/${version.replace(/\./g, "\\.")} \\(.+\\) \\S+ \\(cli_test; 2\\.0\\.0\\)$`));
    expect(response.result.codexHome).toBe(home);
    child.stdin.end();
    expect(await exitOf(child, 20_000)).toBe(0);
  });

  it("listens on ws://, serves /readyz, and exits 0 on SIGTERM", async () => {
    const { env } = await makeCodexEnv();
    const child = start(["app-server", "--listen", "ws://127.0.0.1:0"], env);
    const banner = await collect(child.stderr, /healthz: .*\n.*note: .*\n/, 20_000);
    const port = /listening on: ws:\/\/127\.0\.0\.1:(\d+)/.exec(banner)?.[1];
    expect(banner).toContain(`readyz: http://127.0.0.1:${port}/readyz`);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { origin: "http://example.com" } })).status).toBe(403);
    child.kill("SIGTERM");
    expect(await exitOf(child, 20_000)).toBe(0);
  });

  it("listens on the default unix socket and bridges it through `app-server proxy`", async () => {
    const { env, home } = await makeCodexEnv();
    const socketPath = path.join(home, "app-server-control", "app-server-control.sock");
    const server = start(["app-server", "--listen", "unix://"], env);
    expect(await collect(server.stderr, /listening on: .*\n/, 20_000)).toContain(`listening on: unix://${socketPath}`);
    const proxy = start(["app-server", "proxy"], env);
    const upgraded = collect(proxy.stdout, /\r\n\r\n/, 20_000);
    proxy.stdin.write(
      "GET /rpc HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
    );
    expect(await upgraded).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/);
    server.kill("SIGTERM");
    expect(await exitOf(server, 20_000)).toBe(0);
    expect(await exitOf(proxy, 20_000)).toBe(0);
    await expect(access(socketPath)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("reports usage and startup errors with the upstream texts", async () => {
    const { env, home } = await makeCodexEnv();
    const badUrl = await runCodex(["app-server", "--listen", "ws://localhost:0"], { env });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toBe("error: invalid value 'ws://localhost:0' for '--listen <URL>': invalid websocket --listen URL `ws://localhost:0`; expected `ws://IP:PORT`\n");
    const off = await runCodex(["app-server", "--listen", "off"], { env });
    expect(off).toMatchObject({ code: 1, stderr: "Error: no transport configured; use --listen or enable remote control\n" });
    const noToken = await runCodex(["app-server", "--listen", "ws://127.0.0.1:0", "--ws-auth", "capability-token"], { env });
    expect(noToken).toMatchObject({
      code: 1,
      stderr: "Error: `--ws-token-file` or `--ws-token-sha256` is required when `--ws-auth capability-token` is set\n",
    });
    const noSocket = await runCodex(["app-server", "proxy"], { env });
    expect(noSocket.code).toBe(1);
    expect(noSocket.stderr).toContain(`Error: failed to connect to socket at ${path.join(home, "app-server-control", "app-server-control.sock")}: `);
  });

  it("generates the JSON Schema and TypeScript fixtures, stable or experimental", async () => {
    const { env, root } = await makeCodexEnv();
    const stable = path.join(root, "json-stable");
    const experimental = path.join(root, "json-experimental");
    const ts = path.join(root, "ts");
    expect((await runCodex(["app-server", "generate-json-schema", "--out", stable], { env })).code).toBe(0);
    expect((await runCodex(["app-server", "generate-json-schema", "--out", experimental, "--experimental"], { env })).code).toBe(0);
    expect((await runCodex(["app-server", "generate-ts", "-o", ts], { env })).code).toBe(0);
    const bundle = async (dir: string) => readFile(path.join(dir, "codex_app_server_protocol.v2.schemas.json"), "utf8");
    expect(await bundle(stable)).not.toContain("fuzzyFileSearch/sessionStart");
    expect(await bundle(experimental)).toContain("fuzzyFileSearch/sessionStart");
    await expect(access(path.join(ts, "index.ts"))).resolves.toBeUndefined();
  });
});
