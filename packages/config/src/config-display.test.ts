import { absolutePath } from "@codex-ts/utils-absolute-path";
import { describe, expect, it } from "vitest";
import { describeConfigLayers, describeLayerSource, flattenConfig, formatTomlValue } from "./config-display.js";

const file = absolutePath("/home/me/.codex/config.toml");

describe("config display helpers", () => {
  it("describes each kind of layer source", () => {
    expect(describeLayerSource({ type: "system", file: absolutePath("/etc/codex/config.toml") })).toBe("system /etc/codex/config.toml");
    expect(describeLayerSource({ type: "legacyManagedConfigTomlFromFile", file })).toBe(`managed ${file}`);
    expect(describeLayerSource({ type: "user", file, profile: null })).toBe(`user ${file}`);
    expect(describeLayerSource({ type: "user", file, profile: "fast" })).toBe(`profile fast in ${file}`);
    expect(describeLayerSource({ type: "project", dotCodexFolder: absolutePath("/p/.codex") })).toBe("project /p/.codex");
    expect(describeLayerSource({ type: "sessionFlags" })).toBe("session flags");
    expect(describeLayerSource({ type: "threadConfig", id: "ide" })).toBe("thread config ide");
  });

  it("lists layers highest first and says why one is disabled", () => {
    expect(
      describeConfigLayers([
        { source: { type: "user", file, profile: null }, config: {}, version: "sha256:a" },
        { source: { type: "project", dotCodexFolder: absolutePath("/p/.codex") }, config: {}, version: "sha256:b", disabledReason: "not trusted" },
        { source: { type: "sessionFlags" }, config: {}, version: "sha256:c" },
      ]),
    ).toBe(`# config layers (highest precedence first)\n# session flags\n# project /p/.codex (disabled: not trusted)\n# user ${file}\n`);
  });

  it("flattens tables to dotted leaf keys and formats values as TOML", () => {
    const rows = flattenConfig({ model: "o3", projects: { "/tmp/p": { trust_level: "trusted" } }, notify: ["a"] });
    expect(rows.map(({ key, value }) => `${key} = ${formatTomlValue(value)}`)).toEqual([
      'model = "o3"',
      'projects./tmp/p.trust_level = "trusted"',
      'notify = ["a"]',
    ]);
  });
});
