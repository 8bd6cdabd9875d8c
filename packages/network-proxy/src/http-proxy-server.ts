import { createServer, type Server } from "node:http";
import { handleConnect } from "./http-connect.js";
import { handleAbsoluteRequest } from "./http-forward.js";
import type { ProxyContext } from "./proxy-context.js";

/** An HTTP proxy server (absolute-form requests and CONNECT) bound to the shared context. */
export function createHttpProxyServer(ctx: ProxyContext): Server {
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    ctx.track(req.socket);
    handleAbsoluteRequest(ctx, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("error");
    });
  });
  server.on("connect", (req, socket, head) => {
    handleConnect(ctx, req, socket as import("node:net").Socket, head).catch(() => socket.destroy());
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
    else socket.destroy();
  });
  return server;
}
