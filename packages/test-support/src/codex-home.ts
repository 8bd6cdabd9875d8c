import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type TempCodexHome = {
  /** Absolute path of the directory; pass it as `CODEX_HOME`. */
  readonly path: string;
  /** Writes `config.toml` in the directory. */
  writeConfig(toml: string): Promise<void>;
  /** Removes the directory and everything in it. Safe to call twice. */
  cleanup(): Promise<void>;
};

/** Creates an empty temporary CODEX_HOME, optionally with a `config.toml`. */
export async function tempCodexHome(options: { config?: string } = {}): Promise<TempCodexHome> {
  const path = await mkdtemp(join(tmpdir(), "codex-home-"));
  const home: TempCodexHome = {
    path,
    writeConfig: (toml) => writeFile(join(path, "config.toml"), toml, "utf8"),
    cleanup: () => rm(path, { recursive: true, force: true }),
  };
  if (options.config !== undefined) await home.writeConfig(options.config);
  return home;
}

export type MockConfigOptions = {
  /** Provider id under `[model_providers]`. Default `mock`. */
  providerId?: string;
  /** Default `mock-model`. */
  model?: string;
  /** Environment variable holding the API key. Default `OPENAI_API_KEY`. */
  envKey?: string;
  requestMaxRetries?: number;
  streamMaxRetries?: number;
  streamIdleTimeoutMs?: number;
  /** `wire_api` of the provider: `responses` (default) or `chat` (the mock serves both). */
  wireApi?: "responses" | "chat";
};

/** `config.toml` text that points `model_provider` at a mock server's base URL. */
export function configForMock(url: string, options: MockConfigOptions = {}): string {
  const id = options.providerId ?? "mock";
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`Provider id ${JSON.stringify(id)} must match [A-Za-z0-9_-]+.`);
  const lines = [
    `model = ${tomlString(options.model ?? "mock-model")}`,
    `model_provider = ${tomlString(id)}`,
    "",
    `[model_providers.${id}]`,
    `name = ${tomlString(id)}`,
    `base_url = ${tomlString(url)}`,
    `wire_api = ${tomlString(options.wireApi ?? "responses")}`,
    `env_key = ${tomlString(options.envKey ?? "OPENAI_API_KEY")}`,
  ];
  if (options.requestMaxRetries !== undefined) lines.push(`request_max_retries = ${options.requestMaxRetries}`);
  if (options.streamMaxRetries !== undefined) lines.push(`stream_max_retries = ${options.streamMaxRetries}`);
  if (options.streamIdleTimeoutMs !== undefined) lines.push(`stream_idle_timeout_ms = ${options.streamIdleTimeoutMs}`);
  return `${lines.join("\n")}\n`;
}

/** A TOML basic string (JSON escapes are valid TOML escapes for these inputs). */
function tomlString(value: string): string {
  return JSON.stringify(value);
}
