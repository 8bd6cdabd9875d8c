// A client transport speaking WebSocket over an arbitrary byte stream (here: the proxy's stdio).
import type { Duplex } from "node:stream";
import WebSocket from "ws";
import type { ClientTransport } from "../../src/index.js";

export async function webSocketTransportFromSocket(stream: Duplex): Promise<ClientTransport> {
  const socket = new WebSocket("ws://localhost/rpc", { createConnection: () => stream as never, perMessageDeflate: false });
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  return {
    start(events) {
      socket.on("message", (data) => events.message(JSON.parse(data.toString())));
      socket.once("close", (code, reason) => events.close({ code, reason: reason.toString() }));
    },
    send(message) {
      socket.send(JSON.stringify(message));
    },
    async close() {
      socket.close();
      await closed;
    },
  };
}
