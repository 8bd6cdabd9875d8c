import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { findCliScript, resolveCodexCommand } from "./codex-path.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function projectDir(cliManifest?: object): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "codex-sdk-path-"));
  dirs.push(dir);
  if (cliManifest) {
    const pkg = path.join(dir, "node_modules", "@codex-ts", "cli");
    await mkdir(pkg, { recursive: true });
    await writeFile(path.join(pkg, "package.json"), JSON.stringify(cliManifest));
  }
  return dir;
}

it("runs an override as it is, or with node when it is a JavaScript file", () => {
  expect(resolveCodexCommand("/opt/codex/bin/codex")).toEqual({ command: "/opt/codex/bin/codex", prefixArgs: [] });
  expect(resolveCodexCommand("/repo/apps/cli/dist/cli.js")).toEqual({
    command: process.execPath,
    prefixArgs: ["/repo/apps/cli/dist/cli.js"],
  });
});

it("finds the codex bin of @codex-ts/cli from a given place", async () => {
  const dir = await projectDir({ name: "@codex-ts/cli", bin: { codex: "./dist/cli.js" } });
  expect(findCliScript(path.join(dir, "index.js"))).toBe(
    path.join(dir, "node_modules", "@codex-ts", "cli", "dist", "cli.js"),
  );
  const other = await projectDir({ name: "@codex-ts/cli", bin: "./bin/codex.js" });
  expect(findCliScript(path.join(other, "index.js"))).toBe(
    path.join(other, "node_modules", "@codex-ts", "cli", "bin", "codex.js"),
  );
});

it("defaults to the located CLI script, run with node, else to codex on PATH", () => {
  expect(resolveCodexCommand(undefined, () => "/repo/node_modules/@codex-ts/cli/dist/cli.js")).toEqual({
    command: process.execPath,
    prefixArgs: ["/repo/node_modules/@codex-ts/cli/dist/cli.js"],
  });
  expect(resolveCodexCommand(null, () => null)).toEqual({ command: "codex", prefixArgs: [] });
});
