// The layers of the config stack as the app-server reports them: upstream's layer versions, the system
// layer always listed, and project layers only when a request names a working directory.
import path from "node:path";
import type { ConfigLayerMetadata, ConfigLayerSource as WireLayerSource } from "@codex-ts/app-server-protocol";
import { type ConfigLayer, ConfigLayerStack, type LoadedConfig } from "@codex-ts/config";
import { absolutePath } from "@codex-ts/utils-absolute-path";
import { layerVersion } from "./config-values.js";

export interface LayerViewOptions {
  /** Keep `.codex/` project layers (requests that name a `cwd`). */
  includeProjects: boolean;
  /** Folder of the system config, listed even when its file is missing. */
  systemDir: string;
}

/** The layers to report, lowest precedence first, with upstream-compatible versions. */
export function layerStack(loaded: LoadedConfig, options: LayerViewOptions): ConfigLayerStack {
  const layers: ConfigLayer[] = loaded.layers
    .filter((layer) => layer.source.type !== "threadConfig")
    .filter((layer) => options.includeProjects || layer.source.type !== "project")
    .map((layer) => ({ ...layer, version: layerVersion(layer.config) }));
  if (!layers.some((layer) => layer.source.type === "system")) {
    const file = absolutePath(path.join(options.systemDir, "config.toml"));
    layers.unshift({ source: { type: "system", file }, config: {}, version: layerVersion({}) });
  }
  return new ConfigLayerStack(layers);
}

/** The wire form of a layer source. */
export function wireSource(source: ConfigLayer["source"]): WireLayerSource {
  switch (source.type) {
    case "user":
      return { type: "user", file: source.file, profile: source.profile };
    case "system":
      return { type: "system", file: source.file };
    case "legacyManagedConfigTomlFromFile":
      return { type: "legacyManagedConfigTomlFromFile", file: source.file };
    case "project":
      return { type: "project", dotCodexFolder: source.dotCodexFolder };
    case "sessionFlags":
      return { type: "sessionFlags" };
    case "threadConfig":
      // Never reported (filtered out above); described as session settings if it ever is.
      return { type: "sessionFlags" };
  }
}

export function layerMetadata(layer: ConfigLayer): ConfigLayerMetadata {
  return { name: wireSource(layer.source), version: layer.version };
}
