// JSON-RPC over a pair of byte streams, one message per line (a spawned server's stdin and stdout).
import type { Readable, Writable } from "node:stream";
import { encodeMessage } from "@codex-ts/app-server-protocol";
import type { ClientTransport, TransportCloseInfo, TransportEvents } from "../transport.js";

export interface JsonlStreamOptions {
  /** The server's output (its stdout). */
  input: Readable;
  /** The server's input (its stdin). */
  output: Writable;
  /** Ends the streams and resolves when the peer is gone; default ends `output` and waits for `input` to end. */
  close?: () => Promise<TransportCloseInfo>;
}

export function jsonlStreamTransport(options: JsonlStreamOptions): ClientTransport {
  const { input, output } = options;
  let events: TransportEvents | undefined;
  let buffered = "";
  let closed = false;
  let closing: Promise<void> | undefined;
  const inputEnded = new Promise<void>((resolve) => input.once("close", resolve).once("end", resolve));

  const finish = (info: TransportCloseInfo): void => {
    if (closed) return;
    closed = true;
    events?.close(info);
  };
  const deliver = (line: string): void => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      events?.malformed?.(line);
      return;
    }
    events?.message(value);
  };
  const write = (text: string): void => {
    if (closed || output.destroyed || output.writableEnded) return;
    output.write(`${text}\n`);
  };
  output.on("error", () => undefined);
  return {
    start(handlers) {
      events = handlers;
      input.setEncoding("utf8");
      input.on("data", (chunk: string) => {
        buffered += chunk;
        let newline = buffered.indexOf("\n");
        while (newline >= 0) {
          deliver(buffered.slice(0, newline));
          buffered = buffered.slice(newline + 1);
          newline = buffered.indexOf("\n");
        }
      });
      void inputEnded.then(() => {
        if (buffered !== "") deliver(buffered);
        buffered = "";
        if (!closing) finish({ reason: "server output ended" });
      });
    },
    send(message) {
      write(encodeMessage(message));
    },
    sendText(text) {
      write(text);
    },
    close() {
      closing ??= (async () => {
        const info = options.close ? await options.close() : await (async () => {
          output.end();
          await inputEnded;
          return { reason: "closed by client" };
        })();
        finish(info);
      })();
      return closing;
    },
  };
}
