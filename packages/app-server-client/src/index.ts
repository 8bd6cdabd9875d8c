// @codex-ts/app-server-client: a typed client of the app-server over stdio, WebSocket, unix socket or
// in-process.
export {
  type AnyNotification,
  AppServerClient,
  type AppServerClientOptions,
  type RequestOptions,
  type ServerRequestHandler,
} from "./client.js";
export { connectInProcess, connectUnixSocket, connectWebSocket, spawnAppServerClient } from "./connect.js";
export { AppServerClosedError, AppServerConnectError, AppServerRpcError, AppServerTimeoutError } from "./errors.js";
export type { ClientTransport, TransportCloseInfo, TransportEvents } from "./transport.js";
export { inProcessTransport } from "./transports/in-process.js";
export { type JsonlStreamOptions, jsonlStreamTransport } from "./transports/jsonl-stream.js";
export { type SpawnAppServerOptions, type SpawnedAppServer, spawnAppServer } from "./transports/spawned.js";
export { unixSocketTransport, type WebSocketTransportOptions, webSocketTransport } from "./transports/websocket.js";
