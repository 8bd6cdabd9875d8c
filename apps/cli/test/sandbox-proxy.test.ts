import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CodexRun, codexBin, collectExit, makeCodexEnv } from "./run-codex.js";

// End-to-end runs of the built `codex sandbox linux` with the network proxy on: real bubblewrap, the real proxy
// started by the command, and a loopback HTTP server standing in for the outside world.

type SandboxRun = CodexRun;

const DEADLINE_MS = 20_000;

function spawnCodex(args: string[], options: { env: NodeJS.ProcessEnv; cwd: string }): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [codexBin, ...args], { cwd: options.cwd, env: options.env });
  child.stdin.end();
  return child;
}

/** Waits for a spawned `codex` to exit; kills it and fails after a deadline instead of hanging. */
function finished(child: ChildProcessWithoutNullStreams, what: string): Promise<SandboxRun> {
  return collectExit(child, what, DEADLINE_MS);
}

function codex(args: string[], options: { env: NodeJS.ProcessEnv; cwd: string }): Promise<SandboxRun> {
  return finished(spawnCodex(args, options), `codex ${args.join(" ")}`);
}

/** Host processes whose arguments `match` accepts. */
function processesWith(match: (args: string[]) => boolean): string[] {
  return fs.readdirSync("/proc").filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      return match(fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").slice(0, -1));
    } catch {
      return false;
    }
  });
}

const running = (argv: readonly string[]) =>
  processesWith((args) => args.length === argv.length && args.every((arg, index) => arg === argv[index]));

