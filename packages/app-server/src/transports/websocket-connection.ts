// One WebSocket (TCP or unix socket) attached to the server: text frames in, text frames out. Frames sent
// during one turn of the event loop leave in one write (the socket is corked until `setImmediate`). A peer
// that stops reading is disconnected once its backlog passes the bounds, so it never holds up anyone else;
// a burst within one turn, or one large message, never counts as slowness by itself.
import type { WebSocket } from "ws";
import type { AppServer, ServerConnection } from "../server/app-server.js";
import type { ConnectionKind } from "../server/outgoing.js";

/**
 * Default bound of messages waiting behind a full socket (sent in earlier turns of the event loop, not yet
 * taken by the kernel); the upstream server's per-connection queue holds 128.
 */
export const DEFAULT_OUTBOUND_QUEUE_LIMIT = 128;
/** Default bound of bytes waiting behind a full socket when more messages are sent. */
export const DEFAULT_OUTBOUND_LIMIT_BYTES = 256 * 1024 * 1024;
/** How long a closing handshake may take at shutdown before the socket is dropped. */
const CLOSE_HANDSHAKE_MS = 1000;

export interface WebSocketConnectionOptions {
  kind: ConnectionKind;
  outboundQueueLimit: number;
  outboundLimitBytes: number;
}

interface RawSocket {
  cork(): void;
  uncork(): void;
  on(event: "drain", listener: () => void): unknown;
}

/** The TCP or unix socket under a WebSocket (an internal of `ws` 8, present on every server-side socket). */
function rawSocketOf(socket: WebSocket): RawSocket | undefined {
  const raw = (socket as unknown as { _socket?: Partial<RawSocket> })._socket;
  return raw && typeof raw.cork === "function" && typeof raw.uncork === "function" && typeof raw.on === "function" ? (raw as RawSocket) : undefined;
}

export function attachWebSocket(server: AppServer, socket: WebSocket, options: WebSocketConnectionOptions): ServerConnection {
  const raw = rawSocketOf(socket);
  /** Messages sent in earlier turns since the socket last drained. */
  let backlogMessages = 0;
  let tickMessages = 0;
  let tickStartBytes = 0;
  let tickOpen = false;
  const endTick = (): void => {
    tickOpen = false;
    raw?.uncork();
    if (socket.bufferedAmount === 0) {
      backlogMessages = 0;
    } else if (backlogMessages > options.outboundQueueLimit || tickStartBytes > options.outboundLimitBytes) {
      server.logger.warn({ connectionId: connection.id, backlogMessages, backlogBytes: socket.bufferedAmount }, "disconnecting slow connection after outbound queue filled");
      socket.terminate();
    } else {
      backlogMessages += tickMessages;
    }
    tickMessages = 0;
  };
  raw?.on("drain", () => {
    backlogMessages = 0;
  });

  const connection = server.openConnection(options.kind, {
    send: (frame) => {
      if (socket.readyState !== socket.OPEN) return "closed";
      if (!tickOpen) {
        tickOpen = true;
        tickStartBytes = socket.bufferedAmount;
        raw?.cork();
        setImmediate(endTick);
      }
      tickMessages += 1;
      socket.send(frame.encode());
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
