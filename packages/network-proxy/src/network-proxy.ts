import { chmod, unlink } from "node:fs/promises";
import type { Server, Socket } from "node:net";
import { createAdminServer } from "./admin-api.js";
import { BlockedRequestLog, formatBlockedLine, type BlockedRequest, type BlockedRequestInput } from "./blocked-log.js";
import { systemResolver } from "./connect-target.js";
import { createHttpProxyServer } from "./http-proxy-server.js";
import { closeServer, listenTcp, listenUnixSocket } from "./listen.js";
import { clampToLoopback, formatListenAddress, parseListenAddress, type ListenAddress, type ListenerName } from "./listen-address.js";
import { NetworkPolicy, type HostResolver, type NetworkPolicyDecider } from "./policy.js";
import type { ProxyContext } from "./proxy-context.js";
import {
  resolveNetworkProxySettings,
  type NetworkMode,
  type NetworkProxyConfigInput,
  type NetworkProxySettings,
} from "./settings.js";
import { createSocks5Server } from "./socks5-server.js";
import { NetworkProxyError } from "./errors.js";

export interface StartNetworkProxyOptions {
  /** The `[network_proxy]` table. Omitted keys take their defaults. */
  readonly config?: NetworkProxyConfigInput;
  /** Overrides `proxy_url` (e.g. "127.0.0.1:0"). */
  readonly http?: string;
  /** Overrides `admin_url`. */
  readonly admin?: string;
  /** Overrides `socks_url` and turns the SOCKS5 listener on. */
  readonly socks?: string;
  /** Also serve the HTTP proxy on this unix socket path (mode 0600, removed on close). */
  readonly listenUnix?: string;
  /** Source of fresh config for the admin API's `POST /reload`. */
  readonly loadConfig?: () => NetworkProxyConfigInput | Promise<NetworkProxyConfigInput>;
  /** Host name resolver (default: the system resolver). */
  readonly resolveHost?: HostResolver;
  /** Consulted only for allowlist misses; can allow, deny or ask. */
  readonly policyDecider?: NetworkPolicyDecider;
  /** Called for every blocked request, after it is recorded. */
  readonly onBlocked?: (entry: BlockedRequest) => void;
  /** One line per blocked request: true writes it to stderr, a function receives it. Default off. */
  readonly logBlocked?: boolean | ((line: string) => void);
  /** Operator warnings (loopback clamping, reload limits). Default: stderr. */
  readonly onWarning?: (message: string) => void;
}

/** A bound listener: IP, port, and the URL clients should use. */
export interface ListenerInfo {
  readonly host: string;
  readonly port: number;
  readonly url: string;
}

export interface NetworkProxyHandle {
  readonly httpAddress: ListenerInfo;
  readonly socksAddress?: ListenerInfo;
  readonly adminAddress: ListenerInfo;
  readonly unixPath?: string;
  /** The live policy (same object across reloads). */
  readonly policy: NetworkPolicy;
  setMode(mode: NetworkMode): void;
  /** Applies a new `[network_proxy]` table; listener addresses keep their startup values. */
  reload(config: NetworkProxyConfigInput): void;
  /** Buffered blocked requests, oldest first, without consuming them. */
  blocked(): BlockedRequest[];
  /** Buffered blocked requests, oldest first; empties the buffer. */
  drainBlocked(): BlockedRequest[];
  close(): Promise<void>;
}

const LISTENER_KEYS = [
  "proxy_url",
  "admin_url",
  "socks_url",
  "enable_socks5",
  "dangerously_allow_non_loopback_proxy",
  "dangerously_allow_non_loopback_admin",
] as const;

function info(address: ListenAddress, scheme: string): ListenerInfo {
  return { host: address.host, port: address.port, url: `${scheme}://${formatListenAddress(address)}` };
}

