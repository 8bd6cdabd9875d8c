// One-call constructors: a client over each transport.
import type { AppServer } from "@codex-ts/app-server";
import { AppServerClient, type AppServerClientOptions } from "./client.js";
import { inProcessTransport } from "./transports/in-process.js";
import { type SpawnAppServerOptions, type SpawnedAppServer, spawnAppServer } from "./transports/spawned.js";
import { type WebSocketTransportOptions, unixSocketTransport, webSocketTransport } from "./transports/websocket.js";

/** A client of a server in this process; messages are never serialised. */
export function connectInProcess(server: AppServer, options?: AppServerClientOptions): AppServerClient {
  return new AppServerClient(inProcessTransport(server), options);
}

/** Spawns `codex app-server` (or `options.command`) and talks to it over stdio. */
export function spawnAppServerClient(
  options: SpawnAppServerOptions & AppServerClientOptions = {},
): { client: AppServerClient } & Omit<SpawnedAppServer, "transport"> {
  const { transport, child, exited } = spawnAppServer(options);
  return { client: new AppServerClient(transport, options), child, exited };
}

/** Connects to a `ws://IP:PORT` listener. */
export async function connectWebSocket(
  url: string,
  options: WebSocketTransportOptions & AppServerClientOptions = {},
): Promise<AppServerClient> {
  return new AppServerClient(await webSocketTransport(url, options), options);
}

/** Connects to a unix control socket (`--listen unix://PATH`). */
export async function connectUnixSocket(
  socketPath: string,
  options: WebSocketTransportOptions & AppServerClientOptions = {},
): Promise<AppServerClient> {
  return new AppServerClient(await unixSocketTransport(socketPath, options), options);
}
