import { createHash } from "node:crypto";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "./diagnostics.js";
import { ConfigOverrideError } from "./overrides.js";
import { createConfigFixture, rejectionOf, trustLine, type ConfigFixture } from "./test-fixture.js";
import { StaticThreadConfigLoader } from "./thread-config-loader.js";

let fx: ConfigFixture;

beforeEach(async () => {
  fx = await createConfigFixture();
});

afterEach(async () => {
  await fx.cleanup();
});

const LAYERS = ["system", "managed_system", "managed_home", "user", "project", "profile", "flag", "thread"];

/** TOML that sets tui.k<j> = name for every j >= index, so layer j must win key k<j>. */
function keysFrom(index: number, name: string, prefix = "tui."): string {
  return LAYERS.slice(index)
    .map((_, offset) => `${prefix}k${index + offset} = "${name}"`)
    .join("\n");
}

describe("loadConfig precedence", () => {
  it("orders system < managed < user < project < profile < -c < thread", async () => {
    await fx.write(path.join(fx.systemDir, "config.toml"), keysFrom(0, "system"));
    await fx.write(path.join(fx.systemDir, "managed_config.toml"), keysFrom(1, "managed_system"));
    await fx.write(path.join(fx.codexHome, "managed_config.toml"), keysFrom(2, "managed_home"));
    await fx.write(
      path.join(fx.codexHome, "config.toml"),
      `${keysFrom(3, "user")}\nprofile = "p"\n${trustLine(fx.repo)}\n[profiles.p]\n${keysFrom(5, "profile", "tui.")}\n`,
    );
    await fx.write(path.join(fx.repo, ".codex/config.toml"), keysFrom(4, "project"));
    const loaded = await fx.load({
      overrides: [6, 7].map((j) => `tui.k${j}=flag`),
      threadConfigLoader: new StaticThreadConfigLoader([{ id: "t1", config: { tui: { k7: "thread" } } }]),
    });

    expect(loaded.merged.tui).toEqual(Object.fromEntries(LAYERS.map((name, j) => [`k${j}`, name])));
    expect(loaded.layers.map((layer) => layer.source)).toEqual([
      { type: "system", file: path.join(fx.systemDir, "config.toml") },
      { type: "legacyManagedConfigTomlFromFile", file: path.join(fx.systemDir, "managed_config.toml") },
      { type: "legacyManagedConfigTomlFromFile", file: path.join(fx.codexHome, "managed_config.toml") },
      { type: "user", file: path.join(fx.codexHome, "config.toml"), profile: null },
      { type: "project", dotCodexFolder: path.join(fx.repo, ".codex") },
      { type: "user", file: path.join(fx.codexHome, "config.toml"), profile: "p" },
      { type: "sessionFlags" },
      { type: "threadConfig", id: "t1" },
    ]);
    expect(loaded.profile).toBe("p");
    const origins = loaded.origins();
    for (const j of LAYERS.keys()) expect(origins[`tui.k${j}`]?.source).toEqual(loaded.layers[j]?.source);
  });

  it("lists the user layer even when its file is missing, and versions file layers by their bytes", async () => {
    const systemText = 'model = "o3"\n';
    await fx.write(path.join(fx.systemDir, "config.toml"), systemText);
    const loaded = await fx.load();
    const sha = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;
    expect(loaded.layers).toEqual([
      { source: { type: "system", file: path.join(fx.systemDir, "config.toml") }, config: { model: "o3" }, version: sha(systemText) },
      { source: { type: "user", file: path.join(fx.codexHome, "config.toml"), profile: null }, config: {}, version: sha("") },
    ]);
  });

  it("reads the system folder from CODEX_SYSTEM_CONFIG_DIR when no option is given", async () => {
    await fx.write(path.join(fx.root, "packaged/config.toml"), 'model = "packaged"\n');
    const loaded = await fx.load({
      systemConfigDir: undefined,
      env: { HOME: fx.home, CODEX_SYSTEM_CONFIG_DIR: path.join(fx.root, "packaged") },
    });
    expect(loaded.merged.model).toBe("packaged");
    expect(loaded.layers[0]?.source).toEqual({ type: "system", file: path.join(fx.root, "packaged/config.toml") });
  });
});

