import { isIP, isIPv6 } from "node:net";
import { NetworkProxyError } from "./errors.js";
import { isLoopbackIp } from "./ip-range.js";

/** An address to listen on: an IP literal (no brackets) and a port (0 = any free port). */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/** Which listener an address belongs to; names the flag that unlocks non-loopback binds. */
export type ListenerName = "proxy" | "socks" | "admin";

function badAddress(key: string, value: string): NetworkProxyError {
  return new NetworkProxyError(
    "INVALID_LISTEN_ADDRESS",
    `${key} ${JSON.stringify(value)} is not a valid listen address; use host:port like 127.0.0.1:3128`,
  );
}

/**
 * Parses `http://127.0.0.1:3128`, `127.0.0.1:3128`, `[::1]:3128`, `localhost:3128` or a bare IPv6
 * literal. Any scheme, userinfo and path are ignored; `localhost` and other names bind to 127.0.0.1.
 */
export function parseListenAddress(value: string, defaultPort: number, key: string): ListenAddress {
  let text = value.trim();
  if (text.length === 0) throw badAddress(key, value);
  if (isIPv6(text)) return { host: text, port: defaultPort };
  const scheme = text.indexOf("://");
  if (scheme >= 0) text = text.slice(scheme + 3);
  text = text.split("/")[0] ?? "";
  text = text.slice(text.lastIndexOf("@") + 1);
  let host: string;
  let portText: string | undefined;
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    if (end < 0) throw badAddress(key, value);
    host = text.slice(1, end);
    const rest = text.slice(end + 1);
    if (rest.length > 0 && !rest.startsWith(":")) throw badAddress(key, value);
    portText = rest.length > 0 ? rest.slice(1) : undefined;
  } else {
    const parts = text.split(":");
    if (parts.length > 2) throw badAddress(key, value);
    host = parts[0] ?? "";
    portText = parts[1];
  }
  if (host.length === 0) throw badAddress(key, value);
  let port = defaultPort;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/u.test(portText) || Number(portText) > 65535) throw badAddress(key, value);
    port = Number(portText);
  }
  return { host: isIP(host) !== 0 ? host : "127.0.0.1", port };
}

const DANGER_FLAG: Record<ListenerName, string> = {
  proxy: "dangerously_allow_non_loopback_proxy",
  socks: "dangerously_allow_non_loopback_proxy",
  admin: "dangerously_allow_non_loopback_admin",
};

/**
 * Keeps a listener on loopback unless non-loopback binds are explicitly allowed. Returns the address
 * to bind and, when it clamped, a warning sentence for the operator.
 */
export function clampToLoopback(
  address: ListenAddress,
  allowNonLoopback: boolean,
  listener: ListenerName,
): { address: ListenAddress; warning?: string } {
  if (isLoopbackIp(address.host) || allowNonLoopback) return { address };
  return {
    address: { host: "127.0.0.1", port: address.port },
    warning: `${listener} listener asked for non-loopback address ${address.host}; bound to 127.0.0.1 instead (set network_proxy.${DANGER_FLAG[listener]} = true to allow it)`,
  };
}

/** `127.0.0.1:3128` or `[::1]:3128`. */
export function formatListenAddress(address: ListenAddress): string {
  return isIPv6(address.host) ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}
