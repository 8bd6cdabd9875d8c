// `--listen ws://IP:PORT`: the WebSocket listener on TCP, with optional bearer auth.
import type { AddressInfo } from "node:net";
import type { AppServer } from "../server/app-server.js";
import { formatHostPort } from "./listen-url.js";
import type { WebsocketAuth } from "./websocket-auth-config.js";
import { createWebSocketEndpoint, DEFAULT_MAX_MESSAGE_BYTES } from "./websocket-endpoint.js";
import { DEFAULT_OUTBOUND_LIMIT_BYTES, DEFAULT_OUTBOUND_QUEUE_LIMIT } from "./websocket-connection.js";

export interface WebSocketListenerOptions {
  host: string;
  /** 0 picks a free port; the bound one is in the result. */
  port: number;
  auth?: WebsocketAuth;
  maxMessageBytes?: number;
  /** Messages queued for one peer beyond which it is disconnected as a slow consumer. */
  outboundQueueLimit?: number;
  /** Bytes queued for one peer beyond which it is disconnected as a slow consumer. */
  outboundLimitBytes?: number;
}

export interface WebSocketListener {
  readonly host: string;
  readonly port: number;
  /** `ws://host:port` of the bound address. */
  readonly url: string;
  stopAccepting(): void;
  close(): Promise<void>;
}

export async function listenWebSocket(server: AppServer, options: WebSocketListenerOptions): Promise<WebSocketListener> {
  const endpoint = await createWebSocketEndpoint(server, {
    kind: "websocket",
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    outboundQueueLimit: options.outboundQueueLimit ?? DEFAULT_OUTBOUND_QUEUE_LIMIT,
    outboundLimitBytes: options.outboundLimitBytes ?? DEFAULT_OUTBOUND_LIMIT_BYTES,
    ...(options.auth ? { auth: options.auth } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    endpoint.httpServer.once("error", reject);
    endpoint.httpServer.listen({ host: options.host, port: options.port, ipv6Only: options.host.includes(":") }, () => {
      endpoint.httpServer.off("error", reject);
      resolve();
    });
  });
  const { port } = endpoint.httpServer.address() as AddressInfo;
  const url = `ws://${formatHostPort(options.host, port)}`;
  server.logger.info({ url }, "websocket listener bound");
  return { host: options.host, port, url, stopAccepting: () => endpoint.stopAccepting(), close: () => endpoint.close() };
}
