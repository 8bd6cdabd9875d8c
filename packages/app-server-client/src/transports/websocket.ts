// A server's WebSocket listener (`ws://`) or unix control socket (`unix://`), one JSON message per text frame.
import { encodeMessage } from "@codex-ts/app-server-protocol";
import type { WebSocket } from "ws";
import { AppServerConnectError } from "../errors.js";
import type { ClientTransport, TransportEvents } from "../transport.js";

export interface WebSocketTransportOptions {
  /** Sent as `Authorization: Bearer <token>` on the upgrade. */
  bearerToken?: string;
  /** Extra upgrade headers. */
  headers?: Record<string, string>;
  /** Largest incoming message accepted; default 64 MiB. */
  maxPayload?: number;
  /** How long to wait for the upgrade; default 10000 ms. */
  connectTimeoutMs?: number;
}

async function open(url: string, options: WebSocketTransportOptions): Promise<WebSocket> {
  const { default: WebSocketClass } = await import("ws");
  const headers: Record<string, string> = { ...options.headers };
  if (options.bearerToken !== undefined) headers.authorization = `Bearer ${options.bearerToken}`;
  const socket = new WebSocketClass(url, {
    headers,
    maxPayload: options.maxPayload ?? 64 * 1024 * 1024,
    perMessageDeflate: false,
    handshakeTimeout: options.connectTimeoutMs ?? 10_000,
  });
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("unexpected-response", (_request, response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        socket.terminate();
        reject(new AppServerConnectError(`the server refused the connection: ${response.statusCode} ${body}`.trim(), response.statusCode, body));
      });
    });
    socket.once("error", (error) => reject(new AppServerConnectError(`cannot connect to ${url}: ${error.message}`)));
  });
}

/** Corks the socket under `ws` (an internal of `ws` 8) until the event loop turns, so requests sent together leave in one write. */
function batcher(socket: WebSocket): () => void {
  const raw = (socket as unknown as { _socket?: { cork?: () => void; uncork?: () => void } })._socket;
  if (typeof raw?.cork !== "function" || typeof raw.uncork !== "function") return () => undefined;
  let corked = false;
  const uncork = (): void => {
    corked = false;
    raw.uncork?.();
  };
  return () => {
    if (corked) return;
    corked = true;
    raw.cork?.();
    setImmediate(uncork);
  };
}

function wrap(socket: WebSocket): ClientTransport {
  let events: TransportEvents | undefined;
  let closed = false;
  const batch = batcher(socket);
  const closedPromise = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  return {
    start(handlers) {
      events = handlers;
      socket.on("message", (data, isBinary) => {
        if (isBinary) return;
        const text = data.toString();
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          handlers.malformed?.(text);
          return;
        }
        handlers.message(value);
      });
      socket.on("error", () => undefined);
      socket.once("close", (code, reason) => {
        closed = true;
        events?.close({ code, reason: reason.toString() });
      });
    },
    send(message) {
      if (closed || socket.readyState !== socket.OPEN) return;
      batch();
      socket.send(encodeMessage(message));
    },
    sendText(text) {
      if (!closed && socket.readyState === socket.OPEN) socket.send(text);
    },
    async close() {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(1000);
      const timer = setTimeout(() => socket.terminate(), 2000);
      await closedPromise;
      clearTimeout(timer);
    },
  };
}

/** Connects to `ws://host:port` (any path is accepted by the server). */
export async function webSocketTransport(url: string, options: WebSocketTransportOptions = {}): Promise<ClientTransport> {
  return wrap(await open(url, options));
}

/** Connects to a server's unix control socket. */
export async function unixSocketTransport(socketPath: string, options: WebSocketTransportOptions = {}): Promise<ClientTransport> {
  const { connectableSocketPath } = await import("@codex-ts/app-server");
  return wrap(await open(`ws+unix://${await connectableSocketPath(socketPath)}:/rpc`, options));
}