/** Starts the HTTP proxy, the admin API and (when enabled) the SOCKS5 listener. */
export async function startNetworkProxy(options: StartNetworkProxyOptions = {}): Promise<NetworkProxyHandle> {
  const warn = options.onWarning ?? ((message: string) => process.stderr.write(`codex-network-proxy: ${message}\n`));
  let settings = resolveNetworkProxySettings(options.config);
  if (options.socks !== undefined) settings = { ...settings, enable_socks5: true };
  const resolve = options.resolveHost ?? systemResolver;
  const policy = new NetworkPolicy(settings, resolve, options.policyDecider);
  const log = new BlockedRequestLog(options.onBlocked);
  const writeLine =
    options.logBlocked === true
      ? (line: string) => process.stderr.write(`${line}\n`)
      : typeof options.logBlocked === "function"
        ? options.logBlocked
        : undefined;
  const sockets = new Set<Socket>();
  let closing = false;
  const ctx: ProxyContext = {
    policy,
    log,
    resolve,
    track(socket) {
      if (closing) {
        socket.destroy();
        return;
      }
      if (sockets.has(socket)) return;
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    },
    recordBlocked(entry: BlockedRequestInput) {
      const recorded = log.record(entry);
      writeLine?.(formatBlockedLine(recorded));
    },
  };

  const address = (override: string | undefined, key: "proxy_url" | "admin_url" | "socks_url", port: number, listener: ListenerName): ListenAddress => {
    const parsed = parseListenAddress(override ?? settings[key], port, override !== undefined ? `--${listener === "proxy" ? "http" : listener}` : `network_proxy.${key}`);
    const allow = listener === "admin" ? settings.dangerously_allow_non_loopback_admin : settings.dangerously_allow_non_loopback_proxy;
    const clamped = clampToLoopback(parsed, allow, listener);
    if (clamped.warning !== undefined) warn(clamped.warning);
    return clamped.address;
  };
  const httpWanted = address(options.http, "proxy_url", 3128, "proxy");
  const adminWanted = address(options.admin, "admin_url", 8080, "admin");
  const socksWanted = settings.enable_socks5 ? address(options.socks, "socks_url", 8081, "socks") : undefined;

  const servers: Server[] = [];
  // Every accepted connection is tracked, idle keep-alive ones included, so close() never waits on a client.
  const adopt = <T extends Server>(server: T): T => {
    server.on("connection", (socket: Socket) => ctx.track(socket));
    servers.push(server);
    return server;
  };
  let unixPath: string | undefined;
  const shutdown = async (): Promise<void> => {
    closing = true;
    const closed = Promise.all(servers.map((server) => closeServer(server)));
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await closed;
    if (unixPath !== undefined) await unlink(unixPath).catch(() => undefined);
  };

  const reloadFrom = (config: NetworkProxyConfigInput): void => {
    const next = resolveNetworkProxySettings(config);
    const changed = LISTENER_KEYS.filter((key) => next[key] !== settings[key]);
    if (changed.length > 0) warn(`reload ignored ${changed.join(", ")}; restart the proxy to change listeners`);
    const kept: NetworkProxySettings = { ...next };
    for (const key of LISTENER_KEYS) Object.assign(kept, { [key]: settings[key] });
    settings = kept;
    policy.update(kept);
  };

  try {
    const httpServer = adopt(createHttpProxyServer(ctx));
    const httpBound = await listenTcp(httpServer, httpWanted, "pick another address with --http or network_proxy.proxy_url");
    if (options.listenUnix !== undefined) {
      const unixServer = adopt(createHttpProxyServer(ctx));
      await listenUnixSocket(unixServer, options.listenUnix);
      unixPath = options.listenUnix;
      await chmod(unixPath, 0o600);
    }
    let socksBound: ListenAddress | undefined;
    if (socksWanted !== undefined) {
      const socksServer = adopt(createSocks5Server(ctx));
      socksBound = await listenTcp(socksServer, socksWanted, "pick another address with --socks or network_proxy.socks_url");
    }
    const adminServer = adopt(createAdminServer({
      settings: () => policy.settings,
      patterns: () => policy.patterns(),
      blocked: () => log.snapshot(),
      drainBlocked: () => log.drain(),
      setMode: (mode) => policy.setMode(mode),
      reload: async () => {
        if (options.loadConfig === undefined) {
          throw new NetworkProxyError("INVALID_NETWORK_PROXY_CONFIG", "no config source to reload from; start the proxy with --config FILE");
        }
        reloadFrom(await options.loadConfig());
      },
    }));
    const adminBound = await listenTcp(adminServer, adminWanted, "pick another address with --admin or network_proxy.admin_url");
    return {
      httpAddress: info(httpBound, "http"),
      socksAddress: socksBound === undefined ? undefined : info(socksBound, "socks5h"),
      adminAddress: info(adminBound, "http"),
      unixPath,
      policy,
      setMode: (mode) => policy.setMode(mode),
      reload: reloadFrom,
      blocked: () => log.snapshot(),
      drainBlocked: () => log.drain(),
      close: shutdown,
    };
  } catch (error) {
    await shutdown();
    throw error;
  }
}
