import { createServer, type Server, type Socket } from "node:net";
import { Socks5Server } from "@pondwader/socks5-server";
import { connectToTarget, TargetConnectError } from "./connect-target.js";
import { normalizeHost } from "./host.js";
import type { DecisionSource } from "./policy.js";
import { clientAddress, spliceSockets, type ProxyContext } from "./proxy-context.js";
import { startUdpAssociation } from "./socks5-udp.js";

type SocksStatus =
  | "REQUEST_GRANTED"
  | "GENERAL_FAILURE"
  | "CONNECTION_NOT_ALLOWED"
  | "NETWORK_UNREACHABLE"
  | "HOST_UNREACHABLE"
  | "CONNECTION_REFUSED"
  | "COMMAND_NOT_SUPPORTED"
  | "ADDRESS_TYPE_NOT_SUPPORTED";

interface SocksConnection {
  socket: Socket;
  destAddress: string;
  destPort: number;
  command: "connect" | "bind" | "udp";
}

function statusForConnectError(error: unknown): SocksStatus {
  const code = error instanceof TargetConnectError ? error.code : "";
  switch (code) {
    case "ECONNREFUSED":
      return "CONNECTION_REFUSED";
    case "ENETUNREACH":
      return "NETWORK_UNREACHABLE";
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return "HOST_UNREACHABLE";
    default:
      return "GENERAL_FAILURE";
  }
}

async function handleSocksConnection(ctx: ProxyContext, conn: SocksConnection, sendStatus: (status: SocksStatus) => void): Promise<void> {
  const { socket } = conn;
  socket.on("error", () => socket.destroy());
  const client = clientAddress(socket);
  const udp = conn.command === "udp";
  if (conn.command === "bind" || (udp && !ctx.policy.settings.enable_socks5_udp)) {
    sendStatus("COMMAND_NOT_SUPPORTED");
    return;
  }
  const host = normalizeHost(conn.destAddress);
  if (host === undefined) {
    sendStatus("HOST_UNREACHABLE");
    return;
  }
  const port = conn.destPort;
  const refuse = (reason: string, source: DecisionSource, decision: "deny" | "ask", limited: boolean): void => {
    ctx.recordBlocked({
      host: host.name,
      port,
      reason,
      client,
      method: null,
      mode: limited ? "limited" : null,
      protocol: udp ? "socks5-udp" : "socks5",
      decision,
      source,
    });
    sendStatus("CONNECTION_NOT_ALLOWED");
  };
  if (!ctx.policy.enabled) return refuse("proxy_disabled", "proxy_state", "deny", false);
  // SOCKS5 carries arbitrary protocols, so limited (read-only) mode refuses it outright.
  if (ctx.policy.mode === "limited") return refuse("method_not_allowed", "mode_guard", "deny", true);
  if (udp) {
    // The request names the client's own sending address; destinations are checked per datagram.
    await startUdpAssociation(ctx, socket, client).catch(() => sendStatus("GENERAL_FAILURE"));
    return;
  }
  const decision = await ctx.policy.evaluate(host, { protocol: "socks5_tcp", port, client: client ?? undefined });
  if (!decision.allowed) return refuse(decision.reason, decision.source, decision.decision, false);
  let upstream: Socket;
  try {
    upstream = await connectToTarget(host, port, decision.addresses, ctx.resolve);
  } catch (error) {
    sendStatus(statusForConnectError(error));
    return;
  }
  if (socket.destroyed) {
    upstream.destroy();
    return;
  }
  ctx.track(upstream);
  sendStatus("REQUEST_GRANTED");
  spliceSockets(socket, upstream);
}

/** A SOCKS5 listener (no authentication; CONNECT, and UDP ASSOCIATE when enabled) on the shared policy. */
export function createSocks5Server(ctx: ProxyContext): Server {
  const socks = new Socks5Server();
  socks.supportedCommands.add("udp");
  socks.setConnectionHandler((conn, sendStatus) => {
    const typed = conn as unknown as SocksConnection;
    handleSocksConnection(ctx, typed, sendStatus).catch(() => typed.socket.destroy());
  });
  return createServer({ noDelay: true }, (socket) => {
    ctx.track(socket);
    socket.on("error", () => socket.destroy());
    socks._handleConnection(socket);
  });
}
