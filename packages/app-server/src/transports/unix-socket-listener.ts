// `--listen unix://[PATH]`: WebSocket connections (standard HTTP upgrade) on a unix socket with mode 0600.
// No bearer auth: the file permissions protect it. The socket file is removed on close.
import { chmod, unlink } from "node:fs/promises";
import type { AppServer } from "../server/app-server.js";
import { prepareControlSocketPath } from "./control-socket.js";
import { createWebSocketEndpoint, DEFAULT_MAX_MESSAGE_BYTES } from "./websocket-endpoint.js";
import { DEFAULT_OUTBOUND_LIMIT_BYTES, DEFAULT_OUTBOUND_QUEUE_LIMIT } from "./websocket-connection.js";

export interface UnixSocketListenerOptions {
  socketPath: string;
  maxMessageBytes?: number;
  /** Messages queued for one peer beyond which it is disconnected as a slow consumer. */
  outboundQueueLimit?: number;
  /** Bytes queued for one peer beyond which it is disconnected as a slow consumer. */
  outboundLimitBytes?: number;
}

export interface UnixSocketListener {
  readonly socketPath: string;
  /** `unix://<socketPath>`. */
  readonly url: string;
  stopAccepting(): void;
  /** Resolves once every socket is closed and the socket file is removed. */
  close(): Promise<void>;
}

export async function listenUnixSocket(server: AppServer, options: UnixSocketListenerOptions): Promise<UnixSocketListener> {
  const { bindPath, linkPath } = await prepareControlSocketPath(options.socketPath);
  const endpoint = await createWebSocketEndpoint(server, {
    kind: "unix",
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    outboundQueueLimit: options.outboundQueueLimit ?? DEFAULT_OUTBOUND_QUEUE_LIMIT,
    outboundLimitBytes: options.outboundLimitBytes ?? DEFAULT_OUTBOUND_LIMIT_BYTES,
  });
  await new Promise<void>((resolve, reject) => {
    endpoint.httpServer.once("error", reject);
    endpoint.httpServer.listen(bindPath, () => {
      endpoint.httpServer.off("error", reject);
      resolve();
    });
  });
  await chmod(bindPath, 0o600);
  server.logger.info({ socketPath: options.socketPath }, "app-server control socket listening");
  let closing: Promise<void> | undefined;
  return {
    socketPath: options.socketPath,
    url: `unix://${options.socketPath}`,
    stopAccepting: () => endpoint.stopAccepting(),
    close: () => {
      closing ??= endpoint.close().then(async () => {
        // net.Server removes its own socket file on close; remove the symlink and leftovers regardless.
        for (const file of [bindPath, linkPath]) if (file !== undefined) await unlink(file).catch(() => undefined);
      });
      return closing;
    },
  };
}
