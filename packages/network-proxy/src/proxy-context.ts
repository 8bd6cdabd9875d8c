import type { Socket } from "node:net";
import type { BlockedRequestInput, BlockedRequestLog } from "./blocked-log.js";
import type { HostResolver, NetworkPolicy } from "./policy.js";

/** What every listener shares: the live policy, the blocked log, the resolver and socket tracking. */
export interface ProxyContext {
  readonly policy: NetworkPolicy;
  readonly log: BlockedRequestLog;
  readonly resolve: HostResolver;
  /** Registers a socket so `close()` can destroy it; it is forgotten once closed. */
  track(socket: Socket): void;
  /** Records a blocked request (and writes its stderr line when logging is on). */
  recordBlocked(entry: BlockedRequestInput): void;
}

/** `ip:port` of a socket's peer, "unix" for unix-socket clients, null when unknown. */
export function clientAddress(socket: Socket): string | null {
  if (socket.remoteAddress === undefined) return socket.localPort === undefined ? "unix" : null;
  const host = socket.remoteAddress.includes(":") ? `[${socket.remoteAddress}]` : socket.remoteAddress;
  return `${host}:${socket.remotePort ?? 0}`;
}

/** Pipes two sockets both ways; an error or close on either side tears down both. */
export function spliceSockets(a: Socket, b: Socket): void {
  const teardown = (): void => {
    a.destroy();
    b.destroy();
  };
  a.on("error", teardown);
  b.on("error", teardown);
  a.on("close", teardown);
  b.on("close", teardown);
  a.pipe(b);
  b.pipe(a);
}
