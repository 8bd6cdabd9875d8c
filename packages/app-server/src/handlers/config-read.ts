// `config/read`: the effective configuration, the layer that set each value and, on request, the layers.
import path from "node:path";
import type { Config, ConfigLayer as WireLayer, ConfigReadResponse } from "@codex-ts/app-server-protocol";
import { isTomlTable } from "@codex-ts/config";
import { type FeatureKey, isCanonicalFeatureKey, resolveFeatures } from "@codex-ts/features";
import { loadServerConfig, type ServerConfigSource, serverCwd, systemConfigDir } from "./config-loading.js";
import { layerMetadata, layerStack, wireSource } from "./config-layers-view.js";
import { tomlToJson } from "./config-values.js";
import type { RequestHandlers } from "./context.js";

/** Keys of upstream's `Config` that are always present in the response (null when unset). */
const CONFIG_KEYS = [
  "model",
  "review_model",
  "model_context_window",
  "model_auto_compact_token_limit",
  "model_auto_compact_token_limit_scope",
  "model_provider",
  "approval_policy",
  "approvals_reviewer",
  "sandbox_mode",
  "sandbox_workspace_write",
  "forced_chatgpt_workspace_id",
  "forced_login_method",
  "web_search",
  "client_search_provider",
  "tools",
  "instructions",
  "developer_instructions",
  "compact_prompt",
  "model_reasoning_effort",
  "model_reasoning_summary",
  "model_verbosity",
  "service_tier",
  "analytics",
  "apps",
  "browser_use",
  "computer_use",
  "desktop",
] as const;

/** Features whose effective state `config/read` reports under `features`, as upstream does. */
const REPORTED_FEATURES = ["apps", "plugins", "tool_search", "tool_suggest", "tool_call_mcp_elicitation"];

/** The effective configuration in upstream's `Config` shape. */
export function effectiveConfig(merged: Record<string, unknown>): Config {
  const config: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) config[key] = null;
  Object.assign(config, tomlToJson(merged) as Record<string, unknown>);
  const workspaceWrite = config.sandbox_workspace_write;
  if (workspaceWrite !== null && typeof workspaceWrite === "object") {
    config.sandbox_workspace_write = {
      writable_roots: [],
      network_access: false,
      exclude_tmpdir_env_var: false,
      exclude_slash_tmp: false,
      ...workspaceWrite,
    };
  }
  const featureTable = isTomlTable(merged.features) ? merged.features : {};
  const resolved = resolveFeatures({ features: featureTable });
  const features: Record<string, unknown> =
    config.features !== null && typeof config.features === "object" ? { ...(config.features as object) } : {};
  for (const name of REPORTED_FEATURES) {
    if (isCanonicalFeatureKey(name)) features[name] = resolved.isEnabled(name as FeatureKey);
  }
  config.features = features;
  return config as Config;
}

export function createConfigReadHandlers(source: ServerConfigSource): Pick<RequestHandlers, "config/read"> {
  return {
    "config/read": async (params) => {
      const cwd = params.cwd == null ? undefined : path.resolve(serverCwd(), params.cwd);
      const loaded = await loadServerConfig(source, cwd);
      const stack = layerStack(loaded, { includeProjects: cwd !== undefined, systemDir: systemConfigDir(source.env) });
      const origins: ConfigReadResponse["origins"] = {};
      for (const [key, origin] of Object.entries(stack.origins())) {
        Object.defineProperty(origins, key, {
          value: { name: wireSource(origin.source), version: origin.version },
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      const response: ConfigReadResponse = { config: effectiveConfig(stack.merged), origins };
      if (params.includeLayers === true) {
        response.layers = [...stack.layers].reverse().map((layer): WireLayer => {
          const entry: WireLayer = { ...layerMetadata(layer), config: tomlToJson(layer.config) };
          if (layer.disabledReason !== undefined) entry.disabledReason = layer.disabledReason;
          return entry;
        });
      }
      return response;
    },
  };
}
