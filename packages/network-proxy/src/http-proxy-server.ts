import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { handleConnect } from "./http-connect.js";
import { handleAbsoluteRequest } from "./http-forward.js";
import type { ProxyContext } from "./proxy-context.js";

/** An HTTP proxy server (absolute-form requests and CONNECT) bound to the shared context. */
export function createHttpProxyServer(ctx: ProxyContext): Server {
  // requestTimeout 0: a long upload through the proxy is the client's business, not a reason to cut it.
  const server = createServer({ requireHostHeader: false, requestTimeout: 0 }, (req, res) => {
    ctx.track(req.socket);
    handleAbsoluteRequest(ctx, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("error");
    });
  });
  server.on("connect", (req, socket, head) => {
    handleConnect(ctx, req, socket as Socket, head).catch(() => socket.destroy());
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
    else socket.destroy();
  });
  return server;
}
