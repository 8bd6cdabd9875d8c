import { describe, expect, it } from "vitest";
import { FEATURES, featureByKey, isCanonicalFeatureKey, knownFeatureNames } from "./index.js";

// Key, stage and default of every registered feature, matching upstream Codex on Linux/macOS.
const EXPECTED: Array<[string, string, boolean]> = [
  ["apply_patch_freeform", "removed", false],
  ["apply_patch_streaming_events", "underDevelopment", false],
  ["apps", "stable", true],
  ["collaboration_modes", "removed", true],
  ["enable_request_compression", "stable", true],
  ["exec_permission_approvals", "underDevelopment", false],
  ["fast_mode", "stable", true],
  ["goals", "stable", true],
  ["guardian_approval", "stable", true],
  ["hooks", "stable", true],
  ["image_generation", "stable", true],
  ["memories", "stable", false],
  ["multi_agent", "deprecated", true],
  ["multi_agent_v2", "stable", false],
  ["network_proxy", "experimental", false],
  ["plugins", "stable", true],
  ["prevent_idle_sleep", "experimental", false],
  ["remote_compaction_v2", "removed", false],
  ["request_permissions_tool", "underDevelopment", false],
  ["respect_system_proxy", "experimental", false],
  ["responses_websockets", "removed", false],
  ["responses_websockets_v2", "removed", false],
  ["shell_snapshot", "stable", true],
  ["shell_tool", "stable", true],
  ["shell_zsh_fork", "removed", false],
  ["skill_mcp_dependency_install", "stable", true],
  ["sqlite", "removed", true],
  ["steer", "removed", true],
  ["tool_call_mcp_elicitation", "stable", true],
  ["tool_search", "removed", false],
  ["tool_suggest", "stable", true],
  ["tui_app_server", "removed", true],
  ["undo", "removed", false],
  ["unified_exec", "stable", process.platform !== "win32"],
  ["unified_exec_tty", "stable", true],
  ["use_legacy_landlock", "deprecated", false],
  ["use_linux_sandbox_bwrap", "removed", false],
  ["view_image", "stable", true],
  ["web_search_cached", "deprecated", false],
  ["web_search_request", "deprecated", false],
];

describe("FEATURES", () => {
  it("registers exactly the expected keys with upstream's stage and default, sorted by key", () => {
    expect(FEATURES.map((spec) => [spec.key, spec.stage, spec.defaultEnabled])).toEqual(EXPECTED);
  });

  it("gives every feature a one-line description", () => {
    for (const spec of FEATURES) {
      expect(spec.description.length, spec.key).toBeGreaterThan(10);
      expect(spec.description, spec.key).not.toContain("\n");
    }
  });

  it("keeps keys and aliases unique and lower snake_case", () => {
    const names = knownFeatureNames();
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(FEATURES)).toBe(true);
    expect(Object.isFrozen(FEATURES[0])).toBe(true);
    expect(Object.isFrozen(featureByKey("unified_exec")!.legacyKeys)).toBe(true);
  });

  it("gives opt-in previews a menu name and nothing else one", () => {
    for (const spec of FEATURES) {
      const preview = spec.stage === "experimental" || spec.stage === "beta";
      expect(spec.displayName !== undefined, spec.key).toBe(preview);
    }
  });
});

describe("featureByKey", () => {
  it("finds canonical keys and resolves legacy aliases", () => {
    expect(featureByKey("unified_exec")?.key).toBe("unified_exec");
    expect(featureByKey("experimental_use_unified_exec_tool")?.key).toBe("unified_exec");
    expect(featureByKey("experimental_use_exec_command_tool")?.key).toBe("unified_exec");
    expect(featureByKey("include_apply_patch_tool")?.key).toBe("apply_patch_freeform");
    expect(featureByKey("web_search")?.key).toBe("web_search_request");
    expect(featureByKey("collab")?.key).toBe("multi_agent");
    expect(featureByKey("codex_hooks")?.key).toBe("hooks");
    expect(featureByKey("connectors")?.key).toBe("apps");
    expect(featureByKey("request_permissions")?.key).toBe("exec_permission_approvals");
    expect(featureByKey("memory_tool")?.key).toBe("memories");
    expect(featureByKey("ghost_commit")?.key).toBe("undo");
    expect(featureByKey("view_image_tool")?.key).toBe("view_image");
    expect(featureByKey("nope")).toBeUndefined();
  });

  it("tells canonical keys from aliases", () => {
    expect(isCanonicalFeatureKey("multi_agent")).toBe(true);
    expect(isCanonicalFeatureKey("collab")).toBe(false);
  });
});