describe("loadConfig merging", () => {
  it("merges tables deeply and replaces arrays and scalars", async () => {
    await fx.write(
      path.join(fx.systemDir, "config.toml"),
      'notify = ["a", "b"]\nmodel = "sys"\n[sandbox_workspace_write]\nnetwork_access = true\nexclude_slash_tmp = true\n[shell_environment_policy.set]\nA = "1"\n',
    );
    await fx.write(
      path.join(fx.codexHome, "config.toml"),
      'notify = ["c"]\n[sandbox_workspace_write]\nnetwork_access = false\n[shell_environment_policy.set]\nB = "2"\n',
    );
    const loaded = await fx.load({ overrides: ["model=o3"] });
    expect(loaded.merged).toEqual({
      notify: ["c"],
      model: "o3",
      sandbox_workspace_write: { network_access: false, exclude_slash_tmp: true },
      shell_environment_policy: { set: { A: "1", B: "2" } },
    });
    expect(loaded.config.sandbox_workspace_write).toEqual({ network_access: false, exclude_slash_tmp: true });
    expect(loaded.origins()).toMatchObject({
      notify: { source: { type: "user" } },
      model: { source: { type: "sessionFlags" } },
      "sandbox_workspace_write.exclude_slash_tmp": { source: { type: "system" } },
      "shell_environment_policy.set.A": { source: { type: "system" } },
      "shell_environment_policy.set.B": { source: { type: "user" } },
    });
    expect(loaded.originOf(["sandbox_workspace_write"])?.source.type).toBe("user");
    expect(loaded.originOf(["nothing"])).toBeUndefined();
  });

  it("prints origins of quoted keys in the plain joined form", async () => {
    await fx.write(path.join(fx.codexHome, "config.toml"), '[projects."/tmp/p"]\ntrust_level = "trusted"\n');
    const loaded = await fx.load();
    expect(Object.keys(loaded.origins())).toEqual(["projects./tmp/p.trust_level"]);
  });
});

describe("loadConfig profiles and flags", () => {
  const userConfig = 'model = "base"\nprofile = "fast"\n[profiles.fast]\nmodel = "mini"\napproval_policy = "never"\n[profiles.deep]\nmodel = "big"\n';

  it("applies the profile named by the profile key, or by the option", async () => {
    await fx.write(path.join(fx.codexHome, "config.toml"), userConfig);
    expect((await fx.load()).config).toMatchObject({ model: "mini", approval_policy: "never" });
    const deep = await fx.load({ profile: "deep" });
    expect(deep.config.model).toBe("big");
    expect(deep.config.approval_policy).toBeUndefined();
    expect(deep.originOf(["model"])?.source).toEqual({ type: "user", file: path.join(fx.codexHome, "config.toml"), profile: "deep" });
  });

  it("lets -c flags beat the profile, and select the profile", async () => {
    await fx.write(path.join(fx.codexHome, "config.toml"), userConfig);
    expect((await fx.load({ overrides: ["model=o3"] })).config.model).toBe("o3");
    expect((await fx.load({ overrides: ["profile=deep"] })).config.model).toBe("big");
  });

  it("rejects an unknown profile naming the known ones", async () => {
    await fx.write(path.join(fx.codexHome, "config.toml"), userConfig);
    const error = await rejectionOf<ConfigError>(fx.load({ profile: "slow" }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.code).toBe("CONFIG_UNKNOWN_PROFILE");
    expect(error.message).toBe("config profile `slow` not found; choose one of `fast`, `deep`");
  });

  it("rejects a malformed -c flag", async () => {
    await expect(fx.load({ overrides: ["model"] })).rejects.toBeInstanceOf(ConfigOverrideError);
  });

  it("parses -c values as TOML with a literal fallback", async () => {
    const loaded = await fx.load({
      overrides: ["model=gpt-5.1", "sandbox_workspace_write.network_access=true", 'notify=["a","b"]', "project_doc_max_bytes=10"],
    });
    expect(loaded.config).toMatchObject({
      model: "gpt-5.1",
      sandbox_workspace_write: { network_access: true },
      notify: ["a", "b"],
      project_doc_max_bytes: 10,
    });
  });
});
