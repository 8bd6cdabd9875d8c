import fs from "node:fs";
import path from "node:path";
import { LinuxSandboxError } from "./linux-sandbox-error.js";

/** What the plan needs to know about the filesystem; tests substitute a fake. */
export interface FileSystemProbe {
  /**
   * The type of `target` without following a final symlink, or undefined when it does not exist. An empty regular
   * file is reported apart: it may be the placeholder of a sandbox running concurrently.
   */
  kind(target: string): "directory" | "file" | "empty-file" | "symlink" | undefined;
  /** The canonical path of an existing `target`, or undefined. */
  realpath(target: string): string | undefined;
  /** Whether this user may create entries in the folder `dir` (else a missing path there needs no blocking). */
  canCreateIn(dir: string): boolean;
}

export const nodeFileSystemProbe: FileSystemProbe = {
  kind(target) {
    try {
      const stat = fs.lstatSync(target);
      if (stat.isSymbolicLink()) return "symlink";
      if (stat.isDirectory()) return "directory";
      return stat.isFile() && stat.size === 0 ? "empty-file" : "file";
    } catch {
      return undefined;
    }
  },
  realpath(target) {
    try {
      return fs.realpathSync(target);
    } catch {
      return undefined;
    }
  },
  canCreateIn(dir) {
    try {
      fs.accessSync(dir, fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
};

/** The mounts that enforce writable roots and protected paths, resolved against the filesystem right now. */
export interface MountPlan {
  /** Canonical, existing writable roots. */
  writableRoots: string[];
  /** Existing protected paths inside writable roots: re-bound read-only. */
  readOnlyPaths: string[];
  /** Missing protected paths (their first missing component): `/dev/null` is mounted there. */
  blockedPaths: string[];
  /**
   * Blocked paths that are empty files on the host while sandboxes use them as mount points: bubblewrap creates
   * missing ones, and they are removed after the last run using them.
   */
  placeholders: string[];
}

function isInside(target: string, root: string): boolean {
  return root === "/" || target === root || target.startsWith(`${root}/`);
}

/** The nearest existing ancestor of `target` (canonical) and the first component below it that is missing. */
function firstMissingComponent(target: string, probe: FileSystemProbe): string | undefined {
  let missing = target;
  let parent = path.dirname(missing);
  while (parent !== missing && probe.kind(parent) === undefined) {
    missing = parent;
    parent = path.dirname(missing);
  }
  const realParent = probe.realpath(parent);
  return realParent === undefined ? undefined : path.join(realParent, path.basename(missing));
}

/**
 * Resolves writable roots and protected paths into mounts. A protected path that is a symlink inside a writable
 * root is refused: a bind mount would follow the link, so the link itself could be replaced from inside.
 */
export function planMounts(
  request: { writableRoots: readonly string[]; readOnlyPaths: readonly string[] },
  probe: FileSystemProbe = nodeFileSystemProbe,
): MountPlan {
  const writableRoots: string[] = [];
  for (const root of request.writableRoots) {
    const real = probe.realpath(root);
    if (real !== undefined && !writableRoots.includes(real)) writableRoots.push(real);
  }
  const writable = (target: string) => writableRoots.some((root) => isInside(target, root));
  const plan: MountPlan = { writableRoots, readOnlyPaths: [], blockedPaths: [], placeholders: [] };
  const add = (list: string[], value: string) => {
    if (!list.includes(value)) list.push(value);
  };

  for (const protectedPath of request.readOnlyPaths) {
    const kind = probe.kind(protectedPath);
    if (kind === "symlink") {
      const realParent = probe.realpath(path.dirname(protectedPath));
      const entry = realParent === undefined ? protectedPath : path.join(realParent, path.basename(protectedPath));
      if (writable(entry)) {
        throw new LinuxSandboxError(
          "SANDBOX_PROTECTED_SYMLINK",
          `${entry} is a symbolic link inside a writable folder, so the sandbox cannot keep it read-only; replace the link with the folder it points to, or use a read-only sandbox.`,
        );
      }
      continue;
    }
    if (kind === "empty-file") {
      // Most likely another sandbox's placeholder: share it (and its clean-up) rather than re-binding it.
      const real = probe.realpath(protectedPath);
      if (real !== undefined && writable(real)) {
        add(plan.blockedPaths, real);
        add(plan.placeholders, real);
      }
      continue;
    }
    if (kind !== undefined) {
      const real = probe.realpath(protectedPath);
      if (real !== undefined && writable(real)) add(plan.readOnlyPaths, real);
      continue;
    }
    const missing = firstMissingComponent(protectedPath, probe);
    // bubblewrap could not create the mount point where this user cannot create anything, and need not.
    if (missing !== undefined && writable(missing) && probe.canCreateIn(path.dirname(missing))) {
      add(plan.blockedPaths, missing);
      add(plan.placeholders, missing);
    }
  }
  return plan;
}
