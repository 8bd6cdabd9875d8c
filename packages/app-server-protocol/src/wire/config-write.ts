// `config/value/write` and `config/batchWrite`.
import type { ConfigLayerMetadata } from "./config-layers.js";
import type { AbsolutePathBuf, JsonValue } from "./scalars.js";

/** How a written value combines with what is already there. */
export type MergeStrategy = "replace" | "upsert";

/** Set one value in a config file. */
export interface ConfigValueWriteParams {
  /** Dotted key path, such as `model` or `features.web_search`. */
  keyPath: string;
  value: JsonValue;
  mergeStrategy: MergeStrategy;
  /** Config file to edit; the user's config.toml when omitted. */
  filePath?: string | null;
  /** Fail unless the file still has this version (from `config/read`). */
  expectedVersion?: string | null;
}

/** One edit of a batch. */
export interface ConfigEdit {
  /** Dotted key path. */
  keyPath: string;
  value: JsonValue;
  mergeStrategy: MergeStrategy;
}

/** Apply several edits to a config file at once. */
export interface ConfigBatchWriteParams {
  edits: ConfigEdit[];
  /** Config file to edit; the user's config.toml when omitted. */
  filePath?: string | null;
  /** Fail unless the file still has this version (from `config/read`). */
  expectedVersion?: string | null;
  /** After writing, apply the changed settings to threads that are already loaded. */
  reloadUserConfig?: boolean;
}

/** Whether the written value is the effective one. */
export type WriteStatus = "ok" | "okOverridden";

/** Explains why a written value is not the effective one. */
export interface OverriddenMetadata {
  message: string;
  /** The higher-precedence layer that wins. */
  overridingLayer: ConfigLayerMetadata;
  /** The value that is in effect. */
  effectiveValue: JsonValue;
}

/** Result of a config write. */
export interface ConfigWriteResponse {
  status: WriteStatus;
  /** New version of the written file. */
  version: string;
  /** Canonical path of the written file. */
  filePath: AbsolutePathBuf;
  /** Present when another layer overrides the written value. */
  overriddenMetadata?: OverriddenMetadata | null;
}
