// One WebSocket (TCP or unix socket) attached to the server: text frames in, text frames out. A peer whose
// unsent bytes pass the outbound bound is disconnected, so it never holds up anyone else.
import type { WebSocket } from "ws";
import type { AppServer, ServerConnection } from "../server/app-server.js";
import type { ConnectionKind } from "../server/outgoing.js";

/** Default bound of messages queued for one peer and not yet taken by the kernel. */
export const DEFAULT_OUTBOUND_QUEUE_LIMIT = 1024;
/**
 * Default bound of bytes already queued for one peer when another message is sent. It guards memory when
 * the messages are large; a single large message never trips it on its own.
 */
export const DEFAULT_OUTBOUND_LIMIT_BYTES = 256 * 1024 * 1024;
/** How long a closing handshake may take at shutdown before the socket is dropped. */
const CLOSE_HANDSHAKE_MS = 1000;

export interface WebSocketConnectionOptions {
  kind: ConnectionKind;
  outboundQueueLimit: number;
  outboundLimitBytes: number;
}

/** The TCP or unix socket under a WebSocket (an internal of `ws` 8, present on every server-side socket). */
function rawSocketOf(socket: WebSocket): { cork(): void; uncork(): void } | undefined {
  const raw = (socket as unknown as { _socket?: { cork?: unknown; uncork?: unknown } })._socket;
  return raw && typeof raw.cork === "function" && typeof raw.uncork === "function" ? (raw as { cork(): void; uncork(): void }) : undefined;
}

export function attachWebSocket(server: AppServer, socket: WebSocket, options: WebSocketConnectionOptions): ServerConnection {
  // Frames sent in one tick leave in one write: answers that complete together cost one syscall.
  const raw = rawSocketOf(socket);
  let corked = false;
  const uncork = (): void => {
    corked = false;
    raw?.uncork();
  };
  // Messages handed to the socket whose write has not completed yet: they pile up when the peer stops reading.
  let queued = 0;
  const written = (): void => {
    queued -= 1;
  };
  const connection = server.openConnection(options.kind, {
    send: (frame) => {
      if (socket.readyState !== socket.OPEN) return "closed";
      if (queued >= options.outboundQueueLimit || socket.bufferedAmount > options.outboundLimitBytes) return "overflow";
      if (raw && !corked) {
        corked = true;
        raw.cork();
        process.nextTick(uncork);
      }
      queued += 1;
      socket.send(frame.encode(), written);
      return "sent";
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
