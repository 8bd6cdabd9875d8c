// Asking a model provider which models it serves: `GET <base_url>/models` with the provider's credentials,
// understood in both the Codex catalog shape (`{models: [{slug, ...}]}`) and the OpenAI list shape
// (`{data: [{id}]}`).
import type { Model } from "@codex-ts/app-server-protocol";
import type { LoadedConfig, ModelProviderInfo } from "@codex-ts/config";
import { builtInModel, effortOptions, genericModel } from "./model-catalog.js";
import { invalidRequest } from "./rpc-errors.js";

export const DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";
/** How long a listing may take before the built-in list is used instead. */
export const MODELS_FETCH_TIMEOUT_MS = 3000;

/** Where and how to ask a provider for its models. */
export interface ProviderEndpoint {
  id: string;
  url: string;
  headers: Record<string, string>;
  /** False when asking is pointless (the default OpenAI endpoint without any key). */
  worthAsking: boolean;
}

const BUILT_IN_PROVIDERS: Readonly<Record<string, { baseUrl: string; envKey?: string }>> = {
  ollama: { baseUrl: "http://localhost:11434/v1" },
  lmstudio: { baseUrl: "http://localhost:1234/v1" },
};

function providerNotConfigured(id: string) {
  return invalidRequest(
    `This chat uses model provider “${id}”, which is no longer configured. Restore this provider’s configuration to continue.`,
    { type: "modelProviderNotConfigured", modelProvider: id },
  );
}

/** The provider a listing is for (`modelProvider`, else config `model_provider`, else `openai`). */
export function providerEndpoint(requested: string | null | undefined, loaded: LoadedConfig, env: NodeJS.ProcessEnv): ProviderEndpoint {
  const config = loaded.config;
  const id = requested ?? config.model_provider ?? "openai";
  const configured = (config.model_providers as Record<string, ModelProviderInfo> | undefined)?.[id];
  const headers: Record<string, string> = { accept: "application/json" };
  if (configured !== undefined) {
    const key = configured.env_key === undefined ? undefined : env[configured.env_key];
    const token = key !== undefined && key !== "" ? key : configured.experimental_bearer_token;
    if (token !== undefined && token !== "") headers.authorization = `Bearer ${token}`;
    Object.assign(headers, configured.http_headers ?? {});
    for (const [header, variable] of Object.entries(configured.env_http_headers ?? {})) {
      const value = env[variable];
      if (value !== undefined && value !== "") headers[header] = value;
    }
    const base = configured.base_url ?? (id === "openai" ? openAiBaseUrl(loaded, env) : undefined);
    if (base === undefined) return { id, url: "", headers, worthAsking: false };
    return { id, url: modelsUrl(base, configured.query_params), headers, worthAsking: true };
  }
  if (id === "openai") {
    const key = env.OPENAI_API_KEY;
    if (key !== undefined && key !== "") headers.authorization = `Bearer ${key}`;
    const base = openAiBaseUrl(loaded, env);
    return { id, url: modelsUrl(base), headers, worthAsking: base !== DEFAULT_OPENAI_BASE_URL || headers.authorization !== undefined };
  }
  const builtIn = BUILT_IN_PROVIDERS[id];
  if (builtIn === undefined) throw providerNotConfigured(id);
  return { id, url: modelsUrl(builtIn.baseUrl), headers, worthAsking: true };
}

function openAiBaseUrl(loaded: LoadedConfig, env: NodeJS.ProcessEnv): string {
  const fromEnv = env.OPENAI_BASE_URL;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  const fromConfig = (loaded.config as { openai_base_url?: string }).openai_base_url;
  return fromConfig !== undefined && fromConfig !== "" ? fromConfig : DEFAULT_OPENAI_BASE_URL;
}

function modelsUrl(base: string, query?: Record<string, string>): string {
  const url = new URL(`${base.replace(/\/+$/, "")}/models`);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  return url.toString();
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A model from a Codex-style catalog entry. */
function fromCatalogEntry(entry: Record<string, unknown>): Model | undefined {
  const slug = text(entry.slug) ?? text(entry.id);
  if (slug === undefined) return undefined;
  const base = builtInModel(slug) ?? genericModel(slug);
  const levels = Array.isArray(entry.supported_reasoning_levels) ? entry.supported_reasoning_levels : undefined;
  const efforts = levels
    ?.map((level) => (typeof level === "string" ? level : text((level as Record<string, unknown>)?.effort)))
    .filter((level): level is string => level !== undefined);
  const model: Model = {
    ...base,
    displayName: text(entry.display_name) ?? base.displayName,
    description: text(entry.description) ?? base.description,
    defaultReasoningEffort: text(entry.default_reasoning_level) ?? base.defaultReasoningEffort,
    hidden: typeof entry.visibility === "string" ? entry.visibility !== "list" : base.hidden,
    isDefault: false,
  };
  if (efforts !== undefined && efforts.length > 0) model.supportedReasoningEfforts = effortOptions(efforts);
  return model;
}

/** Turns a `/models` body into models; undefined when the body has neither known shape. */
export function modelsFromBody(body: unknown): Model[] | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const { models, data } = body as { models?: unknown; data?: unknown };
  if (Array.isArray(models)) {
    const entries = models.filter((entry): entry is Record<string, unknown> => entry !== null && typeof entry === "object");
    const ordered = [...entries].sort((a, b) => (Number(a.priority) || 0) - (Number(b.priority) || 0));
    return ordered.map(fromCatalogEntry).filter((model): model is Model => model !== undefined);
  }
  if (Array.isArray(data)) {
    return data
      .map((entry) => text((entry as Record<string, unknown> | null)?.id))
      .filter((id): id is string => id !== undefined)
      .map((id) => ({ ...(builtInModel(id) ?? genericModel(id)), hidden: false, isDefault: false }));
  }
  return undefined;
}

/** The provider's models, or undefined when it cannot be reached or answers with something unusable. */
export async function fetchProviderModels(endpoint: ProviderEndpoint, timeoutMs = MODELS_FETCH_TIMEOUT_MS): Promise<Model[] | undefined> {
  if (!endpoint.worthAsking) return undefined;
  try {
    const response = await fetch(endpoint.url, { headers: endpoint.headers, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return undefined;
    const models = modelsFromBody(await response.json());
    return models !== undefined && models.length > 0 ? models : undefined;
  } catch {
    return undefined;
  }
}
