// `model/list`: the configured provider's models when its `/models` endpoint answers, else the built-in
// list; hidden models only on request; offset pagination.
import type { Model } from "@codex-ts/app-server-protocol";
import { loadServerConfig, type ServerConfigSource } from "./config-loading.js";
import type { RequestHandlers } from "./context.js";
import { builtInModels } from "./model-catalog.js";
import { fetchProviderModels, MODELS_FETCH_TIMEOUT_MS, providerEndpoint } from "./model-provider-fetch.js";
import { paginate } from "./pagination.js";

/** Successful listings are reused for this long. */
const CACHE_TTL_MS = 5 * 60 * 1000;

export interface ModelListOptions {
  /** How long a provider may take to answer; defaults to `MODELS_FETCH_TIMEOUT_MS`. */
  fetchTimeoutMs?: number;
}

/** Marks exactly one model as the default: the configured model when listed, else the list's own default. */
function withDefault(models: Model[], configured: string | undefined): Model[] {
  const preferred =
    (configured !== undefined ? models.find((model) => model.id === configured) : undefined) ??
    models.find((model) => model.isDefault) ??
    models.find((model) => !model.hidden);
  return models.map((model) => ({ ...model, isDefault: model === preferred }));
}

export function createModelListHandlers(source: ServerConfigSource, options: ModelListOptions = {}): Pick<RequestHandlers, "model/list"> {
  const cache = new Map<string, { models: Model[]; expires: number }>();

  const providerModels = async (requested: string | null | undefined): Promise<Model[]> => {
    const loaded = await loadServerConfig(source);
    const endpoint = providerEndpoint(requested, loaded, source.env);
    const cacheKey = `${endpoint.url}\n${JSON.stringify(endpoint.headers)}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined && cached.expires > Date.now()) return cached.models;
    const fetched = await fetchProviderModels(endpoint, options.fetchTimeoutMs ?? MODELS_FETCH_TIMEOUT_MS);
    if (fetched !== undefined) {
      const models = withDefault(fetched, loaded.config.model);
      cache.set(cacheKey, { models, expires: Date.now() + CACHE_TTL_MS });
      return models;
    }
    return builtInModels();
  };

  return {
    "model/list": async (params) => {
      const models = await providerModels(params.modelProvider);
      const visible = params.includeHidden === true ? models : models.filter((model) => !model.hidden);
      return paginate(visible, params.cursor, params.limit, "models");
    },
  };
}
