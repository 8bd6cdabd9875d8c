// `experimentalFeature/list`: every feature flag with its stage and its state in the loaded configuration.
import type { ExperimentalFeature } from "@codex-ts/app-server-protocol";
import { isTomlTable } from "@codex-ts/config";
import { FEATURES, resolveFeatures, wireStage } from "@codex-ts/features";
import { loadServerConfig, type ServerConfigSource } from "./config-loading.js";
import type { RequestHandlers } from "./context.js";
import { paginate } from "./pagination.js";
import { invalidRequest } from "./rpc-errors.js";

const UUID = /^(urn:uuid:)?\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i;

export function createFeaturesListHandlers(source: ServerConfigSource): Pick<RequestHandlers, "experimentalFeature/list"> {
  return {
    "experimentalFeature/list": async (params) => {
      if (params.threadId != null) {
        // Threads are not served by these handlers: no thread is ever loaded here.
        if (!UUID.test(params.threadId)) {
          throw invalidRequest(`invalid thread id: \`${params.threadId}\` is not a UUID`);
        }
        throw invalidRequest(`thread not found: ${params.threadId}`);
      }
      const loaded = await loadServerConfig(source);
      const resolved = resolveFeatures({ features: isTomlTable(loaded.merged.features) ? loaded.merged.features : {} });
      const data = FEATURES.map((spec): ExperimentalFeature => {
        const stage = wireStage(spec.stage);
        const preview = stage === "beta";
        return {
          name: spec.key,
          stage,
          displayName: preview ? (spec.displayName ?? spec.key) : null,
          description: preview ? spec.description : null,
          announcement: preview ? "" : null,
          enabled: resolved.isEnabled(spec.key as Parameters<typeof resolved.isEnabled>[0]),
          defaultEnabled: spec.defaultEnabled,
        };
      });
      return paginate(data, params.cursor, params.limit, "feature flags");
    },
  };
}
