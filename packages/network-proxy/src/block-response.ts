import type { DecisionSource, PolicyProtocol } from "./policy.js";

/** Value of the `x-proxy-error` header on a 403 from the proxy. */
export function blockedHeaderValue(reason: string): string {
  switch (reason) {
    case "not_allowed":
    case "not_allowed_local":
      return "blocked-by-allowlist";
    case "denied":
      return "blocked-by-denylist";
    case "method_not_allowed":
      return "blocked-by-method-policy";
    default:
      return "blocked-by-policy";
  }
}

/** One sentence telling the client what was blocked and what would unblock it. */
export function blockedMessage(reason: string): string {
  switch (reason) {
    case "not_allowed":
      return "Network request blocked: the host is not in network_proxy.allowed_domains; add it there to allow it.";
    case "not_allowed_local":
      return "Network request blocked: local and private addresses need network_proxy.allow_local_binding or an exact allowed_domains entry.";
    case "denied":
      return "Network request blocked: the host matches network_proxy.denied_domains.";
    case "method_not_allowed":
      return "Network request blocked: limited network mode allows only GET, HEAD and OPTIONS over plain HTTP.";
    case "proxy_disabled":
      return "Network request blocked: the network proxy is disabled.";
    default:
      return "Network request blocked by the network policy.";
  }
}

export interface PolicyDecisionLine {
  readonly decision: "deny" | "ask";
  readonly reason: string;
  readonly source: DecisionSource;
  readonly protocol: PolicyProtocol;
  readonly host: string;
  readonly port: number;
}

/** The machine-readable first line of a blocked tunnel's body (same marker and fields as upstream). */
export function policyDecisionLine(details: PolicyDecisionLine): string {
  const payload = {
    decision: details.decision,
    reason: details.reason,
    source: details.source,
    protocol: details.protocol,
    host: details.host,
    port: details.port,
  };
  return `CODEX_NETWORK_POLICY_DECISION ${JSON.stringify(payload)}`;
}

/** A raw HTTP/1.1 403 response for a refused CONNECT, written straight to the client socket. */
export function rawBlockedConnectResponse(details: PolicyDecisionLine): string {
  const body = `${policyDecisionLine(details)}\n${blockedMessage(details.reason)}`;
  return [
    "HTTP/1.1 403 Forbidden",
    "content-type: text/plain",
    `x-proxy-error: ${blockedHeaderValue(details.reason)}`,
    `content-length: ${Buffer.byteLength(body)}`,
    "connection: close",
    "",
    body,
  ].join("\r\n");
}

/** A raw HTTP/1.1 response with a short text body (errors before a tunnel is established). */
export function rawTextResponse(status: number, statusText: string, body: string): string {
  return [
    `HTTP/1.1 ${status} ${statusText}`,
    "content-type: text/plain",
    `content-length: ${Buffer.byteLength(body)}`,
    "connection: close",
    "",
    body,
  ].join("\r\n");
}
