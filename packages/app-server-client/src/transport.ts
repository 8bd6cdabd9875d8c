// What the client needs from a transport.
import type { OutgoingMessage } from "@codex-ts/app-server-protocol";

export interface TransportCloseInfo {
  /** WebSocket close code or process exit code, when there is one. */
  code?: number | null;
  reason?: string;
  error?: Error;
}

export interface TransportEvents {
  /** One incoming message: a parsed JSON value (or, in-process, the server's object). */
  message(value: unknown): void;
  /** Text that was not JSON (serialising transports only). */
  malformed?(text: string): void;
  close(info: TransportCloseInfo): void;
}

export interface ClientTransport {
  /** Begins delivering events; called once by the client. */
  start(events: TransportEvents): void;
  send(message: OutgoingMessage): void;
  /** Sends one raw text frame as is (serialising transports only). */
  sendText?(text: string): void;
  /** Closes the transport; resolves once it is closed. */
  close(): Promise<void>;
}
