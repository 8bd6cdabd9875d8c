import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { absolutePath, type AbsolutePath } from "@codex-ts/utils-absolute-path";
import { loadConfig, type LoadConfigOptions, type LoadedConfig } from "./loader.js";

/** A temporary machine layout for loader tests: home, CODEX_HOME, a system config folder and a git repo. */
export interface ConfigFixture {
  root: AbsolutePath;
  home: AbsolutePath;
  codexHome: AbsolutePath;
  systemDir: AbsolutePath;
  repo: AbsolutePath;
  /** Writes a file (path relative to `root` or absolute), creating folders. */
  write(file: string, text: string): Promise<AbsolutePath>;
  load(options?: Partial<LoadConfigOptions>): Promise<LoadedConfig>;
  cleanup(): Promise<void>;
}

export async function createConfigFixture(): Promise<ConfigFixture> {
  const root = absolutePath(await realpath(await mkdtemp(path.join(os.tmpdir(), "codex-config-"))));
  const home = absolutePath(path.join(root, "home"));
  const codexHome = absolutePath(path.join(home, ".codex"));
  const systemDir = absolutePath(path.join(root, "etc-codex"));
  const repo = absolutePath(path.join(root, "repo"));
  await mkdir(codexHome, { recursive: true });
  await mkdir(systemDir, { recursive: true });
  await mkdir(path.join(repo, ".git"), { recursive: true });
  return {
    root,
    home,
    codexHome,
    systemDir,
    repo,
    async write(file, text) {
      const target = absolutePath(path.resolve(root, file));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
      return target;
    },
    load(options = {}) {
      return loadConfig({
        codexHome,
        systemConfigDir: systemDir,
        cwd: repo,
        env: { HOME: home },
        ...options,
      });
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** The TOML line that trusts `folder`. */
export function trustLine(folder: string): string {
  return `[projects.${JSON.stringify(folder)}]\ntrust_level = "trusted"\n`;
}

/** The error a promise rejects with; fails when it resolves. */
export async function rejectionOf<E = Error & { code: string }>(promise: Promise<unknown>): Promise<E> {
  return promise.then(
    () => {
      throw new Error("expected the promise to reject");
    },
    (error: unknown) => error as E,
  );
}
