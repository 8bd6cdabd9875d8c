import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { blockedHeaderValue } from "./block-response.js";
import { connectToTarget } from "./connect-target.js";
import { formatHost, parseAuthority } from "./host.js";
import { clientAddress, type ProxyContext } from "./proxy-context.js";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Copies raw header pairs minus hop-by-hop ones and those named in `Connection`. */
export function endToEndHeaders(rawHeaders: readonly string[], drop: readonly string[] = []): string[] {
  const listed = new Set<string>(drop);
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === "connection") {
      for (const token of (rawHeaders[i + 1] ?? "").split(",")) listed.add(token.trim().toLowerCase());
    }
  }
  const out: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? "";
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || listed.has(lower)) continue;
    out.push(name, rawHeaders[i + 1] ?? "");
  }
  return out;
}

function sendText(res: ServerResponse, status: number, body: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "content-type": "text/plain", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function sendBlocked(res: ServerResponse, host: string, reason: string): void {
  const body = JSON.stringify({ status: "blocked", host, reason });
  res.writeHead(403, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "x-proxy-error": blockedHeaderValue(reason),
  });
  res.end(body);
}

/** Splits `http://authority/path` without the WHATWG parser's silent rewrites. */
function splitAbsoluteTarget(url: string): { scheme: string; authority: string; path: string } | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/iu.exec(url);
  if (match === null) return undefined;
  const path = match[3] ?? "";
  return { scheme: (match[1] ?? "").toLowerCase(), authority: match[2] ?? "", path: path.startsWith("/") ? path : `/${path}` };
}

/** Handles an absolute-form request (`GET http://host/path`): policy, then forwards it. */
export async function handleAbsoluteRequest(ctx: ProxyContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? "GET";
  const client = clientAddress(req.socket);
  const target = splitAbsoluteTarget(req.url ?? "");
  if (target === undefined) {
    sendText(res, 400, "expected an absolute-form request such as GET http://host/path; use this address as an HTTP proxy");
    return;
  }
  if (target.scheme !== "http") {
    sendText(res, 400, `unsupported scheme ${target.scheme}; use CONNECT for https`);
    return;
  }
  const parsed = target.authority.includes("@") ? undefined : parseAuthority(target.authority, 80);
  if (parsed === undefined) {
    sendText(res, 400, "invalid host in request target");
    return;
  }
  const { host, port } = parsed;
  const record = (reason: string, source: "baseline_policy" | "mode_guard" | "proxy_state" | "decider", decision: "deny" | "ask", limited: boolean): void =>
    ctx.recordBlocked({ host: host.name, port, reason, client, method, mode: limited ? "limited" : null, protocol: "http", decision, source });
  if (!ctx.policy.enabled) {
    record("proxy_disabled", "proxy_state", "deny", false);
    sendText(res, 503, "proxy disabled");
    return;
  }
  const decision = await ctx.policy.evaluate(host, { protocol: "http", port, client: client ?? undefined, method });
  if (!decision.allowed) {
    record(decision.reason, decision.source, decision.decision, false);
    sendBlocked(res, host.name, decision.reason);
    return;
  }
  if (!ctx.policy.allowsMethod(method)) {
    record("method_not_allowed", "mode_guard", "deny", true);
    sendBlocked(res, host.name, "method_not_allowed");
    return;
  }
  let socket: Socket;
  try {
    socket = await connectToTarget(host, port, decision.addresses, ctx.resolve);
  } catch {
    sendText(res, 502, "upstream failure");
    return;
  }
  ctx.track(socket);
  const headers = endToEndHeaders(req.rawHeaders, ["host"]);
  headers.push("Host", port === 80 ? formatHost(host) : `${formatHost(host)}:${port}`);
  const upstreamReq = httpRequest({
    method,
    path: target.path,
    headers: headers as unknown as OutgoingHttpHeaders,
    setHost: false,
    createConnection: () => socket,
  });
  upstreamReq.on("response", (upstreamRes) => {
    res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, endToEndHeaders(upstreamRes.rawHeaders) as unknown as OutgoingHttpHeaders);
    upstreamRes.pipe(res);
    upstreamRes.on("error", () => res.destroy());
  });
  upstreamReq.on("error", () => sendText(res, 502, "upstream failure"));
  res.on("close", () => {
    if (!res.writableFinished) upstreamReq.destroy();
  });
  req.pipe(upstreamReq);
}
