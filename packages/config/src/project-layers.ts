import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { joinAbsolutePath, parentOf, type AbsolutePath } from "@codex-ts/utils-absolute-path";
import { isTomlTable } from "./toml-value.js";

/** Markers used when `project_root_markers` is not set. */
export const DEFAULT_PROJECT_ROOT_MARKERS: readonly string[] = [".git"];

/**
 * The nearest folder at or above `cwd` that contains one of `markers` (file or folder); `cwd` itself
 * when none does.
 */
export async function findProjectRoot(cwd: AbsolutePath, markers: readonly string[]): Promise<AbsolutePath> {
  for (const folder of ancestors(cwd)) {
    for (const marker of markers) {
      if (await exists(path.join(folder, marker))) {
        return folder;
      }
    }
  }
  return cwd;
}

/** Folders from `root` down to `cwd`, both included (just `cwd` when `root` is not above it). */
export function foldersFromRoot(root: AbsolutePath, cwd: AbsolutePath): AbsolutePath[] {
  const chain: AbsolutePath[] = [];
  for (const folder of ancestors(cwd)) {
    chain.push(folder);
    if (folder === root) {
      return chain.reverse();
    }
  }
  return [cwd];
}

/**
 * Whether the project at `cwd` is trusted according to a `projects` table: the nearest entry for `cwd`
 * or one of its ancestors (as given, or with symlinks resolved) that has a `trust_level` decides.
 */
export async function isProjectTrusted(projects: unknown, cwd: AbsolutePath): Promise<boolean> {
  if (!isTomlTable(projects)) {
    return false;
  }
  const canonical = await realpath(cwd).catch(() => cwd);
  const chains = [ancestors(cwd), ancestors(canonical as AbsolutePath)];
  const depth = Math.max(...chains.map((chain) => chain.length));
  for (let level = 0; level < depth; level++) {
    for (const chain of chains) {
      const folder = chain[level];
      const entry = folder === undefined ? undefined : projects[folder];
      if (folder !== undefined && Object.hasOwn(projects, folder) && isTomlTable(entry)) {
        const trust = entry.trust_level;
        if (typeof trust === "string") {
          return trust === "trusted";
        }
      }
    }
  }
  return false;
}

/** `.codex` folder inside `folder`. */
export function dotCodexFolder(folder: AbsolutePath): AbsolutePath {
  return joinAbsolutePath(folder, ".codex");
}

/** `folder`, its parent, and so on up to the filesystem root. */
function ancestors(folder: AbsolutePath): AbsolutePath[] {
  const chain: AbsolutePath[] = [folder];
  let current = folder;
  for (;;) {
    const parent = parentOf(current);
    if (parent === current) {
      return chain;
    }
    chain.push(parent);
    current = parent;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
