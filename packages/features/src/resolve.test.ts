import { describe, expect, it } from "vitest";
import { FEATURES, UnknownFeatureError, resolveFeatures } from "./index.js";

describe("resolveFeatures defaults", () => {
  it("starts from every feature's default with no warnings", () => {
    const resolved = resolveFeatures();
    expect(resolved.warnings).toEqual([]);
    for (const spec of FEATURES) {
      expect(resolved.isEnabled(spec.key as never), spec.key).toBe(spec.defaultEnabled);
    }
  });

  it("lists every feature sorted by name with its effective state", () => {
    const list = resolveFeatures({ enable: ["network_proxy"] }).list();
    expect(list.map((row) => row.name)).toEqual(FEATURES.map((spec) => spec.key));
    expect(list.find((row) => row.name === "network_proxy")).toEqual({
      name: "network_proxy",
      stage: "experimental",
      defaultEnabled: false,
      enabled: true,
      description: FEATURES.find((spec) => spec.key === "network_proxy")!.description,
    });
  });
});

describe("resolveFeatures precedence", () => {
  it("lets the config table override defaults", () => {
    const resolved = resolveFeatures({ features: { shell_tool: false, network_proxy: true } });
    expect(resolved.isEnabled("shell_tool")).toBe(false);
    expect(resolved.isEnabled("network_proxy")).toBe(true);
  });

  it("lets the profile table override the config table", () => {
    const resolved = resolveFeatures({
      features: { shell_tool: false, network_proxy: true },
      profileFeatures: { shell_tool: true },
    });
    expect(resolved.isEnabled("shell_tool")).toBe(true);
    expect(resolved.isEnabled("network_proxy")).toBe(true);
  });

  it("applies --enable after both tables and --disable last", () => {
    const resolved = resolveFeatures({
      features: { network_proxy: false, memories: true },
      profileFeatures: { network_proxy: false },
      enable: ["network_proxy", "memories"],
      disable: ["memories"],
    });
    expect(resolved.isEnabled("network_proxy")).toBe(true);
    expect(resolved.isEnabled("memories")).toBe(false);
  });
});

describe("resolveFeatures legacy aliases", () => {
  it("applies an alias to its feature and warns with the new key", () => {
    const resolved = resolveFeatures({ features: { collab: false, experimental_use_unified_exec_tool: false } });
    expect(resolved.isEnabled("multi_agent")).toBe(false);
    expect(resolved.isEnabled("unified_exec")).toBe(false);
    expect(resolved.warnings).toEqual([
      "`[features].collab` uses a legacy name; use `[features].multi_agent` instead",
      "`[features].experimental_use_unified_exec_tool` uses a legacy name; use `[features].unified_exec` instead",
    ]);
  });

  it("prefers the canonical key over an alias in the same table", () => {
    const resolved = resolveFeatures({ features: { web_search_request: false, web_search: true } });
    expect(resolved.isEnabled("web_search_request")).toBe(false);
    const reversed = resolveFeatures({ features: { web_search: false, web_search_request: true } });
    expect(reversed.isEnabled("web_search_request")).toBe(true);
  });

  it("accepts aliases in flags and names the profile in profile warnings", () => {
    const resolved = resolveFeatures({
      profileFeatures: { codex_hooks: false },
      profileName: "work",
      enable: ["connectors"],
    });
    expect(resolved.isEnabled("hooks")).toBe(false);
    expect(resolved.warnings).toEqual([
      "`[profiles.work.features].codex_hooks` uses a legacy name; use `[profiles.work.features].hooks` instead",
      "`--enable connectors` uses a legacy name; use `--enable apps` instead",
    ]);
  });

  it("answers isEnabled for an alias", () => {
    const resolved = resolveFeatures({ features: { collab: false } });
    expect(resolved.isEnabled("collab" as never)).toBe(false);
  });
});

