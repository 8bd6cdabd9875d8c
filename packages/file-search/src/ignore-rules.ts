import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import ignore, { type Ignore } from "ignore";

/**
 * One ignore file's rules, linked to the rules of enclosing directories. Deeper layers are consulted
 * first, as git gives a deeper `.gitignore` precedence over a shallower one.
 */
export interface IgnoreLayer {
  /** Directory the patterns are relative to. */
  readonly base: string;
  readonly matcher: Ignore;
  readonly parent: IgnoreLayer | undefined;
}

/** Which ignore sources exist in a directory (known from its listing, or unknown: try them all). */
export interface IgnoreSources {
  gitignore: boolean;
  ignore: boolean;
  gitDir: boolean;
}

const ALL_SOURCES: IgnoreSources = { gitignore: true, ignore: true, gitDir: true };
const CASE_INSENSITIVE_FS = process.platform === "darwin" || process.platform === "win32";

/** A gitignore-syntax matcher with the platform's case rule (git's `core.ignorecase` default). */
export function createMatcher(patterns: string | readonly string[]): Ignore {
  return ignore({ ignorecase: CASE_INSENSITIVE_FS }).add(patterns);
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

function layer(parent: IgnoreLayer | undefined, base: string, text: string | undefined): IgnoreLayer | undefined {
  if (text === undefined || text.trim() === "") return parent;
  return { base, matcher: createMatcher(text), parent };
}

/**
 * Adds the ignore files of `dir` on top of `parent`: `.git/info/exclude` (lowest precedence, when `dir`
 * is a repository root), then `.gitignore`, then `.ignore` (highest, as ripgrep's `ignore` does).
 */
export async function extendIgnoreChain(
  parent: IgnoreLayer | undefined,
  dir: string,
  sources: IgnoreSources = ALL_SOURCES,
): Promise<IgnoreLayer | undefined> {
  const [exclude, gitignore, dotIgnore] = await Promise.all([
    sources.gitDir ? readIfPresent(path.join(dir, ".git", "info", "exclude")) : undefined,
    sources.gitignore ? readIfPresent(path.join(dir, ".gitignore")) : undefined,
    sources.ignore ? readIfPresent(path.join(dir, ".ignore")) : undefined,
  ]);
  return layer(layer(layer(parent, dir, exclude), dir, gitignore), dir, dotIgnore);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** The closest directory at or above `dir` that holds a `.git` entry, if any. */
export async function findRepositoryRoot(dir: string): Promise<string | undefined> {
  let current = dir;
  for (;;) {
    if (await exists(path.join(current, ".git"))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Rules that apply to `root` from the directories above it, up to the enclosing repository root.
 * Outside a repository no parent rules apply. The root's own ignore files are not included.
 */
export async function parentIgnoreChain(root: string): Promise<IgnoreLayer | undefined> {
  const repoRoot = await findRepositoryRoot(root);
  if (repoRoot === undefined || repoRoot === root) return undefined;
  const ancestors: string[] = [];
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    ancestors.push(dir);
    if (dir === repoRoot || path.dirname(dir) === dir) break;
  }
  let chain: IgnoreLayer | undefined;
  for (const dir of ancestors.reverse()) chain = await extendIgnoreChain(chain, dir);
  return chain;
}

const toPosix = path.sep === "/" ? (p: string) => p : (p: string) => p.split(path.sep).join("/");

/** True when the entry at absolute `entryPath` is ignored by `chain` (deepest decisive rule wins). */
export function isIgnoredByChain(chain: IgnoreLayer | undefined, entryPath: string, isDir: boolean): boolean {
  for (let current = chain; current !== undefined; current = current.parent) {
    const prefix = current.base.endsWith(path.sep) ? current.base.length : current.base.length + 1;
    const relative = toPosix(entryPath.slice(prefix));
    if (relative === "") continue;
    const result = current.matcher.test(isDir ? `${relative}/` : relative);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

/** Converts a root-relative path with platform separators to the `/` form matchers expect. */
export function posixRelative(relative: string): string {
  return toPosix(relative);
}