/** Whether something accepts connections on a unix socket path (resolves with the error code otherwise). */
function connectUnix(socketPath: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.on("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

/**
 * Run inside the sandbox: each argument is one probe, and each probe prints one line.
 *   get:URL          GET URL through $HTTP_PROXY → "STATUS X-PROXY-ERROR BODY"
 *   post:URL         the same with POST
 *   connect:HOST:PORT CONNECT through $HTTP_PROXY, then GET /tunnel → "200 BODY" or "STATUS X-PROXY-ERROR"
 *   direct:PORT      plain TCP to 127.0.0.1:PORT, bypassing the proxy → "connected" or the error code
 */
const PROBE = String.raw`
const http = require("node:http");
const net = require("node:net");
const proxy = process.env.HTTP_PROXY ? new URL(process.env.HTTP_PROXY) : undefined;

function send(method, url) {
  return new Promise((resolve) => {
    const request = http.request({ host: proxy.hostname, port: proxy.port, method, path: url, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve(response.statusCode + " " + (response.headers["x-proxy-error"] || "-") + " " + body));
    });
    request.on("error", (error) => resolve("error " + error.code));
    request.end();
  });
}

function connect(authority) {
  return new Promise((resolve) => {
    const request = http.request({ host: proxy.hostname, port: proxy.port, method: "CONNECT", path: authority, agent: false });
    request.on("connect", (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        resolve(response.statusCode + " " + response.headers["x-proxy-error"]);
        return;
      }
      let data = "";
      socket.setEncoding("utf8").on("data", (chunk) => (data += chunk));
      socket.on("end", () => resolve("200 " + data.slice(data.indexOf("\r\n\r\n") + 4)));
      socket.write("GET /tunnel HTTP/1.1\r\nHost: " + authority + "\r\nConnection: close\r\n\r\n");
    });
    request.on("error", (error) => resolve("error " + error.code));
    request.end();
  });
}

function direct(port) {
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.on("error", (error) => resolve(error.code));
  });
}

(async () => {
  for (const probe of process.argv.slice(2)) {
    const colon = probe.indexOf(":");
    const kind = probe.slice(0, colon);
    const target = probe.slice(colon + 1);
    const run = { get: (url) => send("GET", url), post: (url) => send("POST", url), connect, direct }[kind];
    console.log(await run(target));
  }
  process.stderr.write("probe done\n");
})();
`;

let env: NodeJS.ProcessEnv;
let root: string;
let project: string;
let tmpdir: string;
let server: http.Server;
let port: number;
/** "HOST-HEADER URL" of every request the loopback server received. */
const received: string[] = [];

const CONFIG = `
[sandbox_workspace_write]
network_access = true

[network_proxy]
enabled = true
allowed_domains = ["localhost"]
denied_domains = ["denied.localhost"]
`;

beforeAll(async () => {
  const made = await makeCodexEnv();
  root = made.root;
  tmpdir = path.join(root, "tmp");
  env = { ...made.env, TMPDIR: tmpdir };
  project = path.join(root, "project");
  fs.mkdirSync(project);
  fs.mkdirSync(tmpdir);
  fs.writeFileSync(path.join(project, "probe.cjs"), PROBE);
  fs.writeFileSync(path.join(made.home, "config.toml"), CONFIG);
  server = http.createServer((request, response) => {
    received.push(`${request.headers.host} ${request.url}`);
    response.end(`hello from ${request.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(root, { recursive: true, force: true });
});

/** `codex sandbox linux --full-auto [EXTRA...] -- node probe.cjs PROBES...` */
function probe(probes: string[], extra: string[] = []): Promise<SandboxRun> {
  return codex(["sandbox", "linux", "--full-auto", ...extra, "--", process.execPath, "probe.cjs", ...probes], { env, cwd: project });
}

/** Socket dirs of `codex sandbox` runs left in $TMPDIR (the sandbox's own placeholder markers live there too). */
const proxyDirs = () => fs.readdirSync(tmpdir).filter((name) => name.startsWith("codex-sandbox-proxy-"));

/** The lines `codex sandbox` prints for blocked requests. */
const blockedLines = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("network proxy blocked"));

describe.runIf(process.platform === "linux")("codex sandbox linux with the network proxy", { timeout: 30_000 }, () => {
  it("reaches an allowed host through the proxy, by plain HTTP and through a CONNECT tunnel", async () => {
    received.length = 0;
    const run = await probe([`get:http://localhost:${port}/allowed`, `connect:localhost:${port}`]);
    expect(run).toEqual({
      code: 0,
      stdout: "200 - hello from /allowed\n200 hello from /tunnel\n",
      stderr: "probe done\n",
    });
    expect(received).toEqual([`localhost:${port} /allowed`, `localhost:${port} /tunnel`]);
    expect(proxyDirs()).toEqual([]);
  });

  it("answers a denied or unlisted host with the proxy's 403 and lists each block on stderr after the command", async () => {
    received.length = 0;
    const run = await probe([
      `get:http://denied.localhost:${port}/secret`,
      "get:http://unlisted.example/",
      "connect:unlisted.example:443",
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^403 blocked-by-denylist \{"status":"blocked","host":"denied.localhost","reason":"denied"/);
    expect(lines[1]).toMatch(/^403 blocked-by-allowlist \{"status":"blocked","host":"unlisted.example","reason":"not_allowed"/);
    expect(lines[2]).toBe("403 blocked-by-allowlist");
    expect(run.stderr).toBe(
      [
        "probe done",
        `network proxy blocked GET denied.localhost:${port} (denied: matches network_proxy.denied_domains)`,
        "network proxy blocked GET unlisted.example:80 (not_allowed: not in network_proxy.allowed_domains)",
        "network proxy blocked CONNECT unlisted.example:443 (not_allowed: not in network_proxy.allowed_domains)",
        "",
      ].join("\n"),
    );
    expect(received).toEqual([]);
  });

  it("refuses a raw IP that is not explicitly allowed, also with allow_local_binding", async () => {
    received.length = 0;
    const probes = [`get:http://127.0.0.1:${port}/raw`, `connect:127.0.0.1:${port}`];
    const strict = await probe(probes);
    expect(strict.stdout).toMatch(/^403 blocked-by-allowlist .*"reason":"not_allowed_local".*\n403 blocked-by-allowlist\n$/);
    expect(blockedLines(strict.stderr)).toEqual([
      `network proxy blocked GET 127.0.0.1:${port} (not_allowed_local: a local or private address; name it exactly in allowed_domains or set allow_local_binding)`,
      `network proxy blocked CONNECT 127.0.0.1:${port} (not_allowed_local: a local or private address; name it exactly in allowed_domains or set allow_local_binding)`,
    ]);
    const local = await probe(probes, ["-c", "network_proxy.allow_local_binding=true"]);
    expect(local.stdout).toMatch(/^403 blocked-by-allowlist .*"reason":"not_allowed".*\n403 blocked-by-allowlist\n$/);
    expect(blockedLines(local.stderr)).toHaveLength(2);
    expect(received).toEqual([]);
  });

  it("makes a direct connection that bypasses the proxy fail", async () => {
    received.length = 0;
    const run = await probe([`direct:${port}`, `get:http://localhost:${port}/after`]);
    expect(run).toEqual({ code: 0, stdout: `ECONNREFUSED\n200 - hello from /after\n`, stderr: "probe done\n" });
    expect(received).toEqual([`localhost:${port} /after`]);
  });

  it("honours network_proxy.mode = \"limited\": reads pass, writes and tunnels are blocked", async () => {
    received.length = 0;
    const run = await probe(
      [`get:http://localhost:${port}/read`, `post:http://localhost:${port}/write`, `connect:localhost:${port}`],
      ["-c", 'network_proxy.mode="limited"'],
    );
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("200 - hello from /read");
    expect(lines[1]).toMatch(/^403 blocked-by-method-policy /);
    expect(lines[2]).toBe("403 blocked-by-method-policy");
    expect(blockedLines(run.stderr)).toEqual([
      `network proxy blocked POST localhost:${port} (method_not_allowed: network_proxy.mode is "limited")`,
      `network proxy blocked CONNECT localhost:${port} (method_not_allowed: network_proxy.mode is "limited")`,
    ]);
    expect(received).toEqual([`localhost:${port} /read`]);
  });

  it("starts no proxy when the sandbox has no network access", async () => {
    // Read-only (the default) has no network access; neither has workspace-write without network_access.
    const script = 'echo "proxy=${HTTP_PROXY:-none}"; ls -d "$TMPDIR"/codex-sandbox-proxy-* 2>/dev/null || echo no-socket-dir';
    const run = await codex(["sandbox", "linux", "--", "/bin/sh", "-c", script], { env, cwd: project });
    expect(run).toEqual({ code: 0, stdout: "proxy=none\nno-socket-dir\n", stderr: "" });
    const direct = await probe([`direct:${port}`], ["-c", "sandbox_workspace_write.network_access=false"]);
    expect(direct).toEqual({ code: 0, stdout: "ECONNREFUSED\n", stderr: "probe done\n" });
  });

  it("leaves no process of the sandbox behind and closes the proxy", async () => {
    const duration = `${88_000 + (process.pid % 400)}.5`;
    const script = [
      `sleep ${duration} & pid=$!`,
      "until grep -q '^sleep' /proc/$pid/cmdline 2>/dev/null; do :; done",
      'echo "socket $(ls -d "$TMPDIR"/codex-sandbox-proxy-*/proxy.sock)"',
    ].join("; ");
    const run = await codex(["sandbox", "linux", "--full-auto", "--", "/bin/sh", "-c", script], { env, cwd: project });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const socketPath = /^socket (\/\S+)\n$/.exec(run.stdout)?.[1];
    expect(socketPath?.startsWith(`${tmpdir}/codex-sandbox-proxy-`)).toBe(true);
    expect(running(["sleep", duration])).toEqual([]);
    expect(processesWith((args) => args.includes(socketPath as string))).toEqual([]);
    expect(await connectUnix(socketPath as string)).toBe("ENOENT");
    expect(proxyDirs()).toEqual([]);
  });

  it("closes the proxy and removes its socket when interrupted while the command runs", async () => {
    const duration = `${89_000 + (process.pid % 400)}.5`;
    const script = [
      `sleep ${duration} & pid=$!`,
      "until grep -q '^sleep' /proc/$pid/cmdline 2>/dev/null; do :; done",
      'echo "socket $(ls -d "$TMPDIR"/codex-sandbox-proxy-*/proxy.sock)"',
      "wait $pid",
      "echo not-reached",
    ].join("; ");
    const child = spawnCodex(["sandbox", "linux", "--full-auto", "--", "/bin/sh", "-c", script], { env, cwd: project });
    const done = finished(child, "interrupted codex sandbox");
    const socketPath = await new Promise<string>((resolve) => {
      let seen = "";
      child.stdout.on("data", (chunk: string) => {
        seen += chunk;
        const match = /^socket (\/\S+)\n/.exec(seen);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
    });
    expect(running(["sleep", duration])).toHaveLength(1);
    expect(await connectUnix(socketPath)).toBe("connected");
    child.kill("SIGINT");
    const run = await done;
    expect(run.code).toBe(130);
    expect(run.stdout).not.toContain("not-reached");
    expect(running(["sleep", duration])).toEqual([]);
    expect(await connectUnix(socketPath)).toBe("ENOENT");
    expect(proxyDirs()).toEqual([]);
  });

  it("reports a bad proxy policy in one line before running anything, and cleans up", async () => {
    const run = await codex(
      ["sandbox", "linux", "--full-auto", "-c", 'network_proxy.denied_domains=["*"]', "--", "/bin/sh", "-c", "echo ran"],
      { env, cwd: project },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^Error: [^\n]*denied_domains[^\n]*\n$/);
    expect(proxyDirs()).toEqual([]);
  });
});
