import { once, type EventEmitter } from "node:events";
import { createServer as createHttpServer, request, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { connect, createServer as createTcpServer, type Socket } from "node:net";
import { afterEach } from "vitest";
import { startNetworkProxy, type NetworkProxyHandle, type StartNetworkProxyOptions } from "../src/index.js";

export const DEADLINE_MS = 5_000;

/** Rejects when `promise` has not settled by the deadline, naming what was awaited. */
export function withDeadline<T>(promise: Promise<T>, what: string, ms = DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export function nextEvent(emitter: EventEmitter, event: string): Promise<unknown[]> {
  return withDeadline(once(emitter, event), `${event} event`);
}

const cleanups: (() => Promise<void> | void)[] = [];

/** Runs after each test: closes proxies and servers started by the helpers. */
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

/** Starts a proxy on loopback with port 0 for every listener. */
export async function startTestProxy(options: StartNetworkProxyOptions = {}): Promise<NetworkProxyHandle> {
  const handle = await startNetworkProxy({
    http: "127.0.0.1:0",
    admin: "127.0.0.1:0",
    onWarning: () => undefined,
    ...options,
    socks: "socks" in options ? options.socks : options.config?.enable_socks5 === true ? "127.0.0.1:0" : undefined,
  });
  onCleanup(() => handle.close());
  return handle;
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local HTTP origin server that echoes what it received as JSON. */
export async function startHttpOrigin(): Promise<{ port: number; seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const record = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(record);
      res.writeHead(200, { "content-type": "application/json", "x-origin": "yes", connection: "keep-alive, x-hop", "x-hop": "drop me" });
      res.end(req.method === "HEAD" ? undefined : JSON.stringify(record));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no address");
  return { port: address.port, seen };
}

/** A local TCP server that echoes every byte back. */
export async function startEchoServer(host = "127.0.0.1"): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  onCleanup(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no address");
  return address.port;
}

export interface ProxyResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends an absolute-form request through the proxy (TCP port or unix socket path). */
export function proxyRequest(
  proxy: number | string,
  target: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<ProxyResponse> {
  const where = typeof proxy === "number" ? { host: "127.0.0.1", port: proxy } : { socketPath: proxy };
  const promise = new Promise<ProxyResponse>((resolve, reject) => {
    const req = request({ ...where, method: options.method ?? "GET", path: target, headers: options.headers, agent: false }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
  return withDeadline(promise, `${options.method ?? "GET"} ${target}`);
}

export interface ConnectResult {
  statusLine: string;
  head: string;
  /** Open tunnel on 200; closed otherwise. */
  socket: Socket;
  /** Response body for refusals (read until the proxy closed). */
  body: string;
}

/** Sends `CONNECT authority` by hand and reads the proxy's answer. */
export function rawConnect(proxyPort: number, authority: string): Promise<ConnectResult> {
  const promise = new Promise<ConnectResult>((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port: proxyPort });
    let buffer = Buffer.alloc(0);
    socket.on("error", reject);
    socket.once("connect", () => socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`));
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      socket.off("data", onData);
      const head = buffer.subarray(0, end).toString();
      const statusLine = head.split("\r\n")[0] ?? "";
      const rest = buffer.subarray(end + 4);
      if (statusLine.includes(" 200 ")) {
        if (rest.length > 0) socket.unshift(rest);
        resolve({ statusLine, head, socket, body: "" });
        return;
      }
      const chunks: Buffer[] = [rest];
      socket.on("data", (more: Buffer) => chunks.push(more));
      socket.on("close", () => resolve({ statusLine, head, socket, body: Buffer.concat(chunks).toString() }));
    };
    socket.on("data", onData);
  });
  return withDeadline(promise, `CONNECT ${authority}`);
}

/** Writes `payload` into an open tunnel and waits until the same bytes come back. */
export async function echoThrough(socket: Socket, payload: Buffer): Promise<Buffer> {
  const received: Buffer[] = [];
  let size = 0;
  const done = new Promise<Buffer>((resolve, reject) => {
    socket.on("data", (chunk: Buffer) => {
      received.push(chunk);
      size += chunk.length;
      if (size >= payload.length) resolve(Buffer.concat(received));
    });
    socket.on("error", reject);
  });
  socket.write(payload);
  return withDeadline(done, "echo through tunnel");
}

/** A resolver backed by a fixed table; other names fail like NXDOMAIN. */
export function tableResolver(table: Record<string, string[]>): (name: string) => Promise<string[]> {
  return async (name) => {
    const found = table[name];
    if (found === undefined) throw new Error(`ENOTFOUND ${name}`);
    return found;
  };
}

/** A loopback port that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no address");
  return address.port;
}
