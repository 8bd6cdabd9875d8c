import { isIPv4, isIPv6 } from "node:net";
import { domainToASCII } from "node:url";

/** What a normalised host is: a DNS name or an IP literal. */
export type HostKind = "domain" | "ipv4" | "ipv6";

/**
 * A host in canonical form. `name` is lower-case ASCII (IDN as punycode) without a trailing dot for
 * domains, dotted-quad for IPv4 (whatever spelling came in: `0x7f.1`, `2130706433`, `0177.0.0.1`),
 * and the compressed lower-case form without brackets for IPv6.
 */
export interface NormalizedHost {
  readonly name: string;
  readonly kind: HostKind;
}

/** A host and port taken from a request target such as `example.com:443` or `[::1]:80`. */
export interface HostAndPort {
  readonly host: NormalizedHost;
  readonly port: number;
}

// Characters that must never appear in a host we route to. The WHATWG parser would silently cut
// or reinterpret some of them (`ex/ample` becomes `ex`), which is exactly how a spelling slips past
// a policy, so they are refused before parsing.
const FORBIDDEN_HOST_CHARS = /[\s/\\?#@:%[\]<>^|"'`{}\u0000-\u001f\u007f]/u;

/** Canonicalises an IPv6 literal (no brackets) or returns undefined when it is not one. */
function canonicalIpv6(literal: string): string | undefined {
  if (!isIPv6(literal)) return undefined;
  try {
    return new URL(`http://[${literal}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

/**
 * Normalises a bare host (no port). Accepts `Example.COM.`, `bücher.de`, `[::1]`, `::1`, `0x7f.1`.
 * Returns undefined for anything that is not a valid host, so callers block it.
 */
export function normalizeHost(input: string): NormalizedHost | undefined {
  let host = input.trim();
  if (host.length === 0 || host.length > 1024) return undefined;
  if (host.startsWith("[") && host.endsWith("]")) {
    const v6 = canonicalIpv6(host.slice(1, -1));
    return v6 === undefined ? undefined : { name: v6, kind: "ipv6" };
  }
  if (host.includes(":")) {
    const v6 = canonicalIpv6(host);
    return v6 === undefined ? undefined : { name: v6, kind: "ipv6" };
  }
  host = host.replace(/\.+$/u, "");
  if (host.length === 0 || FORBIDDEN_HOST_CHARS.test(host)) return undefined;
  // Unicode full stops (U+3002, U+FF0E) become "." only here, so trailing dots are stripped again.
  const ascii = domainToASCII(host).replace(/\.+$/u, "");
  if (ascii.length === 0 || ascii.length > 253 || FORBIDDEN_HOST_CHARS.test(ascii)) return undefined;
  if (isIPv4(ascii)) return { name: ascii, kind: "ipv4" };
  const labels = ascii.split(".");
  if (labels.some((label) => label.length === 0 || label.length > 63)) return undefined;
  return { name: ascii, kind: "domain" };
}

/** Formats a host for an authority: IPv6 gets brackets. */
export function formatHost(host: NormalizedHost): string {
  return host.kind === "ipv6" ? `[${host.name}]` : host.name;
}

/** Formats `host:port` with IPv6 brackets. */
export function formatHostPort(host: NormalizedHost, port: number): string {
  return `${formatHost(host)}:${port}`;
}

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/u.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

/**
 * Splits and normalises an authority (`host:port`, `[v6]:port`, or a bare host when
 * `defaultPort` is given). Returns undefined when the host or port is invalid.
 */
export function parseAuthority(authority: string, defaultPort?: number): HostAndPort | undefined {
  const text = authority.trim();
  let hostText: string;
  let portText: string | undefined;
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    if (end < 0) return undefined;
    hostText = text.slice(0, end + 1);
    const rest = text.slice(end + 1);
    if (rest.length > 0) {
      if (!rest.startsWith(":")) return undefined;
      portText = rest.slice(1);
    }
  } else {
    const colons = text.split(":").length - 1;
    if (colons > 1) return undefined; // unbracketed IPv6 is ambiguous in an authority
    const at = text.lastIndexOf(":");
    hostText = at < 0 ? text : text.slice(0, at);
    portText = at < 0 ? undefined : text.slice(at + 1);
  }
  const port = portText === undefined ? defaultPort : parsePort(portText);
  if (port === undefined) return undefined;
  const host = normalizeHost(hostText);
  return host === undefined ? undefined : { host, port };
}
