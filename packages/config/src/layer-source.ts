import { createHash } from "node:crypto";
import type { AbsolutePath } from "@codex-ts/utils-absolute-path";
import { stringify } from "smol-toml";
import type { TomlTable } from "./toml-value.js";

/** Where a config layer comes from (same tags and field names as upstream `ConfigLayerSource`). */
export type ConfigLayerSource =
  | { type: "system"; file: AbsolutePath }
  | { type: "legacyManagedConfigTomlFromFile"; file: AbsolutePath }
  | { type: "user"; file: AbsolutePath; profile: string | null }
  | { type: "project"; dotCodexFolder: AbsolutePath }
  | { type: "sessionFlags" }
  | { type: "threadConfig"; id: string };

/** One layer of configuration. */
export interface ConfigLayer {
  source: ConfigLayerSource;
  /** The layer's table as written (relative paths not yet resolved). */
  config: TomlTable;
  /** `sha256:<hex>` of the file bytes, or of the serialised table for layers without a file. */
  version: string;
  /** Present when the layer is listed but not applied, saying why and how to enable it. */
  disabledReason?: string;
}

/** The layer that set a value. */
export interface ConfigOrigin {
  source: ConfigLayerSource;
  version: string;
}

/** Version of a layer read from a file: the hash of its bytes. */
export function fileVersion(bytes: Uint8Array | string): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

/** Version of a layer without a file: the hash of its table serialised as TOML. */
export function tableVersion(table: TomlTable): string {
  return fileVersion(stringify(table));
}
