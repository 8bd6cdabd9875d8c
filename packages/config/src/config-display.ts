import { formatKeyPath } from "./key-path.js";
import type { ConfigLayer, ConfigLayerSource } from "./layer-source.js";
import { formatInlineValue } from "./toml-serialize.js";
import { isTomlTable, type TomlTable, type TomlValue } from "./toml-value.js";

/** A layer source in words: `system /etc/codex/config.toml`, `project /p/.codex`, `session flags`, ... */
export function describeLayerSource(source: ConfigLayerSource): string {
  switch (source.type) {
    case "system":
      return `system ${source.file}`;
    case "legacyManagedConfigTomlFromFile":
      return `managed ${source.file}`;
    case "user":
      return source.profile === null ? `user ${source.file}` : `profile ${source.profile} in ${source.file}`;
    case "project":
      return `project ${source.dotCodexFolder}`;
    case "sessionFlags":
      return "session flags";
    case "threadConfig":
      return `thread config ${source.id}`;
  }
}

/** TOML comment lines listing the layers, highest precedence first, with why a disabled one is off. */
export function describeConfigLayers(layers: readonly ConfigLayer[]): string {
  const lines = ["# config layers (highest precedence first)"];
  for (const layer of [...layers].reverse()) {
    const disabled = layer.disabledReason === undefined ? "" : ` (disabled: ${layer.disabledReason})`;
    lines.push(`# ${describeLayerSource(layer.source)}${disabled}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Every leaf of a table with its dotted key (the same keys as `LoadedConfig.origins()`), in table order. */
export function flattenConfig(table: TomlTable): Array<{ key: string; value: TomlValue }> {
  const rows: Array<{ key: string; value: TomlValue }> = [];
  const visit = (current: TomlTable, prefix: string[]): void => {
    for (const [key, value] of Object.entries(current)) {
      if (isTomlTable(value)) {
        visit(value, [...prefix, key]);
      } else {
        rows.push({ key: formatKeyPath([...prefix, key]), value });
      }
    }
  };
  visit(table, []);
  return rows;
}

/** A value as inline TOML (`"text"`, `true`, `["a", "b"]`, `{ key = 1 }`). */
export function formatTomlValue(value: TomlValue): string {
  return formatInlineValue(value);
}
