// One WebSocket (TCP or unix socket) attached to the server: text frames in, text frames out. A peer whose
// unsent bytes pass the outbound bound is disconnected, so it never holds up anyone else.
import type { WebSocket } from "ws";
import type { AppServer, ServerConnection } from "../server/app-server.js";
import type { ConnectionKind } from "../server/outgoing.js";

/** Default bound of bytes queued for one peer and not yet taken by the kernel. */
export const DEFAULT_OUTBOUND_LIMIT_BYTES = 8 * 1024 * 1024;
/** How long a closing handshake may take at shutdown before the socket is dropped. */
const CLOSE_HANDSHAKE_MS = 1000;

export interface WebSocketConnectionOptions {
  kind: ConnectionKind;
  outboundLimitBytes: number;
}

export function attachWebSocket(server: AppServer, socket: WebSocket, options: WebSocketConnectionOptions): ServerConnection {
  const connection = server.openConnection(options.kind, {
    send: (frame) => {
      if (socket.readyState !== socket.OPEN) return "closed";
      socket.send(frame.encode());
      return socket.bufferedAmount > options.outboundLimitBytes ? "overflow" : "sent";
    },
    close: (reason) => {
      if (reason === "slow-consumer") {
        socket.terminate();
      } else if (socket.readyState === socket.OPEN) {
        socket.close(reason === "shutdown" ? 1001 : 1000, reason === "shutdown" ? "server shutting down" : "");
        setTimeout(() => socket.terminate(), CLOSE_HANDSHAKE_MS).unref();
      }
    },
  });
  socket.on("message", (data, isBinary) => {
    if (isBinary) {
      server.logger.warn({ connectionId: connection.id }, "ignoring binary websocket frame");
      return;
    }
    connection.receiveText(Array.isArray(data) ? Buffer.concat(data).toString("utf8") : Buffer.from(data as ArrayBuffer).toString("utf8"));
  });
  socket.on("close", () => void connection.close());
  socket.on("error", (error) => {
    server.logger.warn({ connectionId: connection.id, error: error.message }, "websocket error");
  });
  return connection;
}
