// A client in the same process as the server: messages are handed over as objects, never serialised.
import type { AppServer, ServerConnection } from "@codex-ts/app-server";
import type { ClientTransport, TransportEvents } from "../transport.js";

export function inProcessTransport(server: AppServer): ClientTransport {
  let connection: ServerConnection | undefined;
  let events: TransportEvents | undefined;
  let closed = false;
  const finish = (reason: string): void => {
    if (closed) return;
    closed = true;
    events?.close({ reason });
  };
  return {
    start(handlers) {
      events = handlers;
      connection = server.connectInProcess({
        onMessage: (message) => handlers.message(message),
        onClose: (reason) => finish(reason),
      });
    },
    send(message) {
      connection?.receiveMessage(message);
    },
    async close() {
      await connection?.close();
      finish("closed by client");
    },
  };
}
