// Browser and computer-use settings inside the effective config (snake_case keys, as in config.toml).

/** An allow or deny decision. */
export type AllowDenyRequirement = "allow" | "deny";

/** Browser access rules for one origin. */
export interface BrowserUseOriginPolicyConfig {
  access?: AllowDenyRequirement | null;
  downloads?: AllowDenyRequirement | null;
  uploads?: AllowDenyRequirement | null;
  full_cdp_access?: AllowDenyRequirement | null;
}

/** Browser-use settings. */
export interface BrowserUseConfig {
  allow_history_access?: boolean | null;
  default_origin_policy?: BrowserUseOriginPolicyConfig | null;
  /** Rules per origin. */
  origins?: { [origin: string]: BrowserUseOriginPolicyConfig } | null;
}

/** Computer-use rules for macOS applications. */
export interface ComputerUseMacosConfig {
  /** Decision per application bundle id. */
  bundle_ids?: { [bundleId: string]: AllowDenyRequirement } | null;
}

/** Computer-use rule for one Windows executable. */
export interface ComputerUseWindowsExeConfig {
  access: AllowDenyRequirement;
  product_name: string;
  publisher_name: string;
  binary_name?: string | null;
}

/** Computer-use rules for Windows applications. */
export interface ComputerUseWindowsConfig {
  /** Decision per application user model id. */
  aumids?: { [aumid: string]: AllowDenyRequirement } | null;
  exes?: ComputerUseWindowsExeConfig[] | null;
}

/** Computer-use settings. */
export interface ComputerUseConfig {
  default_app_access?: AllowDenyRequirement | null;
  macos?: ComputerUseMacosConfig | null;
  windows?: ComputerUseWindowsConfig | null;
}
