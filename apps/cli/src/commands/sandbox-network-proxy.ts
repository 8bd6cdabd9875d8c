import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  type BlockedRequest,
  type NetworkProxyConfigInput,
  type NetworkProxyHandle,
  startNetworkProxy,
} from "@codex-ts/network-proxy";
import type { CliIo } from "../io.js";

/** Signals that must not kill `codex sandbox` before the proxy is closed and its socket removed. */
const GUARDED_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"];

/** Longest unix socket path we create (the kernel limit is 108 bytes including the terminator). */
const MAX_SOCKET_PATH = 100;

const SOCKET_NAME = "proxy.sock";

/** What each block reason means for the user, naming the key that would change the outcome. */
const REASON_HINTS: Record<string, string> = {
  not_allowed: "not in network_proxy.allowed_domains",
  not_allowed_local: "a local or private address; name it exactly in allowed_domains or set allow_local_binding",
  denied: "matches network_proxy.denied_domains",
  method_not_allowed: 'network_proxy.mode is "limited"',
  proxy_disabled: "the proxy is disabled",
};

/** One stderr line for a blocked request, e.g. `network proxy blocked GET example.com:80 (not_allowed: ...)`. */
export function formatBlockedRequest(entry: BlockedRequest): string {
  const host = entry.host.includes(":") ? `[${entry.host}]` : entry.host;
  const what = entry.method ?? entry.protocol;
  const hint = REASON_HINTS[entry.reason];
  return `network proxy blocked ${what} ${host}:${entry.port} (${entry.reason}${hint === undefined ? "" : `: ${hint}`})`;
}

/**
 * The proxy settings `codex sandbox` uses: the policy keys of `[network_proxy]` as configured; the listeners are
 * its own (the sandbox reaches the proxy through the unix socket only), so SOCKS5 stays off.
 */
export function sandboxProxyConfig(table: NetworkProxyConfigInput): NetworkProxyConfigInput {
  return { ...table, enabled: true, enable_socks5: false, enable_socks5_udp: false };
}

/** A private 0700 directory for the proxy's socket, short enough for a unix socket path. */
async function makeSocketDir(env: NodeJS.ProcessEnv): Promise<string> {
  const preferred = env.TMPDIR !== undefined && path.isAbsolute(env.TMPDIR) ? env.TMPDIR : os.tmpdir();
  const prefix = "codex-sandbox-proxy-";
  const fits = (base: string) => Buffer.byteLength(path.join(base, `${prefix}XXXXXX`, SOCKET_NAME)) <= MAX_SOCKET_PATH;
  const base = fits(preferred) ? preferred : "/tmp";
  return mkdtemp(path.join(base, prefix));
}

/**
 * Runs `run(unixSocket)` with the network proxy listening on `unixSocket` (a fresh socket in a private temp dir,
 * the admin API on loopback port 0), then prints every request the proxy blocked as one stderr line, closes the
 * proxy and removes the temp dir: also when `run` throws and when the process is told to stop. A stop signal that
 * arrives before the command starts cancels it (exit code 128 + signal number); once it runs, the signal is the
 * command's to handle (the sandbox runner passes it on).
 */
export async function withSandboxNetworkProxy(
  io: CliIo,
  table: NetworkProxyConfigInput,
  run: (unixSocket: string) => Promise<number>,
): Promise<number> {
  let stoppedBy: NodeJS.Signals | undefined;
  const remember = (signal: NodeJS.Signals) => {
    stoppedBy ??= signal;
  };
  for (const signal of GUARDED_SIGNALS) process.on(signal, remember);
  let dir: string | undefined;
  let proxy: NetworkProxyHandle | undefined;
  let blockedTotal = 0;
  try {
    dir = await makeSocketDir(io.env);
    proxy = await startNetworkProxy({
      config: sandboxProxyConfig(table),
      http: "127.0.0.1:0",
      admin: "127.0.0.1:0",
      listenUnix: path.join(dir, SOCKET_NAME),
      onBlocked: () => {
        blockedTotal += 1;
      },
      onWarning: (message) => io.stderr(`warning: network proxy: ${message}\n`),
    });
    if (stoppedBy !== undefined) return 128 + (os.constants.signals[stoppedBy] ?? 0);
    return await run(path.join(dir, SOCKET_NAME));
  } finally {
    try {
      if (proxy !== undefined) {
        const blocked = proxy.drainBlocked();
        const unseen = blockedTotal - blocked.length;
        if (unseen > 0) io.stderr(`network proxy blocked ${unseen} earlier request(s) not listed here\n`);
        for (const entry of blocked) io.stderr(`${formatBlockedRequest(entry)}\n`);
        await proxy.close();
      }
    } finally {
      if (dir !== undefined) await rm(dir, { recursive: true, force: true });
      for (const signal of GUARDED_SIGNALS) process.off(signal, remember);
    }
  }
}
