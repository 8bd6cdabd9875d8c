import { formatKeyPath } from "./key-path.js";
import type { ConfigLayer, ConfigOrigin } from "./layer-source.js";
import { mergeTables } from "./merge.js";
import { getTomlPath, isTomlTable, type TomlTable } from "./toml-value.js";

type PathSegment = string | number;

/**
 * Layers ordered lowest precedence first, merged into one table. Disabled layers are listed but not
 * merged. Tables merge recursively; scalars and arrays from a higher layer replace lower ones.
 */
export class ConfigLayerStack {
  readonly layers: readonly ConfigLayer[];
  readonly merged: TomlTable;
  private originTable: Record<string, ConfigOrigin> | undefined;

  constructor(layers: readonly ConfigLayer[]) {
    this.layers = layers;
    this.merged = layers
      .filter((layer) => layer.disabledReason === undefined)
      .reduce((merged, layer) => mergeTables(merged, layer.config), {} as TomlTable);
  }

  /** Every leaf key path of the merged table (display form) mapped to the layer that set it. */
  origins(): Record<string, ConfigOrigin> {
    if (this.originTable === undefined) {
      const table: Record<string, ConfigOrigin> = {};
      for (const leaf of leafPaths(this.merged, [])) {
        const layer = this.layers[this.highestDefining(leaf) ?? -1];
        if (layer !== undefined) {
          Object.defineProperty(table, formatKeyPath(leaf), {
            value: { source: layer.source, version: layer.version },
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      this.originTable = table;
    }
    return this.originTable;
  }

  /**
   * The layer that set the value at `path`. For a path inside an array or scalar, the layer that set that
   * value; for a table, the highest layer that set anything in it.
   */
  originOf(path: readonly PathSegment[]): ConfigOrigin | undefined {
    const layer = this.layerOf(path);
    return layer === undefined ? undefined : { source: layer.source, version: layer.version };
  }

  /** The layer `originOf` describes. */
  layerOf(path: readonly PathSegment[]): ConfigLayer | undefined {
    const index = this.layerIndexOf(path);
    return index === undefined ? undefined : this.layers[index];
  }

  private layerIndexOf(path: readonly PathSegment[]): number | undefined {
    const value = getTomlPath(this.merged, path);
    if (value === undefined) {
      for (let length = path.length - 1; length > 0; length--) {
        const prefix = path.slice(0, length);
        const prefixValue = getTomlPath(this.merged, prefix);
        if (prefixValue !== undefined && !isTomlTable(prefixValue)) {
          return this.highestDefining(prefix);
        }
      }
      return undefined;
    }
    if (isTomlTable(value)) {
      const indices = leafPaths(value, [...path])
        .map((leaf) => this.highestDefining(leaf))
        .filter((index): index is number => index !== undefined);
      return indices.length > 0 ? Math.max(...indices) : this.highestDefining(path);
    }
    return this.highestDefining(path);
  }

  private highestDefining(path: readonly PathSegment[]): number | undefined {
    for (let index = this.layers.length - 1; index >= 0; index--) {
      const layer = this.layers[index] as ConfigLayer;
      if (layer.disabledReason === undefined && getTomlPath(layer.config, path) !== undefined) {
        return index;
      }
    }
    return undefined;
  }
}

/** Paths of all non-table values (arrays count as values) under `table`. */
function leafPaths(table: TomlTable, prefix: PathSegment[]): PathSegment[][] {
  const leaves: PathSegment[][] = [];
  for (const [key, value] of Object.entries(table)) {
    const path = [...prefix, key];
    if (isTomlTable(value)) {
      leaves.push(...leafPaths(value, path));
    } else {
      leaves.push(path);
    }
  }
  return leaves;
}
