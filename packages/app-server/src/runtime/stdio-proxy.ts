// `codex app-server proxy`: copies bytes between stdin/stdout and the control socket, unchanged. The
// client on the other end speaks the WebSocket upgrade and frames itself.
import { connect } from "node:net";
import type { Readable, Writable } from "node:stream";
import { connectableSocketPath } from "../transports/control-socket.js";

export class ProxyConnectError extends Error {
  readonly code = "PROXY_CONNECT_FAILED";

  constructor(socketPath: string, cause: Error) {
    super(`failed to connect to socket at ${socketPath}: ${cause.message}`);
    this.name = "ProxyConnectError";
  }
}

export interface StdioProxyOptions {
  socketPath: string;
  input?: Readable;
  output?: Writable;
}

/** Resolves when the socket closes (the server went away, or stdin ended and the server hung up). */
export async function runStdioProxy(options: StdioProxyOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const target = await connectableSocketPath(options.socketPath);
  const socket = await new Promise<import("node:net").Socket>((resolve, reject) => {
    const candidate = connect(target);
    candidate.once("connect", () => {
      candidate.off("error", reject);
      resolve(candidate);
    });
    candidate.once("error", (error) => reject(new ProxyConnectError(options.socketPath, error)));
  });
  await new Promise<void>((resolve) => {
    socket.on("data", (chunk: Buffer) => {
      if (!output.write(chunk)) {
        socket.pause();
        output.once("drain", () => socket.resume());
      }
    });
    input.on("data", (chunk: Buffer) => {
      if (!socket.write(chunk)) {
        input.pause();
        socket.once("drain", () => input.resume());
      }
    });
    input.once("end", () => socket.end());
    socket.once("error", () => socket.destroy());
    socket.once("close", () => {
      input.pause();
      resolve();
    });
  });
}