describe("resolveFeatures unknown, removed and deprecated names", () => {
  it("ignores unknown table keys with a warning, suggesting a close name", () => {
    const resolved = resolveFeatures({
      features: { unifed_exec: false, totally_unrelated_thing: true },
    });
    expect(resolved.isEnabled("unified_exec")).toBe(FEATURES.find((s) => s.key === "unified_exec")!.defaultEnabled);
    expect(resolved.warnings).toEqual([
      "unknown feature `unifed_exec` in [features] is ignored; did you mean `unified_exec`?",
      "unknown feature `totally_unrelated_thing` in [features] is ignored",
    ]);
  });

  it("throws UnknownFeatureError for unknown flags", () => {
    expect(() => resolveFeatures({ enable: ["unifed_exec"] })).toThrow(UnknownFeatureError);
    expect(() => resolveFeatures({ disable: ["qqqqqqqq"] })).toThrow(
      "unknown feature `qqqqqqqq`; run `codex features list` to see the known features",
    );
  });

  it("throws for unknown names passed to isEnabled", () => {
    expect(() => resolveFeatures().isEnabled("nope" as never)).toThrow(UnknownFeatureError);
  });

  it("keeps removed features at their default and says the setting has no effect", () => {
    const resolved = resolveFeatures({
      features: { undo: true, steer: false, ghost_commit: true },
      disable: ["sqlite"],
    });
    expect(resolved.isEnabled("undo")).toBe(false);
    expect(resolved.isEnabled("steer")).toBe(true);
    expect(resolved.isEnabled("sqlite")).toBe(true);
    expect(resolved.warnings).toEqual([
      "`[features].ghost_commit` has no effect: feature `ghost_commit` (now `undo`) has been removed",
      "`[features].undo` has no effect: feature `undo` has been removed",
      "`[features].steer` has no effect: feature `steer` has been removed",
      "`--disable sqlite` has no effect: feature `sqlite` has been removed",
    ]);
  });

  it("applies deprecated features and warns, with the feature's own advice when it has one", () => {
    const resolved = resolveFeatures({ features: { web_search_cached: true, multi_agent: false } });
    expect(resolved.isEnabled("web_search_cached")).toBe(true);
    expect(resolved.isEnabled("multi_agent")).toBe(false);
    expect(resolved.warnings).toEqual([
      '`[features].web_search_cached` is deprecated: set top-level `web_search = "cached"` instead.',
      "`[features].multi_agent` is deprecated: it may be removed in a future release.",
    ]);
  });

  it("reports a repeated flag once", () => {
    const resolved = resolveFeatures({ enable: ["collab", "collab"] });
    expect(resolved.warnings).toHaveLength(1);
  });
});

describe("resolveFeatures table values", () => {
  it("counts a table as enabled unless it says enabled = false", () => {
    const resolved = resolveFeatures({
      features: {
        network_proxy: { mode: "limited" },
        multi_agent_v2: { enabled: true, max_depth: 2 },
        shell_snapshot: { enabled: false },
      },
    });
    expect(resolved.isEnabled("network_proxy")).toBe(true);
    expect(resolved.isEnabled("multi_agent_v2")).toBe(true);
    expect(resolved.isEnabled("shell_snapshot")).toBe(false);
    expect(resolved.table("network_proxy")).toEqual({ mode: "limited" });
    expect(resolved.table("unified_exec")).toBeUndefined();
    expect(resolved.warnings).toEqual([]);
  });

  it("keeps the highest-precedence table while a later boolean still decides enablement", () => {
    const resolved = resolveFeatures({
      features: { network_proxy: { mode: "full" } },
      profileFeatures: { network_proxy: { mode: "limited", enabled: true } },
      disable: ["network_proxy"],
    });
    expect(resolved.table("network_proxy")).toEqual({ mode: "limited", enabled: true });
    expect(resolved.isEnabled("network_proxy")).toBe(false);
  });

  it("ignores values that are neither booleans nor tables", () => {
    const resolved = resolveFeatures({
      features: { shell_tool: "false", apps: [true], hooks: { enabled: "no" } },
    });
    expect(resolved.isEnabled("shell_tool")).toBe(true);
    expect(resolved.isEnabled("apps")).toBe(true);
    expect(resolved.isEnabled("hooks")).toBe(true);
    expect(resolved.warnings).toEqual([
      "`[features].shell_tool` must be a boolean or a table; the value is ignored",
      "`[features].apps` must be a boolean or a table; the value is ignored",
      "`[features].hooks` must be a boolean or a table; the value is ignored",
    ]);
  });
});
