import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { rawBlockedConnectResponse, rawTextResponse } from "./block-response.js";
import { connectToTarget } from "./connect-target.js";
import { parseAuthority } from "./host.js";
import type { DecisionSource } from "./policy.js";
import { clientAddress, spliceSockets, type ProxyContext } from "./proxy-context.js";

function refuse(socket: Socket, response: string): void {
  if (!socket.destroyed) socket.end(response);
}

/** Handles `CONNECT host:port`: policy, then a raw TCP tunnel to the checked address. */
export async function handleConnect(ctx: ProxyContext, req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
  ctx.track(socket);
  socket.on("error", () => socket.destroy());
  const client = clientAddress(socket);
  const target = parseAuthority(req.url ?? "", 443);
  if (target === undefined) {
    refuse(socket, rawTextResponse(400, "Bad Request", "invalid CONNECT target; expected host:port"));
    return;
  }
  const { host, port } = target;
  const blocked = (reason: string, source: DecisionSource, decision: "deny" | "ask", limited: boolean): void => {
    ctx.recordBlocked({
      host: host.name,
      port,
      reason,
      client,
      method: "CONNECT",
      mode: limited ? "limited" : null,
      protocol: "http-connect",
      decision,
      source,
    });
    refuse(socket, rawBlockedConnectResponse({ decision, reason, source, protocol: "https_connect", host: host.name, port }));
  };
  if (!ctx.policy.enabled) {
    ctx.recordBlocked({
      host: host.name,
      port,
      reason: "proxy_disabled",
      client,
      method: "CONNECT",
      mode: null,
      protocol: "http-connect",
      decision: "deny",
      source: "proxy_state",
    });
    refuse(socket, rawTextResponse(503, "Service Unavailable", "proxy disabled"));
    return;
  }
  const decision = await ctx.policy.evaluate(host, { protocol: "https_connect", port, client: client ?? undefined, method: "CONNECT" });
  if (!decision.allowed) {
    blocked(decision.reason, decision.source, decision.decision, false);
    return;
  }
  // A tunnel hides the methods inside it, so limited mode cannot allow one.
  if (!ctx.policy.allowsMethod("CONNECT")) {
    blocked("method_not_allowed", "mode_guard", "deny", true);
    return;
  }
  let upstream: Socket;
  try {
    upstream = await connectToTarget(host, port, decision.addresses, ctx.resolve);
  } catch {
    refuse(socket, rawTextResponse(502, "Bad Gateway", "upstream failure"));
    return;
  }
  if (socket.destroyed) {
    upstream.destroy();
    return;
  }
  ctx.track(upstream);
  socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
  if (head.length > 0) upstream.write(head);
  spliceSockets(socket, upstream);
}
