import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeCodexEnv, runCodex } from "./run-codex.js";

interface DebugConfig {
  config: Record<string, unknown>;
  origins: Record<string, { name: { type: string; file?: string; profile?: string | null; dotCodexFolder?: string } }>;
  layers: Array<{ name: { type: string }; disabledReason: string | null }>;
}

describe("codex debug config", () => {
  it("names the layer that set each key, in JSON and as text", async () => {
    const { env, home, system, root } = await makeCodexEnv();
    const project = path.join(root, "project");
    await mkdir(path.join(project, ".git"), { recursive: true });
    await mkdir(path.join(project, ".codex"));
    await writeFile(path.join(system, "config.toml"), 'model = "system-model"\nmodel_verbosity = "low"\n');
    await writeFile(
      path.join(home, "config.toml"),
      `model = "user-model"\napproval_policy = "on-request"\n[projects."${project}"]\ntrust_level = "trusted"\n[profiles.fast]\nmodel_reasoning_effort = "low"\n`,
    );
    await writeFile(path.join(project, ".codex", "config.toml"), 'model = "project-model"\nsandbox_mode = "workspace-write"\n');

    const run = await runCodex(["-c", "approval_policy=never", "--profile", "fast", "debug", "config", "--json"], {
      env,
      cwd: project,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as DebugConfig;
    expect(parsed.config).toMatchObject({
      model: "project-model",
      model_verbosity: "low",
      approval_policy: "never",
      sandbox_mode: "workspace-write",
      model_reasoning_effort: "low",
    });
    expect(parsed.origins.model?.name).toEqual({ type: "project", dotCodexFolder: path.join(project, ".codex") });
    expect(parsed.origins.model_verbosity?.name).toEqual({ type: "system", file: path.join(system, "config.toml") });
    expect(parsed.origins.approval_policy?.name).toEqual({ type: "sessionFlags" });
    expect(parsed.origins.model_reasoning_effort?.name).toMatchObject({ type: "user", profile: "fast" });
    expect(parsed.layers[0]?.name.type).toBe("sessionFlags");

    const text = await runCodex(["-c", "approval_policy=never", "debug", "config"], { env, cwd: project });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^approval_policy = "never" +# session flags/m);
    expect(text.stdout).toMatch(new RegExp(`^model = "project-model" +# project ${path.join(project, ".codex")}`, "m"));
  });

  it("ignores an untrusted project's config and says why", async () => {
    const { env, root } = await makeCodexEnv();
    const project = path.join(root, "untrusted");
    await mkdir(path.join(project, ".codex"), { recursive: true });
    await mkdir(path.join(project, ".git"));
    await writeFile(path.join(project, ".codex", "config.toml"), 'model = "project-model"\n');
    const run = await runCodex(["debug", "config", "--json"], { env, cwd: project });
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as DebugConfig;
    expect(parsed.config.model).toBeUndefined();
    const layer = parsed.layers.find((entry) => entry.name.type === "project");
    expect(layer?.disabledReason).toMatch(/trust/);
  });

  it("points at the file, line and column of a bad value", async () => {
    const { env, home } = await makeCodexEnv();
    const file = path.join(home, "config.toml");
    await writeFile(file, 'model = "o3"\n\n[sandbox_workspace_write]\nnetwork_access = "true"\n');
    const run = await runCodex(["debug", "config"], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:4:18: invalid type: string "true", expected a boolean`);
    expect(run.stderr).toContain('4 | network_access = "true"');
    expect(run.stderr).toContain("  |                  ^^^^^^");
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("points at a TOML syntax error", async () => {
    const { env, home } = await makeCodexEnv();
    const file = path.join(home, "config.toml");
    await writeFile(file, 'model = "o3\n');
    const run = await runCodex(["debug", "config"], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^Error: ${file}:1:\\d+: `));
    expect(run.stderr).toContain('1 | model = "o3');
  });
});
