import type { AbsolutePath } from "@codex-ts/utils-absolute-path";
import type { TomlTable } from "./toml-value.js";

/** What a thread-config loader is told about the thread being configured. */
export interface ThreadConfigContext {
  cwd: AbsolutePath;
}

/** One thread-config layer: an id (shown as its source) and a table. */
export interface ThreadConfigLayerInput {
  id: string;
  config: TomlTable;
}

/**
 * Supplies the highest-precedence layers for one thread (for example settings pushed by an embedding
 * app). Layers are applied in the order returned, later ones winning.
 */
export interface ThreadConfigLoader {
  load(context: ThreadConfigContext): Promise<ThreadConfigLayerInput[]>;
}

/** Supplies no layers. */
export class NoopThreadConfigLoader implements ThreadConfigLoader {
  async load(): Promise<ThreadConfigLayerInput[]> {
    return [];
  }
}

/** Supplies the same fixed layers for every thread. */
export class StaticThreadConfigLoader implements ThreadConfigLoader {
  private readonly layers: readonly ThreadConfigLayerInput[];

  constructor(layers: readonly ThreadConfigLayerInput[]) {
    this.layers = layers.map((layer) => ({ id: layer.id, config: layer.config }));
  }

  async load(): Promise<ThreadConfigLayerInput[]> {
    return this.layers.map((layer) => ({ id: layer.id, config: layer.config }));
  }
}
