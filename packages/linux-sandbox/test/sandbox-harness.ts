import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const helperPath = fileURLToPath(new URL("../dist/helper.js", import.meta.url));
if (!fs.existsSync(helperPath)) {
  throw new Error(`${helperPath} is missing; run \`pnpm --filter @codex-ts/linux-sandbox build\` first`);
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const DEADLINE_MS = 20_000;

/** Collects a child's output until it exits; kills it and fails when the deadline passes first. */
export function collect(child: ChildProcess, input?: string): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  if (input !== undefined) child.stdin?.end(input);
  else child.stdin?.end();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`sandboxed run did not finish within ${DEADLINE_MS} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, DEADLINE_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface HelperRunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Prefix for the node command line, e.g. setpriv to change the user. */
  wrapper?: string[];
}

/** Spawns `node dist/helper.js ARGS` with piped stdio. */
export function spawnHelper(args: string[], options: HelperRunOptions): ChildProcess {
  const argv = [...(options.wrapper ?? []), process.execPath, helperPath, ...args];
  return spawn(argv[0] as string, argv.slice(1), {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["pipe", "pipe", "pipe"],
  });
}

export function runHelper(args: string[], options: HelperRunOptions): Promise<RunResult> {
  return collect(spawnHelper(args, options), options.input);
}

/** Runs `sh -c SCRIPT` in the sandbox with the given helper options before `--`. */
export function runShell(flags: string[], script: string, options: HelperRunOptions): Promise<RunResult> {
  return runHelper([...flags, "--", "/bin/sh", "-c", script], options);
}

/** A fresh folder under the system temp dir, canonical. */
export function tempDir(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

/** Host processes running exactly `argv` (compared argument by argument). */
export function processesRunning(argv: readonly string[]): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").slice(0, -1);
      if (args.length === argv.length && args.every((arg, index) => arg === argv[index])) {
        found.push(`${entry}: ${args.join(" ")}`);
      }
    } catch {
      // The process ended while scanning.
    }
  }
  return found;
}

/** An HTTP server on 127.0.0.1 that answers every request with `body`. */
export async function startTargetServer(body: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A tiny HTTP proxy listening on a unix socket: CONNECT host:port opens a tunnel, and absolute-URI requests
 * (`GET http://host:port/path`) are relayed. It records every target it was asked for.
 */
export async function startUnixProxy(socketPath: string): Promise<{ targets: string[]; close(): Promise<void> }> {
  const targets: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/");
    targets.push(url.host);
    const upstream = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: request.method, headers: request.headers },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      },
    );
    upstream.on("error", () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on("connect", (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    targets.push(request.url ?? "");
    const [host, port] = (request.url ?? "").split(":");
    const upstream = net.connect(Number(port), host ?? "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(client).add(upstream);
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  server.on("connection", (socket: net.Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    targets,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
