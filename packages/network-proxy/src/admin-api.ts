import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { isIP } from "node:net";
import type { BlockedRequest } from "./blocked-log.js";
import { isNetworkProxyError } from "./errors.js";
import type { NetworkMode, NetworkProxySettings } from "./settings.js";

const BODY_LIMIT = 8 * 1024;

/** What the admin API can see and change. */
export interface AdminActions {
  settings(): NetworkProxySettings;
  patterns(): { allowed: string[]; denied: string[] };
  blocked(): BlockedRequest[];
  drainBlocked(): BlockedRequest[];
  setMode(mode: NetworkMode): void;
  /** Reloads from the configured source; rejects with a sentence when there is none or it is invalid. */
  reload(): Promise<void>;
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "text/plain", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function json(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Refuses requests whose Host is a DNS name other than localhost: a web page that rebinds its own
 * name to 127.0.0.1 must not be able to drive this unauthenticated API.
 */
function hostHeaderAcceptable(req: IncomingMessage): boolean {
  const value = req.headers.host;
  if (value === undefined) return true;
  const host = value.startsWith("[") ? value.slice(1, value.indexOf("]")) : (value.split(":")[0] ?? "");
  return host.toLowerCase() === "localhost" || isIP(host) !== 0;
}

function readBody(req: IncomingMessage): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        // Stop buffering but keep reading, so the 413 reaches the client before the socket closes.
        req.off("data", onData);
        req.resume();
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function setModeRoute(actions: AdminActions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  if (body === "too-large") {
    res.setHeader("connection", "close");
    return text(res, 413, "body too large");
  }
  if (body.length === 0) return text(res, 400, "missing body");
  let mode: unknown;
  try {
    mode = (JSON.parse(body.toString("utf8")) as { mode?: unknown }).mode;
  } catch {
    return text(res, 400, "invalid json");
  }
  if (mode !== "full" && mode !== "limited") return text(res, 400, 'mode must be "full" or "limited"');
  actions.setMode(mode);
  json(res, { status: "ok", mode });
}

async function route(actions: AdminActions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!hostHeaderAcceptable(req)) return text(res, 403, "admin API accepts only IP or localhost Host headers");
  const url = new URL(req.url ?? "/", "http://admin.invalid");
  const key = `${req.method ?? "GET"} ${url.pathname}`;
  switch (key) {
    case "GET /health":
      return text(res, 200, "ok");
    case "GET /config":
      return json(res, { network_proxy: actions.settings() });
    case "GET /patterns":
      return json(res, actions.patterns());
    case "GET /blocked": {
      const peek = url.searchParams.get("drain") === "false";
      return json(res, { blocked: peek ? actions.blocked() : actions.drainBlocked() });
    }
    case "POST /mode":
      return setModeRoute(actions, req, res);
    case "POST /reload":
      try {
        await actions.reload();
        return json(res, { status: "reloaded" });
      } catch (error) {
        const detail = isNetworkProxyError(error) ? `: ${error.message}` : "";
        return text(res, 500, `reload failed${detail}`);
      }
    default:
      return text(res, 404, "not found");
  }
}

/** The admin HTTP API: health, config, patterns, blocked log, mode switch and reload. */
export function createAdminServer(actions: AdminActions): Server {
  return createServer((req, res) => {
    route(actions, req, res).catch(() => {
      if (!res.headersSent) text(res, 500, "error");
      else res.destroy();
    });
  });
}
