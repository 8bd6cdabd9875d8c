// JSON-RPC over a pair of byte streams, one message per line (the stdio transport). Output backpressure
// pauses reading, so a client that does not read its responses stalls only itself.
import type { Readable, Writable } from "node:stream";
import { INPUT_TOO_LARGE_ERROR_CODE, invalidRequestError } from "@codex-ts/app-server-protocol/envelope";
import type { AppServer, ServerConnection } from "../server/app-server.js";
import type { ConnectionKind, SendOutcome } from "../server/outgoing.js";
import { LineSplitter } from "./line-splitter.js";

/** Default bound of one incoming line; larger lines are answered with an error and dropped. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface JsonlTransportOptions {
  input: Readable;
  output: Writable;
  kind?: ConnectionKind;
  maxLineBytes?: number;
  /**
   * Called when the input ends. Default: close the connection. The stdio runner instead shuts the whole
   * server down gracefully, so in-flight requests still get answered.
   */
  onInputEnd?: (connection: ServerConnection) => void;
}

export interface JsonlTransport {
  readonly connection: ServerConnection;
  /** Resolves when the output has been ended (after the connection closed) or failed. */
  readonly finished: Promise<void>;
}

export function attachJsonlTransport(server: AppServer, options: JsonlTransportOptions): JsonlTransport {
  const { input, output } = options;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let outputOpen = true;
  let waitingForDrain = false;
  let resolveFinished!: () => void;
  const finished = new Promise<void>((resolve) => (resolveFinished = resolve));

  const onDrain = (): void => {
    waitingForDrain = false;
    input.resume();
  };
  // Lines written during one turn of the event loop leave in one write.
  let corked = false;
  const uncork = (): void => {
    corked = false;
    if (outputOpen) output.uncork();
  };
  const write = (text: string): SendOutcome => {
    if (!outputOpen) return "closed";
    if (!corked) {
      corked = true;
      output.cork();
      setImmediate(uncork);
    }
    if (!output.write(text) && !waitingForDrain) {
      waitingForDrain = true;
      input.pause();
      output.once("drain", onDrain);
    }
    return "sent";
  };

  const connection = server.openConnection(options.kind ?? "stdio", {
    send: (frame) => write(`${frame.encode()}\n`),
    close: () => {
      input.off("data", onData);
      input.pause();
      if (!outputOpen) return resolveFinished();
      outputOpen = false;
      output.end(() => resolveFinished());
    },
  });

  const splitter = new LineSplitter(maxLineBytes, {
    line: (text) => connection.receiveText(text),
    oversized: (bytes) => {
      server.logger.warn({ connectionId: connection.id, bytes, maxLineBytes }, "dropping oversized message");
      const error = invalidRequestError(`message of ${bytes} bytes exceeds the limit of ${maxLineBytes} bytes`, {
        code: INPUT_TOO_LARGE_ERROR_CODE,
        maxBytes: maxLineBytes,
      });
      connection.rejectFrame(error);
    },
  });
  const onData = (chunk: Buffer | string): void => {
    splitter.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  };
  input.on("data", onData);
  input.once("end", () => {
    splitter.end();
    if (options.onInputEnd) options.onInputEnd(connection);
    else void connection.close();
  });
  input.once("error", () => void connection.close());
  output.once("error", (error: Error) => {
    server.logger.warn({ connectionId: connection.id, error: error.message }, "output stream failed");
    outputOpen = false;
    resolveFinished();
    void connection.close();
  });
  return { connection, finished };
}
