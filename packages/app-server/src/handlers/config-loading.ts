// Loading the layered configuration for a request, with the server's `-c` overrides and environment.
import path from "node:path";
import { ConfigError, DEFAULT_SYSTEM_CONFIG_DIR, type LoadedConfig, loadConfig } from "@codex-ts/config";
import { absolutePath } from "@codex-ts/utils-absolute-path";
import { internal } from "./rpc-errors.js";

/** What every handler that reads configuration needs to know about the server. */
export interface ServerConfigSource {
  codexHome: string;
  configOverrides: readonly string[];
  env: NodeJS.ProcessEnv;
}

/** The server's working directory: the default `cwd` of commands and of configuration reads. */
export function serverCwd(): string {
  return process.cwd();
}

/** The folder of the system-wide `config.toml` and `requirements.toml`. */
export function systemConfigDir(env: NodeJS.ProcessEnv): string {
  const configured = env.CODEX_SYSTEM_CONFIG_DIR;
  return configured !== undefined && configured !== "" ? path.resolve(configured) : DEFAULT_SYSTEM_CONFIG_DIR;
}

/**
 * Loads the configuration as seen from `cwd` (project layers between it and its project root).
 * A configuration that does not load becomes a -32603 error with the loader's message.
 */
export async function loadServerConfig(source: ServerConfigSource, cwd?: string): Promise<LoadedConfig> {
  try {
    return await loadConfig({
      codexHome: absolutePath(source.codexHome),
      cwd: absolutePath(cwd ?? serverCwd()),
      overrides: source.configOverrides,
      env: source.env,
    });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof Error) {
      throw internal(`failed to load configuration: ${error.message}`);
    }
    throw error;
  }
}
