import type { ModelProviderInfo } from "@codex-ts/config";
import { discardBody, sendHttpRequest } from "./http-request.js";
import { describeCause, ModelClientError } from "./errors.js";
import { type Env, type ResolvedProvider, resolveProvider } from "./provider.js";

/** The local providers `--oss` can use. */
export type OssProviderId = "ollama" | "lmstudio";
export const OSS_PROVIDER_IDS: readonly OssProviderId[] = ["lmstudio", "ollama"];

/** The model `--oss` runs when no `-m` is given. */
export const DEFAULT_OSS_MODELS: Readonly<Record<OssProviderId, string>> = {
  ollama: "gpt-oss:20b",
  lmstudio: "openai/gpt-oss-20b",
};

/** How long `checkOssServer` waits for an answer by default. */
export const DEFAULT_OSS_PROBE_TIMEOUT_MS = 5_000;

/** Neither `--local-provider`, the profile nor `config.toml` names a local provider. */
export class OssProviderNotConfiguredError extends ModelClientError {
  constructor() {
    super(
      "OSS_PROVIDER_NOT_CONFIGURED",
      `No local model provider is configured for --oss; pass --local-provider (${OSS_PROVIDER_IDS.join(" or ")}) or set oss_provider in config.toml.`,
    );
  }
}

/** The named local provider is not one `--oss` knows. */
export class UnknownOssProviderError extends ModelClientError {
  readonly providerId: string;
  constructor(providerId: string) {
    super(
      "UNKNOWN_OSS_PROVIDER",
      `Unknown local model provider \`${providerId}\`; use one of: ${OSS_PROVIDER_IDS.join(", ")}.`,
    );
    this.providerId = providerId;
  }
}

/** The local model server did not answer the probe. */
export class OssServerUnreachableError extends ModelClientError {
  readonly providerId: string;
  readonly url: string;
  constructor(providerId: string, url: string, message: string, cause?: unknown) {
    super("OSS_SERVER_UNREACHABLE", message, { retryable: true, cause });
    this.providerId = providerId;
    this.url = url;
  }
}

/** The parts of `config.toml` that choose the `--oss` provider. */
export interface OssConfig {
  oss_provider?: string | undefined;
  profile?: string | undefined;
  profiles?: Readonly<Record<string, { oss_provider?: string | undefined } | undefined>> | undefined;
  model_providers?: Readonly<Record<string, ModelProviderInfo>> | undefined;
}

export interface ResolveOssProviderOptions {
  /** `--local-provider`; wins over the configuration. */
  ossProvider?: string | undefined;
  config?: OssConfig;
  /** The active profile (`--profile`); defaults to `config.profile`. */
  profile?: string | undefined;
  env?: Env;
}

export interface OssSelection {
  id: OssProviderId;
  provider: ResolvedProvider;
  /** The model to use when the user named none. */
  defaultModel: string;
}

/**
 * Picks the local provider for `--oss`: the explicit choice, else the active profile's
 * `oss_provider`, else the top-level `oss_provider`. There is no silent default: with none of them
 * set it throws `OssProviderNotConfiguredError`, and an unknown id throws `UnknownOssProviderError`.
 */
export function resolveOssProvider(options: ResolveOssProviderOptions = {}): OssSelection {
  const config = options.config ?? {};
  const profileName = options.profile ?? config.profile;
  const profileChoice = profileName === undefined ? undefined : config.profiles?.[profileName]?.oss_provider;
  const chosen = options.ossProvider ?? profileChoice ?? config.oss_provider;
  if (chosen === undefined || chosen.trim() === "") throw new OssProviderNotConfiguredError();
  if (!isOssProviderId(chosen)) throw new UnknownOssProviderError(chosen);
  const provider = resolveProvider({ model_provider: chosen, model_providers: config.model_providers }, options.env);
  return { id: chosen, provider, defaultModel: DEFAULT_OSS_MODELS[chosen] };
}

export function isOssProviderId(value: string): value is OssProviderId {
  return (OSS_PROVIDER_IDS as readonly string[]).includes(value);
}

export interface CheckOssServerOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * The URL `checkOssServer` probes: for LM Studio `{base_url}/models`; for Ollama `{host}/v1/models` when
 * the base URL is OpenAI-compatible (ends in `/v1`), else the native `{host}/api/tags`.
 */
export function ossProbeUrl(provider: ResolvedProvider): string {
  const base = provider.baseUrl.replace(/\/+$/, "");
  if (provider.id === "lmstudio") return `${base}/models`;
  if (base.endsWith("/v1")) return `${base}/models`;
  return `${base}/api/tags`;
}

/**
 * Checks that the local model server behind `provider` answers; resolves when it does and throws
 * `OssServerUnreachableError` (one actionable sentence) when the connection fails, times out or the
 * server answers with an error status.
 */
export async function checkOssServer(provider: ResolvedProvider, options: CheckOssServerOptions = {}): Promise<void> {
  const url = ossProbeUrl(provider);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_OSS_PROBE_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let status: number;
  try {
    const response = await sendHttpRequest(new URL(url), { method: "GET", signal });
    status = response.statusCode;
    discardBody(response.body);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new OssServerUnreachableError(provider.id, url, unreachableMessage(provider, url, describeCause(error)), error);
  }
  if (status < 200 || status >= 300) {
    throw new OssServerUnreachableError(provider.id, url, unreachableMessage(provider, url, `HTTP ${status}`));
  }
}

function unreachableMessage(provider: ResolvedProvider, url: string, detail: string): string {
  if (provider.id === "lmstudio") {
    return `LM Studio is not answering at ${url} (${detail}); start its server from the LM Studio app or with \`lms server start\` (download: https://lmstudio.ai/download).`;
  }
  if (provider.id === "ollama") {
    return `No running Ollama server found at ${url} (${detail}); start it with \`ollama serve\` (install: https://ollama.com/download), or set CODEX_OSS_BASE_URL to where it listens.`;
  }
  return `The local model server of provider \`${provider.id}\` is not answering at ${url} (${detail}); start it or fix its base_url.`;
}
