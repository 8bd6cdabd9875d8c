// `experimentalFeature/list`: feature flags and their state.
import type { UInt32 } from "./scalars.js";

/** Lifecycle stage of a feature flag. */
export type ExperimentalFeatureStage = "beta" | "underDevelopment" | "stable" | "deprecated" | "removed";

/** A feature flag. */
export interface ExperimentalFeature {
  /** Key used in config.toml `[features]` and by `--enable`/`--disable`. */
  name: string;
  stage: ExperimentalFeatureStage;
  /** Name shown to users; null unless the feature is in beta. */
  displayName?: string | null;
  /** One-line summary; null unless the feature is in beta. */
  description?: string | null;
  /** Text announcing the feature; null unless the feature is in beta. */
  announcement?: string | null;
  /** Whether the loaded configuration enables it. */
  enabled: boolean;
  /** Whether it is on when configuration says nothing. */
  defaultEnabled: boolean;
}

/** List feature flags, one page at a time. */
export interface ExperimentalFeatureListParams {
  /** Cursor from the previous page. */
  cursor?: string | null;
  /** Page size; the server picks one when omitted. */
  limit?: UInt32 | null;
  /** A loaded thread whose configuration decides the `enabled` values. */
  threadId?: string | null;
}

/** One page of feature flags. */
export interface ExperimentalFeatureListResponse {
  data: ExperimentalFeature[];
  /** Cursor of the next page; absent or null on the last page. */
  nextCursor?: string | null;
}
