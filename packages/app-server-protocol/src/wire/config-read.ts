// `config/read`: the effective configuration and where each value came from.
import type { AppsConfig } from "./config-apps.js";
import type { ConfigLayer, ConfigLayerMetadata } from "./config-layers.js";
import type { BrowserUseConfig, ComputerUseConfig } from "./config-tools.js";
import type { ReasoningEffort, ReasoningSummary, Verbosity } from "./reasoning.js";
import type { ApprovalsReviewer, AskForApproval, SandboxMode } from "./sandbox.js";
import type { Int64, JsonValue } from "./scalars.js";
import type { WebSearchMode, WebSearchProvider, WebSearchToolConfig } from "./web-search.js";

/** Read the effective configuration. */
export interface ConfigReadParams {
  /** Also return every layer of the config stack. */
  includeLayers?: boolean;
  /** Resolve project layers as seen from this directory (those between it and the project root). */
  cwd?: string | null;
}

/** The effective configuration. */
export interface ConfigReadResponse {
  config: Config;
  /** Layer that supplied each effective value, keyed by dotted key path. */
  origins: { [keyPath: string]: ConfigLayerMetadata };
  /** All layers, lowest precedence first; present when `includeLayers` was set. */
  layers?: ConfigLayer[] | null;
}

/** Which part of the context counts toward the auto-compaction token limit. */
export type AutoCompactTokenLimitScope = "total" | "body_after_prefix";

/** ChatGPT workspace(s) login is restricted to: one id or a list. */
export type ForcedChatgptWorkspaceIds = string | string[];

/** Login method enforced by configuration. */
export type ForcedLoginMethod = "chatgpt" | "api";

/** Settings of the `workspace-write` sandbox mode (snake_case keys). */
export interface SandboxWorkspaceWrite {
  /** Defaults to an empty list. */
  writable_roots?: string[];
  /** Defaults to false. */
  network_access?: boolean;
  /** Defaults to false. */
  exclude_tmpdir_env_var?: boolean;
  /** Defaults to false. */
  exclude_slash_tmp?: boolean;
}

/** Tool settings. */
export interface ToolsV2 {
  web_search?: WebSearchToolConfig | null;
}

/** Usage analytics settings; unknown keys are passed through. */
export interface AnalyticsConfig {
  enabled?: boolean | null;
  [key: string]: JsonValue;
}

/**
 * The effective configuration with config.toml key names (snake_case). Keys not described here are
 * passed through unchanged.
 */
export interface Config {
  model?: string | null;
  review_model?: string | null;
  model_context_window?: Int64 | null;
  model_auto_compact_token_limit?: Int64 | null;
  model_auto_compact_token_limit_scope?: AutoCompactTokenLimitScope | null;
  model_provider?: string | null;
  approval_policy?: AskForApproval | null;
  approvals_reviewer?: ApprovalsReviewer | null;
  sandbox_mode?: SandboxMode | null;
  sandbox_workspace_write?: SandboxWorkspaceWrite | null;
  forced_chatgpt_workspace_id?: ForcedChatgptWorkspaceIds | null;
  forced_login_method?: ForcedLoginMethod | null;
  web_search?: WebSearchMode | null;
  client_search_provider?: WebSearchProvider | null;
  tools?: ToolsV2 | null;
  instructions?: string | null;
  developer_instructions?: string | null;
  compact_prompt?: string | null;
  model_reasoning_effort?: ReasoningEffort | null;
  model_reasoning_summary?: ReasoningSummary | null;
  model_verbosity?: Verbosity | null;
  service_tier?: string | null;
  analytics?: AnalyticsConfig | null;
  browser_use?: BrowserUseConfig | null;
  computer_use?: ComputerUseConfig | null;
  /**
   * Per-app connector settings.
   * @experimental
   */
  apps?: AppsConfig | null;
  /** Settings owned by the desktop app, passed through as-is. */
  desktop?: { [key: string]: JsonValue } | null;
  [key: string]: JsonValue;
}
