import type { FeatureStage } from "./stage.js";

/** One entry of the feature registry. */
export interface FeatureSpec {
  /** Canonical key used in `[features]` and by `--enable` / `--disable`. */
  readonly key: string;
  readonly stage: FeatureStage;
  /** Whether the feature is on when nothing configures it. */
  readonly defaultEnabled: boolean;
  /** One-line summary of what the feature controls. */
  readonly description: string;
  /** Older names that are still accepted and resolve to this feature. */
  readonly legacyKeys?: readonly string[];
  /** Name shown in the experimental-features menu; set for `experimental` and `beta` features. */
  readonly displayName?: string;
  /** Extra guidance appended to the warning shown when a deprecated feature is configured. */
  readonly deprecationNote?: string;
}

const onWindows = process.platform === "win32";

/**
 * The features this codebase knows about. Keys, stages and defaults follow upstream Codex so that an
 * existing `config.toml` resolves to the same effective set.
 */
const REGISTRY = [
  {
    key: "apply_patch_freeform",
    stage: "removed",
    defaultEnabled: false,
    description: "Offered apply_patch as a free-form grammar tool; the tool flavour now follows the model.",
    legacyKeys: ["include_apply_patch_tool", "experimental_use_freeform_apply_patch"],
  },
  {
    key: "apply_patch_streaming_events",
    stage: "underDevelopment",
    defaultEnabled: false,
    description: "Report file-change progress while the model is still writing an apply_patch call.",
  },
  {
    key: "apps",
    stage: "stable",
    defaultEnabled: true,
    description: "Expose ChatGPT app connectors as tools when signed in with a ChatGPT account.",
    legacyKeys: ["connectors"],
  },
  {
    key: "collaboration_modes",
    stage: "removed",
    defaultEnabled: true,
    description: "Plan and Default collaboration modes; always available now.",
  },
  {
    key: "enable_request_compression",
    stage: "stable",
    defaultEnabled: true,
    description: "Compress streaming request bodies sent to the Codex backend.",
  },
  {
    key: "exec_permission_approvals",
    stage: "underDevelopment",
    defaultEnabled: false,
    description: "Let command tools ask for extra sandbox permissions instead of full escalation.",
    legacyKeys: ["request_permissions"],
  },
  {
    key: "fast_mode",
    stage: "stable",
    defaultEnabled: true,
    description: "Allow choosing the faster service tier for supported models.",
  },
  {
    key: "goals",
    stage: "stable",
    defaultEnabled: true,
    description: "Persist a goal per thread and keep working towards it across turns.",
  },
  {
    key: "guardian_approval",
    stage: "stable",
    defaultEnabled: true,
    description: "Have a reviewer model assess approval requests before they reach the user.",
  },
  {
    key: "hooks",
    stage: "stable",
    defaultEnabled: true,
    description: "Run lifecycle hooks (before/after tool use, on prompt submit, on stop, ...) from config.",
    legacyKeys: ["codex_hooks"],
  },
  {
    key: "image_generation",
    stage: "stable",
    defaultEnabled: true,
    description: "Offer the hosted image generation tool to the model.",
  },
  {
    key: "memories",
    stage: "stable",
    defaultEnabled: false,
    description: "Extract memories from past threads and bring the relevant ones into new threads.",
    legacyKeys: ["memory_tool"],
  },
  {
    key: "multi_agent",
    stage: "deprecated",
    defaultEnabled: true,
    description: "Sub-agent tools (spawn, message, wait, close) that run child threads.",
    legacyKeys: ["collab"],
  },
  {
    key: "multi_agent_v2",
    stage: "stable",
    defaultEnabled: false,
    description: "Second-generation sub-agents addressed by task path.",
  },
  {
    key: "network_proxy",
    stage: "experimental",
    defaultEnabled: false,
    displayName: "Network proxy",
    description: "Route network traffic of sandboxed commands through the policy-enforcing proxy.",
  },
  {
    key: "plugins",
    stage: "stable",
    defaultEnabled: true,
    description: "Load plugins that bundle skills, MCP servers and apps.",
  },
  {
    key: "prevent_idle_sleep",
    stage: "experimental",
    defaultEnabled: false,
    displayName: "Keep awake while running",
    description: "Keep the machine awake while a turn is running.",
  },
  {
    key: "remote_compaction_v2",
    stage: "removed",
    defaultEnabled: false,
    description: "Compaction through the regular Responses endpoint; superseded.",
  },
  {
    key: "request_permissions_tool",
    stage: "underDevelopment",
    defaultEnabled: false,
    description: "Offer a request_permissions tool the model can call to ask for broader access.",
  },
  {
    key: "respect_system_proxy",
    stage: "experimental",
    defaultEnabled: false,
    displayName: "System proxy settings",
    description: "Honour the operating system's proxy settings for outgoing connections.",
  },
  {
    key: "responses_websockets",
    stage: "removed",
    defaultEnabled: false,
    description: "Talk to the Responses API over a WebSocket; retired transport experiment.",
  },
  {
    key: "responses_websockets_v2",
    stage: "removed",
    defaultEnabled: false,
    description: "Second WebSocket transport experiment for the Responses API; retired.",
  },
  {
    key: "shell_snapshot",
    stage: "stable",
    defaultEnabled: true,
    description: "Capture the user's shell environment once and reuse it for every command.",
  },
  {
    key: "shell_tool",
    stage: "stable",
    defaultEnabled: true,
    description: "Offer the default shell command tool to the model.",
  },
  {
    key: "shell_zsh_fork",
    stage: "removed",
    defaultEnabled: false,
    description: "Ran shell commands through a forked zsh bridge; retired.",
  },
  {
    key: "skill_mcp_dependency_install",
    stage: "stable",
    defaultEnabled: true,
    description: "Offer to install MCP servers that a skill declares as dependencies.",
  },
  {
    key: "sqlite",
    stage: "removed",
    defaultEnabled: true,
    description: "Index threads in the SQLite state database; always on.",
  },
  {
    key: "steer",
    stage: "removed",
    defaultEnabled: true,
    description: "Send input typed during a turn to the running turn; always on.",
  },
  {
    key: "tool_call_mcp_elicitation",
    stage: "stable",
    defaultEnabled: true,
    description: "Ask for MCP tool-call approval through MCP elicitation requests.",
  },
  {
    key: "tool_search",
    stage: "removed",
    defaultEnabled: false,
    description: "Let the model search deferred tools; always available now.",
  },
  {
    key: "tool_suggest",
    stage: "stable",
    defaultEnabled: true,
    description: "Suggest installable apps and tools that could help with the task.",
  },
  {
    key: "tui_app_server",
    stage: "removed",
    defaultEnabled: true,
    description: "Drive the terminal UI through the app-server; always on.",
  },
  {
    key: "undo",
    stage: "removed",
    defaultEnabled: false,
    description: "Per-turn hidden git snapshots that allowed /undo; retired.",
    legacyKeys: ["ghost_commit"],
  },
  {
    key: "unified_exec",
    stage: "stable",
    defaultEnabled: !onWindows,
    description: "Run commands through long-lived exec sessions (PTY or pipes) that the model can poll and write to.",
    legacyKeys: ["experimental_use_unified_exec_tool", "experimental_use_exec_command_tool"],
  },
  {
    key: "unified_exec_tty",
    stage: "stable",
    defaultEnabled: true,
    description: "Allow unified exec sessions to run under a pseudo-terminal.",
  },
  {
    key: "use_legacy_landlock",
    stage: "deprecated",
    defaultEnabled: false,
    description: "Sandbox Linux commands with Landlock instead of bubblewrap.",
    deprecationNote: "bubblewrap is the Linux sandbox; remove this setting.",
  },
  {
    key: "use_linux_sandbox_bwrap",
    stage: "removed",
    defaultEnabled: false,
    description: "Opt-in to the bubblewrap Linux sandbox; it is the default now.",
  },
  {
    key: "view_image",
    stage: "stable",
    defaultEnabled: true,
    description: "Offer the view_image tool so the model can look at local image files.",
    legacyKeys: ["view_image_tool"],
  },
  {
    key: "web_search_cached",
    stage: "deprecated",
    defaultEnabled: false,
    description: "Web search restricted to cached results; takes precedence over web_search_request.",
    deprecationNote: 'set top-level `web_search = "cached"` instead.',
  },
  {
    key: "web_search_request",
    stage: "deprecated",
    defaultEnabled: false,
    description: "Web search with live results.",
    legacyKeys: ["web_search"],
    deprecationNote: 'set top-level `web_search = "live"`, `"cached"` or `"disabled"` instead.',
  },
] as const satisfies readonly FeatureSpec[];

