import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parse as parseToml } from "smol-toml";
import { NetworkProxyError } from "./errors.js";
import type { NetworkProxyConfigInput } from "./settings.js";

export const USAGE =
  "usage: codex-network-proxy [--config FILE.toml] [--http ADDR] [--admin ADDR] [--socks ADDR] [--unix PATH] [--quiet]";

export interface CliOptions {
  readonly config?: string;
  readonly http?: string;
  readonly admin?: string;
  readonly socks?: string;
  readonly unix?: string;
  readonly quiet: boolean;
  readonly help: boolean;
}

/** Parses the command line; throws INVALID_ARGUMENTS with the usage line on mistakes. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: "string" },
        http: { type: "string" },
        admin: { type: "string" },
        socks: { type: "string" },
        unix: { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    return {
      config: values.config,
      http: values.http,
      admin: values.admin,
      socks: values.socks,
      unix: values.unix,
      quiet: values.quiet ?? false,
      help: values.help ?? false,
    };
  } catch (error) {
    throw new NetworkProxyError("INVALID_ARGUMENTS", `${(error as Error).message}; ${USAGE}`);
  }
}

/** Reads the `[network_proxy]` table of a TOML file (an empty table when the file has none). */
export async function loadNetworkProxyTable(path: string): Promise<NetworkProxyConfigInput> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new NetworkProxyError("CONFIG_FILE_UNREADABLE", `could not read ${path} (${code}); check the --config path`);
  }
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    const detail = (error as Error).message.split("\n")[0] ?? "";
    throw new NetworkProxyError("INVALID_NETWORK_PROXY_CONFIG", `${path} is not valid TOML (${detail}); fix the file and retry`);
  }
  const table = doc["network_proxy"];
  if (table === undefined) return {};
  if (typeof table !== "object" || table === null || Array.isArray(table)) {
    throw new NetworkProxyError("INVALID_NETWORK_PROXY_CONFIG", `network_proxy in ${path} must be a table ([network_proxy])`);
  }
  return table as NetworkProxyConfigInput;
}
