// `--listen URL`: `stdio://` (default), `unix://`, `unix://PATH`, `ws://IP:PORT`, or `off`.
import { isIP } from "node:net";
import path from "node:path";

export type ListenTarget =
  | { kind: "stdio" }
  | { kind: "unix"; socketPath?: string }
  | { kind: "websocket"; host: string; port: number }
  | { kind: "off" };

export const DEFAULT_LISTEN_URL = "stdio://";

/** A `--listen` value that cannot be used; the message is the upstream text. */
export class ListenUrlError extends Error {
  readonly code = "INVALID_LISTEN_URL";

  constructor(message: string) {
    super(message);
    this.name = "ListenUrlError";
  }
}

/**
 * Parses a `--listen` URL. `unix://` without a path means the default control socket (resolved later from
 * CODEX_HOME); a relative socket path resolves against `cwd`. WebSocket addresses must be IP literals.
 */
export function parseListenUrl(url: string, cwd: string = process.cwd()): ListenTarget {
  if (url === DEFAULT_LISTEN_URL) return { kind: "stdio" };
  if (url === "off") return { kind: "off" };
  if (url.startsWith("unix://")) {
    const raw = url.slice("unix://".length);
    return raw === "" ? { kind: "unix" } : { kind: "unix", socketPath: path.resolve(cwd, raw) };
  }
  if (url.startsWith("ws://")) {
    const address = url.slice("ws://".length);
    const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(address);
    const host = match?.[1] ?? match?.[2];
    const port = Number(match?.[3]);
    const family = host === undefined ? 0 : isIP(host);
    if (host === undefined || family === 0 || (match?.[1] !== undefined) !== (family === 6) || port > 65535) {
      throw new ListenUrlError(`invalid websocket --listen URL \`${url}\`; expected \`ws://IP:PORT\``);
    }
    return { kind: "websocket", host, port };
  }
  throw new ListenUrlError(
    `unsupported --listen URL \`${url}\`; expected \`stdio://\`, \`unix://\`, \`unix://PATH\`, \`ws://IP:PORT\`, or \`off\``,
  );
}

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase();
  if (lower === "::1") return true;
  const v4 = lower.startsWith("::ffff:") ? lower.slice("::ffff:".length) : lower;
  return isIP(v4) === 4 && v4.startsWith("127.");
}

/** `host:port` with brackets around IPv6 literals. */
export function formatHostPort(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
