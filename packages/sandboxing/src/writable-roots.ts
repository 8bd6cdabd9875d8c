import fs from "node:fs";
import path from "node:path";
import type { SandboxPolicy } from "@codex-ts/protocol";
import { type AbsolutePath, absolutePath, resolveAbsolutePath } from "@codex-ts/utils-absolute-path";

/** Names inside every writable root that stay read-only: repository metadata and agent configuration. */
export const PROTECTED_NAMES: readonly string[] = [".git", ".codex", ".agents"];

/** A folder the sandboxed command may write, except for its read-only subpaths. */
export interface WritableRoot {
  root: AbsolutePath;
  /** Protected paths under `root`; creating them is refused too when they do not exist yet. */
  readOnlySubpaths: AbsolutePath[];
}

type RootSource = "workspace" | "temporary";

function canonical(target: AbsolutePath): AbsolutePath {
  try {
    return absolutePath(fs.realpathSync(target));
  } catch {
    return target;
  }
}

function lstatKind(target: string): "symlink" | "file" | "directory" | undefined {
  try {
    const stat = fs.lstatSync(target);
    if (stat.isSymbolicLink()) return "symlink";
    return stat.isDirectory() ? "directory" : "file";
  } catch {
    return undefined;
  }
}

/** The folder a `.git` file points to (`gitdir: <path>`, as used by worktrees and submodules). */
function gitdirOf(dotGit: AbsolutePath): AbsolutePath | undefined {
  let text: string;
  try {
    text = fs.readFileSync(dotGit, "utf8");
  } catch {
    return undefined;
  }
  const match = /^gitdir:\s*(.+?)\s*$/m.exec(text);
  if (match?.[1] === undefined) return undefined;
  const target = resolveAbsolutePath(match[1], absolutePath(path.dirname(dotGit)));
  return fs.existsSync(target) ? canonical(target) : undefined;
}

/**
 * Protected paths of one root. Workspace roots protect every name even before it exists, so a missing `.git`
 * cannot be created from inside; temporary roots (`/tmp`, `$TMPDIR`) only protect real entries that exist. A
 * protected symlink also protects its target, and a `.git` file its gitdir.
 */
function readOnlySubpathsOf(root: AbsolutePath, source: RootSource): AbsolutePath[] {
  const subpaths: AbsolutePath[] = [];
  const add = (value: AbsolutePath | undefined) => {
    if (value !== undefined && !subpaths.includes(value)) subpaths.push(value);
  };
  for (const name of PROTECTED_NAMES) {
    const entry = absolutePath(path.join(root, name));
    const kind = lstatKind(entry);
    // In shared temporary folders anyone may plant a `.git` symlink; protecting real entries is enough there.
    if (source === "temporary" && (kind === undefined || kind === "symlink")) continue;
    add(entry);
    if (kind === "symlink") {
      const target = canonical(entry);
      if (target !== entry) add(target);
    }
    if (name === ".git" && kind === "file") add(gitdirOf(entry));
  }
  return subpaths;
}

/**
 * The effective writable roots of a policy for a working directory, canonical (symlinks resolved), each with the
 * subpaths that stay read-only. Workspace-write grants `writableRoots`, `cwd`, `/tmp` (when it is a folder,
 * unless `excludeSlashTmp`) and `$TMPDIR` from `env` (unless `excludeTmpdirEnvVar`). Other policies have none:
 * read-only writes nothing, and full access needs no list.
 */
export function writableRootsFor(
  policy: SandboxPolicy,
  cwd: AbsolutePath | string,
  env: NodeJS.ProcessEnv = process.env,
): WritableRoot[] {
  if (policy.type !== "workspaceWrite") return [];
  const candidates: Array<{ root: AbsolutePath; source: RootSource }> = [
    ...policy.writableRoots.map((root) => ({ root, source: "workspace" as const })),
    { root: absolutePath(cwd), source: "workspace" },
  ];
  if (!policy.excludeSlashTmp && lstatKind(canonical(absolutePath("/tmp"))) === "directory") {
    candidates.push({ root: absolutePath("/tmp"), source: "temporary" });
  }
  const tmpdir = env.TMPDIR;
  if (!policy.excludeTmpdirEnvVar && tmpdir !== undefined && path.isAbsolute(tmpdir)) {
    candidates.push({ root: absolutePath(tmpdir), source: "temporary" });
  }

  const sources = new Map<AbsolutePath, RootSource>();
  for (const { root, source } of candidates) {
    const resolved = canonical(root);
    if (sources.get(resolved) !== "workspace") sources.set(resolved, source);
  }
  return [...sources].map(([root, source]) => ({ root, readOnlySubpaths: readOnlySubpathsOf(root, source) }));
}

/** True when `target` (absolute) may be written under these roots. */
export function isWritableUnder(roots: readonly WritableRoot[], target: AbsolutePath | string): boolean {
  const inside = (child: string, parent: string) =>
    parent === "/" || child === parent || child.startsWith(`${parent}/`);
  const normalised = absolutePath(target);
  return roots.some(
    ({ root, readOnlySubpaths }) =>
      inside(normalised, root) && !readOnlySubpaths.some((subpath) => inside(normalised, subpath)),
  );
}
