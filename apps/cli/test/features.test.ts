import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeCodexEnv, runCodex } from "./run-codex.js";

interface FeatureRow {
  name: string;
  stage: string;
  enabled: boolean;
  defaultEnabled: boolean;
}

async function listJson(args: string[], env: NodeJS.ProcessEnv): Promise<FeatureRow[]> {
  const run = await runCodex([...args, "features", "list", "--json"], { env });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as FeatureRow[];
}

const stateOf = (rows: FeatureRow[], name: string) => rows.find((row) => row.name === name)?.enabled;

describe("codex features", () => {
  it("lists features as an aligned table: name, stage, effective state", async () => {
    const { env } = await makeCodexEnv();
    const run = await runCodex(["features", "list"], { env });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(10);
    const stageColumn = lines[0]!.search(/ (under development|experimental|beta|stable|deprecated|removed) /) + 1;
    for (const line of lines) {
      expect(line).toMatch(/^[a-z0-9_]+ +(under development|experimental|beta|stable|deprecated|removed) +(true|false)$/);
      expect(line.search(/ (under development|experimental|beta|stable|deprecated|removed) /) + 1).toBe(stageColumn);
    }
    const names = lines.map((line) => line.split(" ")[0]!);
    expect(names).toEqual([...names].sort());
  });

  it("applies config, -c, --enable and --disable in that order", async () => {
    const { env, home } = await makeCodexEnv();
    const defaults = await listJson([], env);
    const feature = defaults.find((row) => row.stage === "underDevelopment" && !row.defaultEnabled)!.name;
    expect(stateOf(defaults, feature)).toBe(false);

    await writeFile(path.join(home, "config.toml"), `[features]\n${feature} = true\n`);
    expect(stateOf(await listJson([], env), feature)).toBe(true);
    expect(stateOf(await listJson(["-c", `features.${feature}=false`], env), feature)).toBe(false);
    expect(stateOf(await listJson(["--disable", feature], env), feature)).toBe(false);
    expect(stateOf(await listJson(["--disable", feature, "--enable", feature], env), feature)).toBe(true);
  });

  it("rejects an unknown --enable name and suggests the closest feature", async () => {
    const { env } = await makeCodexEnv();
    const run = await runCodex(["--enable", "unifed_exec", "features", "list"], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("Error: unknown feature `unifed_exec`; did you mean `unified_exec`?\n");
  });

  it("enable/disable edit config.toml and keep its comments", async () => {
    const { env, home } = await makeCodexEnv();
    const file = path.join(home, "config.toml");
    const original = '# my settings\nmodel = "o3" # pinned\n\n[features]\n# keep me\nshell_tool = true\n';
    await writeFile(file, original);

    const enable = await runCodex(["features", "enable", "unified_exec"], { env });
    expect(enable.code).toBe(0);
    expect(enable.stdout).toBe(`Enabled feature \`unified_exec\` in ${file}\n`);
    const edited = await readFile(file, "utf8");
    expect(edited.startsWith(original)).toBe(true);
    expect(edited).toContain("unified_exec = true");
    expect(stateOf(await listJson([], env), "unified_exec")).toBe(true);

    const disable = await runCodex(["features", "disable", "unified_exec"], { env });
    expect(disable.code).toBe(0);
    expect(stateOf(await listJson([], env), "unified_exec")).toBe(false);
    expect((await readFile(file, "utf8")).match(/\[features\]/g)).toHaveLength(1);
  });

  it("writes into the profile's table with --profile", async () => {
    const { env, home } = await makeCodexEnv();
    const file = path.join(home, "config.toml");
    await writeFile(file, "[profiles.work]\nmodel = \"o3\"\n");
    const run = await runCodex(["--profile", "work", "features", "enable", "unified_exec"], { env });
    expect(run.code).toBe(0);
    const rows = await listJson(["--profile", "work"], env);
    expect(stateOf(rows, "unified_exec")).toBe(true);
    expect(await readFile(file, "utf8")).toMatch(/\[profiles\.work\.features\]\s*\nunified_exec = true|unified_exec = true/);
  });
});
