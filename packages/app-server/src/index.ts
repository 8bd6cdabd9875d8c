// @codex-ts/app-server: the app-server JSON-RPC message processor, its transports (stdio JSONL, WebSocket,
// unix socket), the stdio-to-socket proxy, and the method handlers.
export {
  type AppServer,
  type AppServerOptions,
  createAppServer,
  DEFAULT_MAX_PENDING_REQUESTS,
  DEFAULT_SERVER_VERSION,
  DEFAULT_SHUTDOWN_GRACE_MS,
  type InProcessConnectionOptions,
  type ServerConnection,
} from "./server/app-server.js";
export { ClientRequestError } from "./server/connection.js";
export type { HandlerSource } from "./server/dispatcher.js";
export type { ConfigWarningsSource } from "./server/initialize.js";
export { type CloseReason, type ConnectionKind, type ConnectionSink, OutgoingFrame, type SendOutcome } from "./server/outgoing.js";
export { serializationScopeOf, type SerializationScope } from "./server/serialization-scope.js";
export { buildUserAgent, platformOf } from "./server/user-agent.js";
export type {
  ConnectionHandle,
  RequestContext,
  RequestHandler,
  RequestHandlers,
  ServerServices,
} from "./handlers/context.js";

export { createLogger, type CreateLoggerOptions, type Logger, silentLogger } from "./logging/logger.js";
export { DEFAULT_LOG_LEVEL, type LogLevel, logLevelFromEnv, parseLogFilter } from "./logging/log-level.js";

export {
  CONTROL_SOCKET_DIR_NAME,
  CONTROL_SOCKET_FILE_NAME,
  ControlSocketError,
  connectableSocketPath,
  defaultControlSocketPath,
  prepareControlSocketPath,
} from "./transports/control-socket.js";
export { attachJsonlTransport, DEFAULT_MAX_LINE_BYTES, type JsonlTransport, type JsonlTransportOptions } from "./transports/jsonl-transport.js";
export {
  DEFAULT_LISTEN_URL,
  formatHostPort,
  isLoopbackHost,
  type ListenTarget,
  ListenUrlError,
  parseListenUrl,
} from "./transports/listen-url.js";
export { listenUnixSocket, type UnixSocketListener, type UnixSocketListenerOptions } from "./transports/unix-socket-listener.js";
export {
  DEFAULT_MAX_CLOCK_SKEW_SECONDS,
  MIN_SHARED_SECRET_BYTES,
  resolveWebsocketAuth,
  type WebsocketAuth,
  WebsocketAuthConfigError,
  type WebsocketAuthFlags,
  type WebsocketAuthMode,
} from "./transports/websocket-auth-config.js";
export { type AuthorizeResult, authorizeUpgrade } from "./transports/websocket-authorize.js";
export { DEFAULT_OUTBOUND_LIMIT_BYTES, DEFAULT_OUTBOUND_QUEUE_LIMIT } from "./transports/websocket-connection.js";
export { DEFAULT_MAX_MESSAGE_BYTES, MAX_MESSAGE_BYTES_HEADER } from "./transports/websocket-endpoint.js";
export { listenWebSocket, type WebSocketListener, type WebSocketListenerOptions } from "./transports/websocket-listener.js";

export { unixSocketBanner, websocketBanner } from "./runtime/banner.js";
export {
  AppServerStartError,
  type RunningAppServer,
  runAppServer,
  startAppServer,
  type StartAppServerOptions,
} from "./runtime/start-app-server.js";
export { ProxyConnectError, runStdioProxy, type StdioProxyOptions } from "./runtime/stdio-proxy.js";
