import { absolutePath } from "@codex-ts/utils-absolute-path";
import { describe, expect, it } from "vitest";
import type { ConfigLayer } from "./layer-source.js";
import { ConfigLayerStack } from "./layer-stack.js";
import type { TomlTable } from "./toml-value.js";

const userFile = absolutePath("/home/me/.codex/config.toml");

function layer(config: TomlTable, source: ConfigLayer["source"], extra: Partial<ConfigLayer> = {}): ConfigLayer {
  return { source, config, version: `sha256:${source.type}`, ...extra };
}

const system = layer(
  { model: "sys", sandbox_workspace_write: { network_access: false, writable_roots: ["/a"] }, notify: ["x"] },
  { type: "system", file: absolutePath("/etc/codex/config.toml") },
);
const user = layer(
  { model: "user", sandbox_workspace_write: { network_access: true }, projects: { "/tmp/p": { trust_level: "trusted" } } },
  { type: "user", file: userFile, profile: null },
);
const disabled = layer(
  { model: "project" },
  { type: "project", dotCodexFolder: absolutePath("/tmp/p/.codex") },
  { disabledReason: "not trusted" },
);
const flags = layer({ notify: ["y", "z"] }, { type: "sessionFlags" });

describe("ConfigLayerStack", () => {
  const stack = new ConfigLayerStack([system, user, disabled, flags]);

  it("merges enabled layers and skips disabled ones", () => {
    expect(stack.merged).toEqual({
      model: "user",
      sandbox_workspace_write: { network_access: true, writable_roots: ["/a"] },
      notify: ["y", "z"],
      projects: { "/tmp/p": { trust_level: "trusted" } },
    });
  });

  it("maps every leaf key path to the layer that set it", () => {
    const origins = stack.origins();
    expect(Object.keys(origins).sort()).toEqual([
      "model",
      "notify",
      "projects./tmp/p.trust_level",
      "sandbox_workspace_write.network_access",
      "sandbox_workspace_write.writable_roots",
    ]);
    expect(origins.model).toEqual({ source: user.source, version: "sha256:user" });
    expect(origins["sandbox_workspace_write.writable_roots"]?.source).toEqual(system.source);
    expect(origins.notify?.source).toEqual({ type: "sessionFlags" });
  });

  it("answers originOf for leaves, array items and tables", () => {
    expect(stack.originOf(["model"])?.source.type).toBe("user");
    expect(stack.originOf(["notify", 1])?.source.type).toBe("sessionFlags");
    expect(stack.originOf(["sandbox_workspace_write"])?.source.type).toBe("user");
    expect(stack.originOf(["missing"])).toBeUndefined();
  });

  it("attributes a leaf to the layer that replaced a table with a scalar", () => {
    const replaced = new ConfigLayerStack([
      layer({ history: { persistence: "none" } }, { type: "system", file: absolutePath("/s") }),
      layer({ history: "off" }, { type: "sessionFlags" }),
    ]);
    expect(Object.keys(replaced.origins())).toEqual(["history"]);
    expect(replaced.originOf(["history", "persistence"])?.source.type).toBe("sessionFlags");
  });
});