/** Canonical key of a registered feature. */
export type FeatureKey = (typeof REGISTRY)[number]["key"];

/** The registry, sorted by key. */
export const FEATURES: readonly FeatureSpec[] = Object.freeze(
  REGISTRY.map((spec) => freezeSpec(spec)).sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  ),
);

function freezeSpec(spec: FeatureSpec): FeatureSpec {
  const copy: FeatureSpec =
    spec.legacyKeys === undefined ? { ...spec } : { ...spec, legacyKeys: Object.freeze([...spec.legacyKeys]) };
  return Object.freeze(copy);
}

const byCanonicalKey = new Map<string, FeatureSpec>(FEATURES.map((spec) => [spec.key, spec]));
const byLegacyKey = new Map<string, FeatureSpec>();
for (const spec of FEATURES) {
  for (const legacy of spec.legacyKeys ?? []) {
    byLegacyKey.set(legacy, spec);
  }
}

/** The feature registered under `key`, or under a legacy alias `key`. */
export function featureByKey(key: string): FeatureSpec | undefined {
  return byCanonicalKey.get(key) ?? byLegacyKey.get(key);
}

/** True when `key` is a canonical key (not an alias). */
export function isCanonicalFeatureKey(key: string): key is FeatureKey {
  return byCanonicalKey.has(key);
}

/** Every accepted name: canonical keys and legacy aliases. */
export function knownFeatureNames(): string[] {
  return [...byCanonicalKey.keys(), ...byLegacyKey.keys()];
}
