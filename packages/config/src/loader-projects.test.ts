import { mkdir } from "node:fs/promises";
import path from "node:path";
import { absolutePath } from "@codex-ts/utils-absolute-path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConfigFixture, trustLine, type ConfigFixture } from "./test-fixture.js";

let fx: ConfigFixture;

beforeEach(async () => {
  fx = await createConfigFixture();
});

afterEach(async () => {
  await fx.cleanup();
});

describe("project layers", () => {
  it("lists an untrusted project layer as disabled and does not apply it", async () => {
    await fx.write(path.join(fx.codexHome, "config.toml"), 'model = "user"\n');
    await fx.write(path.join(fx.repo, ".codex/config.toml"), 'model = "project"\n');
    const loaded = await fx.load();
    expect(loaded.merged.model).toBe("user");
    const project = loaded.layers.find((layer) => layer.source.type === "project");
    expect(project?.config).toEqual({ model: "project" });
    expect(project?.disabledReason).toBe(
      `${fx.repo}/.codex/config.toml is not applied because ${fx.repo} is not a trusted project; ` +
        `to trust it, set projects."${fx.repo}".trust_level = "trusted" in ${fx.codexHome}/config.toml`,
    );
    expect(loaded.origins().model?.source.type).toBe("user");
  });

  it("treats an explicitly untrusted project the same way", async () => {
    await fx.write(path.join(fx.codexHome, "config.toml"), `[projects."${fx.repo}"]\ntrust_level = "untrusted"\n`);
    await fx.write(path.join(fx.repo, ".codex/config.toml"), 'model = "project"\n');
    const loaded = await fx.load();
    expect(loaded.merged.model).toBeUndefined();
    expect(loaded.layers.at(-1)?.disabledReason).toContain("is not a trusted project");
  });

  it("applies every .codex/config.toml from the project root down to cwd, deeper winning", async () => {
    const cwd = absolutePath(path.join(fx.repo, "pkg/app"));
    await mkdir(cwd, { recursive: true });
    await fx.write(path.join(fx.codexHome, "config.toml"), trustLine(fx.repo));
    await fx.write(path.join(fx.repo, ".codex/config.toml"), 'model = "root"\nreview_model = "root"\n');
    await fx.write(path.join(fx.repo, "pkg/app/.codex/config.toml"), 'model = "app"\n');
    const loaded = await fx.load({ cwd });
    expect(loaded.projectRoot).toBe(fx.repo);
    expect(loaded.layers.map((layer) => layer.source)).toEqual([
      { type: "user", file: path.join(fx.codexHome, "config.toml"), profile: null },
      { type: "project", dotCodexFolder: path.join(fx.repo, ".codex") },
      { type: "project", dotCodexFolder: path.join(fx.repo, "pkg/app/.codex") },
    ]);
    expect(loaded.merged).toMatchObject({ model: "app", review_model: "root" });
  });

  it("trusts a project through an entry for cwd itself", async () => {
    const cwd = absolutePath(path.join(fx.repo, "sub"));
    await mkdir(cwd);
    await fx.write(path.join(fx.codexHome, "config.toml"), trustLine(cwd));
    await fx.write(path.join(fx.repo, ".codex/config.toml"), 'model = "root"\n');
    expect((await fx.load({ cwd })).merged.model).toBe("root");
  });

  it("finds the root with project_root_markers from lower layers, else uses cwd", async () => {
    const cwd = absolutePath(path.join(fx.repo, "ws/pkg"));
    await mkdir(cwd, { recursive: true });
    await fx.write(path.join(fx.repo, "ws/WORKSPACE"), "");
    await fx.write(path.join(fx.repo, ".codex/config.toml"), 'model = "repo"\n');
    await fx.write(path.join(fx.repo, "ws/.codex/config.toml"), 'review_model = "ws"\n');
    await fx.write(path.join(fx.codexHome, "config.toml"), `project_root_markers = ["WORKSPACE"]\n${trustLine(fx.repo)}`);
    const loaded = await fx.load({ cwd });
    expect(loaded.projectRoot).toBe(path.join(fx.repo, "ws"));
    expect(loaded.merged).toMatchObject({ review_model: "ws" });
    expect(loaded.merged.model).toBeUndefined();

    await fx.write(path.join(fx.codexHome, "config.toml"), `project_root_markers = []\n${trustLine(fx.repo)}`);
    expect((await fx.load({ cwd })).projectRoot).toBe(cwd);
  });

  it("does not let a project layer trust itself", async () => {
    await fx.write(path.join(fx.repo, ".codex/config.toml"), `model = "project"\n${trustLine(fx.repo)}`);
    expect((await fx.load()).merged.model).toBeUndefined();
  });

  it("only warns about a broken file in an untrusted project", async () => {
    await fx.write(path.join(fx.repo, ".codex/config.toml"), "model = = 1\n");
    const loaded = await fx.load();
    expect(loaded.layers.at(-1)?.disabledReason).toBeDefined();
    expect(loaded.warnings).toEqual([
      {
        summary: expect.stringMatching(new RegExp(`^ignored untrusted project config ${fx.repo}/\\.codex/config\\.toml: ${fx.repo}/\\.codex/config\\.toml:1:9: `)),
        path: path.join(fx.repo, ".codex/config.toml"),
      },
    ]);
  });

  it("skips the .codex folder that is CODEX_HOME", async () => {
    await fx.write(path.join(fx.codexHome, "config.toml"), `model = "user"\n${trustLine(fx.home)}`);
    const loaded = await fx.load({ cwd: fx.home });
    expect(loaded.layers).toHaveLength(1);
    expect(loaded.layers.filter((layer) => layer.source.type === "project")).toEqual([]);
  });
});
