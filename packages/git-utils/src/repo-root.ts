import { statSync } from "node:fs";
import path from "node:path";

/**
 * The root of the git repository containing `start` (a directory, or a file whose directory is used):
 * the closest ancestor with a `.git` directory or file. Needs no git executable. Like upstream, a
 * linked worktree checked out elsewhere is found through its own `.git` file.
 */
export function getGitRepoRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    try {
      statSync(path.join(dir, ".git"));
      return dir;
    } catch {
      // not here; try the parent
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** True when `cwd` is inside a git repository (see `getGitRepoRoot`). */
export function isInsideGitRepo(cwd: string): boolean {
  return getGitRepoRoot(cwd) !== undefined;
}
