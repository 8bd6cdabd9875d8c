import type { ModelProviderInfo } from "@codex-ts/config";
import { MissingEnvVarError, UnknownProviderError, UnsupportedWireApiError } from "./errors.js";

export const DEFAULT_REQUEST_MAX_RETRIES = 4;
export const DEFAULT_STREAM_MAX_RETRIES = 5;
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 300_000;
/** Upper bound applied to user-configured retry counts. */
export const MAX_RETRIES_CAP = 100;

export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";
export const OLLAMA_DEFAULT_BASE_URL = "http://localhost:11434/v1";
export const LMSTUDIO_DEFAULT_BASE_URL = "http://localhost:1234/v1";

export type Env = Readonly<Record<string, string | undefined>>;

/** The wire protocol a provider speaks: the Responses API or Chat Completions. */
export type WireApi = "responses" | "chat";

/** Overrides the base URL of the built-in `ollama` and `lmstudio` providers. */
export const OSS_BASE_URL_ENV = "CODEX_OSS_BASE_URL";
/** Overrides the port of the built-in `ollama` and `lmstudio` providers (ignored with `CODEX_OSS_BASE_URL`). */
export const OSS_PORT_ENV = "CODEX_OSS_PORT";
export const OLLAMA_DEFAULT_PORT = 11434;
export const LMSTUDIO_DEFAULT_PORT = 1234;

/** A provider with every default filled in, ready to build requests. */
export interface ResolvedProvider {
  id: string;
  name: string;
  baseUrl: string;
  envKey: string | undefined;
  envKeyInstructions: string | undefined;
  experimentalBearerToken: string | undefined;
  queryParams: Readonly<Record<string, string>>;
  httpHeaders: Readonly<Record<string, string>>;
  envHttpHeaders: Readonly<Record<string, string>>;
  requestMaxRetries: number;
  streamMaxRetries: number;
  streamIdleTimeoutMs: number;
  requiresOpenaiAuth: boolean;
  /** `wire_api`; `undefined` means `"responses"`. Always set by `providerFromInfo`. */
  wireApi?: WireApi;
}

/** The parts of `config.toml` that choose a provider. */
export interface ProviderConfig {
  model_provider?: string | undefined;
  model_providers?: Readonly<Record<string, ModelProviderInfo>> | undefined;
}

/**
 * Built-in providers; `env` supplies `OPENAI_BASE_URL` for the `openai` entry and `CODEX_OSS_BASE_URL`
 * / `CODEX_OSS_PORT` for the local ones. All three speak the Responses API.
 */
export function builtInProviders(env: Env = process.env): Record<string, ModelProviderInfo> {
  const openaiBase = nonEmpty(env["OPENAI_BASE_URL"]) ?? OPENAI_DEFAULT_BASE_URL;
  return {
    openai: {
      name: "OpenAI",
      base_url: openaiBase,
      env_key: "OPENAI_API_KEY",
      env_key_instructions:
        "Create an API key (https://platform.openai.com) and export it as an environment variable.",
      wire_api: "responses",
      requires_openai_auth: true,
    },
    ollama: { name: "gpt-oss", base_url: ossBaseUrl(env, OLLAMA_DEFAULT_PORT), wire_api: "responses" },
    lmstudio: { name: "gpt-oss", base_url: ossBaseUrl(env, LMSTUDIO_DEFAULT_PORT), wire_api: "responses" },
  };
}

/**
 * Picks the provider named by `model_provider` (default `openai`). Built-in ids cannot be redefined
 * under `[model_providers]`; other ids come from there.
 */
export function resolveProvider(config: ProviderConfig = {}, env: Env = process.env): ResolvedProvider {
  const id = config.model_provider ?? "openai";
  const builtIns = builtInProviders(env);
  const info = builtIns[id] ?? config.model_providers?.[id];
  if (info === undefined) throw new UnknownProviderError(id);
  return providerFromInfo(id, info);
}

/** Fills the defaults of one `[model_providers.<id>]` table. */
export function providerFromInfo(id: string, info: ModelProviderInfo): ResolvedProvider {
  const wireApi: string = info.wire_api ?? "responses";
  if (!isWireApi(wireApi)) throw new UnsupportedWireApiError(id, wireApi);
  const isOpenai = id === "openai";
  return {
    id,
    name: info.name,
    baseUrl: info.base_url ?? OPENAI_DEFAULT_BASE_URL,
    envKey: info.env_key,
    envKeyInstructions: info.env_key_instructions,
    experimentalBearerToken: info.experimental_bearer_token,
    queryParams: { ...info.query_params },
    httpHeaders: { ...info.http_headers },
    envHttpHeaders: { ...info.env_http_headers },
    requestMaxRetries: Math.min(info.request_max_retries ?? DEFAULT_REQUEST_MAX_RETRIES, MAX_RETRIES_CAP),
    streamMaxRetries: Math.min(info.stream_max_retries ?? DEFAULT_STREAM_MAX_RETRIES, MAX_RETRIES_CAP),
    streamIdleTimeoutMs: info.stream_idle_timeout_ms ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS,
    requiresOpenaiAuth: info.requires_openai_auth ?? isOpenai,
    wireApi,
  };
}

/**
 * The bearer token from `experimental_bearer_token` or the `env_key` variable; `undefined` when the
 * provider needs none. Throws `MissingEnvVarError` naming the variable when it is unset or empty.
 */
export function providerApiKey(provider: ResolvedProvider, env: Env = process.env): string | undefined {
  if (provider.experimentalBearerToken) return provider.experimentalBearerToken;
  if (provider.envKey === undefined) return undefined;
  const value = nonEmpty(env[provider.envKey]);
  if (value === undefined) throw new MissingEnvVarError(provider.envKey, provider.envKeyInstructions);
  return value;
}

/** `{baseUrl}/{path}` with the provider's query parameters. */
export function providerUrl(provider: ResolvedProvider, path: string): URL {
  const base = provider.baseUrl.replace(/\/+$/, "");
  const url = new URL(`${base}/${path.replace(/^\/+/, "")}`);
  for (const [key, value] of Object.entries(provider.queryParams)) url.searchParams.set(key, value);
  return url;
}

/** Static `http_headers` plus the `env_http_headers` whose variables are set and non-empty. */
export function providerHeaders(provider: ResolvedProvider, env: Env = process.env): Record<string, string> {
  const headers: Record<string, string> = { ...provider.httpHeaders };
  for (const [header, variable] of Object.entries(provider.envHttpHeaders)) {
    const value = nonEmpty(env[variable]);
    if (value !== undefined) headers[header] = value;
  }
  return headers;
}

function isWireApi(value: string): value is WireApi {
  return value === "responses" || value === "chat";
}

function ossBaseUrl(env: Env, defaultPort: number): string {
  const explicit = nonEmpty(env[OSS_BASE_URL_ENV]);
  if (explicit !== undefined) return explicit;
  const port = Number(nonEmpty(env[OSS_PORT_ENV]));
  const valid = Number.isInteger(port) && port > 0 && port < 65536;
  return `http://localhost:${valid ? port : defaultPort}/v1`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
