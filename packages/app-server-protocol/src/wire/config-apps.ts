// Per-app connector settings (`[apps]` in config.toml). Only reported to clients that enabled the
// experimental API.
import type { ApprovalsReviewer } from "./sandbox.js";

/** How calls to an app tool are approved. */
export type AppToolApproval = "auto" | "prompt" | "writes" | "approve";

/** Ways a tool can be exposed to the model. */
export type ToolExposureSurface = "code_mode" | "deferred" | "direct";

/** Settings of one tool of an app. */
export interface AppToolConfig {
  enabled?: boolean | null;
  approval_mode?: AppToolApproval | null;
}

/** Settings per tool name. */
export interface AppToolsConfig {
  [tool: string]: AppToolConfig;
}

/** Approval settings of one link of an app. */
export interface AppLinkConfig {
  approvals_reviewer?: ApprovalsReviewer | null;
  default_tools_approval_mode?: AppToolApproval | null;
}

/** Settings per link id. */
export interface AppLinksConfig {
  [link: string]: AppLinkConfig;
}

/** Settings of one app. */
export interface AppConfig {
  /** Defaults to true. */
  enabled?: boolean;
  destructive_enabled?: boolean | null;
  open_world_enabled?: boolean | null;
  default_tools_enabled?: boolean | null;
  default_tools_approval_mode?: AppToolApproval | null;
  approvals_reviewer?: ApprovalsReviewer | null;
  omit_tools_from?: ToolExposureSurface[] | null;
  tools?: AppToolsConfig | null;
  links?: AppLinksConfig | null;
}

/** Defaults applied to every app. */
export interface AppsDefaultConfig {
  /** Defaults to true. */
  enabled?: boolean;
  /** Defaults to true. */
  destructive_enabled?: boolean;
  /** Defaults to true. */
  open_world_enabled?: boolean;
  default_tools_approval_mode?: AppToolApproval | null;
  approvals_reviewer?: ApprovalsReviewer | null;
}

/** Settings per app id, plus defaults under `_default`. */
export interface AppsConfig {
  _default?: AppsDefaultConfig | null;
  [app: string]: AppConfig | AppsDefaultConfig | null | undefined;
}
