import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConfigFixture, trustLine, type ConfigFixture } from "./test-fixture.js";
import { StaticThreadConfigLoader } from "./thread-config-loader.js";

let fx: ConfigFixture;

beforeEach(async () => {
  fx = await createConfigFixture();
});

afterEach(async () => {
  await fx.cleanup();
});

describe("relative paths", () => {
  it("resolve against the folder of the file that set them", async () => {
    await fx.write(path.join(fx.systemDir, "config.toml"), 'log_dir = "logs"\n');
    await fx.write(
      path.join(fx.codexHome, "config.toml"),
      `model_instructions_file = "instructions.md"\nsqlite_home = "~/state"\n${trustLine(fx.repo)}\n[mcp_servers.docs]\ncommand = "npx"\ncwd = "servers"\n`,
    );
    await fx.write(
      path.join(fx.repo, ".codex/config.toml"),
      '[sandbox_workspace_write]\nwritable_roots = ["../build", "/abs/out"]\n',
    );
    const loaded = await fx.load();
    expect(loaded.config.log_dir).toBe(path.join(fx.systemDir, "logs"));
    expect(loaded.config.model_instructions_file).toBe(path.join(fx.codexHome, "instructions.md"));
    expect(loaded.config.sqlite_home).toBe(path.join(fx.home, "state"));
    expect(loaded.config.mcp_servers?.docs?.cwd).toBe(path.join(fx.codexHome, "servers"));
    expect(loaded.config.sandbox_workspace_write?.writable_roots).toEqual([path.join(fx.repo, "build"), "/abs/out"]);
    // The raw merged table keeps what was written.
    expect(loaded.merged.log_dir).toBe("logs");
  });

  it("resolve against cwd for -c flags and thread config", async () => {
    const loaded = await fx.load({
      overrides: ["log_dir=logs", "experimental_compact_prompt_file=prompts/compact.md"],
      threadConfigLoader: new StaticThreadConfigLoader([{ id: "t", config: { sqlite_home: "db" } }]),
    });
    expect(loaded.config.log_dir).toBe(path.join(fx.repo, "logs"));
    expect(loaded.config.experimental_compact_prompt_file).toBe(path.join(fx.repo, "prompts/compact.md"));
    expect(loaded.config.sqlite_home).toBe(path.join(fx.repo, "db"));
  });

  it("resolve a profile's paths against the file that defined the profile", async () => {
    await fx.write(path.join(fx.codexHome, "config.toml"), `profile = "p"\n${trustLine(fx.repo)}`);
    await fx.write(path.join(fx.repo, ".codex/config.toml"), '[profiles.p]\nmodel_instructions_file = "p.md"\n');
    const loaded = await fx.load();
    expect(loaded.config.model_instructions_file).toBe(path.join(fx.repo, ".codex/p.md"));
    expect(loaded.config.profiles?.p?.model_instructions_file).toBe(path.join(fx.repo, ".codex/p.md"));
  });
});
