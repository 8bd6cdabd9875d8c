// The HTTP side of a WebSocket listener (TCP or unix socket): `/healthz` and `/readyz`, refusal of any
// request with an `Origin` header (403), bearer auth at the upgrade (401 with the reason), then the upgrade.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { AppServer } from "../server/app-server.js";
import type { ConnectionKind } from "../server/outgoing.js";
import type { WebsocketAuth } from "./websocket-auth-config.js";
import { authorizeUpgrade, preloadJose } from "./websocket-authorize.js";
import { attachWebSocket } from "./websocket-connection.js";

/** Header advertising the largest message the server accepts. */
export const MAX_MESSAGE_BYTES_HEADER = "x-codex-websocket-max-unfragmented-message-bytes";
/** Default largest incoming message; bigger frames close the connection with 1009. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export interface WebSocketEndpointOptions {
  kind: ConnectionKind;
  auth?: WebsocketAuth;
  maxMessageBytes: number;
  outboundQueueLimit: number;
  outboundLimitBytes: number;
}

export interface WebSocketEndpoint {
  readonly httpServer: Server;
  /** Stops accepting connections; open ones stay until the server closes them. */
  stopAccepting(): void;
  /** Stops accepting and resolves once every socket is gone (idle HTTP sockets are dropped). */
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden" };

function rejectUpgrade(socket: Duplex, status: number, body: string): void {
  const head = [`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ""}`, `content-length: ${Buffer.byteLength(body)}`, "connection: close"];
  if (body !== "") head.push("content-type: text/plain; charset=utf-8");
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
}

function plainResponse(response: ServerResponse, status: number, body = ""): void {
  const headers: Record<string, string | number> = { "content-length": Buffer.byteLength(body) };
  if (body !== "") headers["content-type"] = "text/plain; charset=utf-8";
  response.writeHead(status, headers).end(body);
}

function pathOf(request: IncomingMessage): string {
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  return query < 0 ? url : url.slice(0, query);
}

export async function createWebSocketEndpoint(server: AppServer, options: WebSocketEndpointOptions): Promise<WebSocketEndpoint> {
  // Loaded here, not at startup: a stdio server never needs HTTP or ws.
  const [{ createServer }, { WebSocketServer }] = await Promise.all([import("node:http"), import("ws")]);
  if (options.auth?.mode === "signed-bearer-token") await preloadJose();
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  sockets.on("headers", (headers) => {
    headers.push(`${MAX_MESSAGE_BYTES_HEADER}: ${options.maxMessageBytes}`);
  });

  const httpServer = createServer((request, response) => {
    if (request.headers.origin !== undefined) return plainResponse(response, 403);
    const path = pathOf(request);
    if (request.method === "GET" && (path === "/healthz" || path === "/readyz")) return plainResponse(response, 200);
    plainResponse(response, 400, "Connection header did not include 'upgrade'");
  });
  httpServer.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    if (request.headers.origin !== undefined) return rejectUpgrade(socket, 403, "");
    const proceed = (): void => {
      sockets.handleUpgrade(request, socket, head, (ws) => {
        attachWebSocket(server, ws, {
          kind: options.kind,
          outboundQueueLimit: options.outboundQueueLimit,
          outboundLimitBytes: options.outboundLimitBytes,
        });
      });
    };
    if (options.auth === undefined) return proceed();
    authorizeUpgrade(options.auth, request.headers.authorization).then(
      (result) => {
        if (result.ok) proceed();
        else {
          server.logger.warn({ reason: result.reason }, "rejecting websocket upgrade");
          rejectUpgrade(socket, 401, result.reason);
        }
      },
      () => rejectUpgrade(socket, 401, "invalid websocket bearer token"),
    );
  });
  httpServer.on("clientError", (_error, socket) => {
    if (socket.writable) rejectUpgrade(socket, 400, "");
    else socket.destroy();
  });

  const closed = new Promise<void>((resolve) => httpServer.once("close", () => resolve()));
  let accepting = true;
  const stopAccepting = (): void => {
    if (!accepting) return;
    accepting = false;
    if (httpServer.listening) httpServer.close();
    else httpServer.emit("close");
  };
  return {
    httpServer,
    stopAccepting,
    close: () => {
      stopAccepting();
      httpServer.closeAllConnections();
      return closed;
    },
  };
}
