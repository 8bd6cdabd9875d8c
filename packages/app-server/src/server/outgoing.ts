// What a connection sends, and the transport-side sink it goes to.
import { encodeMessage, type OutgoingMessage } from "@codex-ts/app-server-protocol/envelope";

/** Which transport a connection came in on. */
export type ConnectionKind = "stdio" | "websocket" | "unix" | "in-process";

/**
 * One outgoing message. The wire text is computed on first use and shared, so a broadcast is serialised
 * once however many connections receive it; in-process connections never serialise.
 */
export class OutgoingFrame {
  private text: string | undefined;

  constructor(readonly message: OutgoingMessage) {}

  encode(): string {
    if (this.text === undefined) this.text = encodeMessage(this.message);
    return this.text;
  }
}

/**
 * `sent`: handed to the transport. `overflow`: the transport's outbound queue passed its bound (the server
 * disconnects the connection). `closed`: the transport is gone.
 */
export type SendOutcome = "sent" | "overflow" | "closed";

/** Why a connection is being closed by the server. */
export type CloseReason = "peer-closed" | "slow-consumer" | "shutdown" | "protocol-error";

/** The transport side of a connection. */
export interface ConnectionSink {
  send(frame: OutgoingFrame): SendOutcome;
  /** Closes the transport; called once, after the server stopped using the connection. */
  close(reason: CloseReason): void;
}
