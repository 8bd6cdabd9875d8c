import { USAGE, loadNetworkProxyTable, parseCliArgs } from "./cli.js";
import { isNetworkProxyError } from "./errors.js";
import { startNetworkProxy } from "./network-proxy.js";
import type { NetworkProxyConfigInput } from "./settings.js";

function fail(error: unknown): never {
  if (isNetworkProxyError(error)) {
    process.stderr.write(`codex-network-proxy: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`codex-network-proxy: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const configPath = args.config;
  const config: NetworkProxyConfigInput = configPath === undefined ? {} : await loadNetworkProxyTable(configPath);
  if (config.enabled === false) {
    // Same as upstream: a disabled proxy binds nothing.
    process.stdout.write(`${JSON.stringify({ enabled: false })}\n`);
    return;
  }
  const loadConfig = configPath === undefined ? undefined : () => loadNetworkProxyTable(configPath);
  const handle = await startNetworkProxy({
    config,
    http: args.http,
    admin: args.admin,
    socks: args.socks,
    listenUnix: args.unix,
    loadConfig,
    logBlocked: !args.quiet,
  });
  // Signal handlers go in before the addresses are printed: a caller may signal right after reading them.
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    handle.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  if (loadConfig !== undefined) {
    process.on("SIGHUP", () => {
      loadConfig()
        .then((next) => handle.reload(next))
        .catch((error: unknown) => process.stderr.write(`codex-network-proxy: reload failed: ${(error as Error).message}\n`));
    });
  }
  const bound: Record<string, string> = {
    http: handle.httpAddress.url,
    admin: handle.adminAddress.url,
  };
  if (handle.socksAddress !== undefined) bound["socks"] = handle.socksAddress.url;
  if (handle.unixPath !== undefined) bound["unix"] = handle.unixPath;
  process.stdout.write(`${JSON.stringify(bound)}\n`);
}

main().catch(fail);
