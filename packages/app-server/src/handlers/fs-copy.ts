// `fs/copy`: files, symbolic links (copied as links) and, with `recursive`, whole directories.
import { copyFile, lstat, mkdir, opendir, readlink, realpath, symlink } from "node:fs/promises";
import path from "node:path";
import { invalidRequest, osError } from "./rpc-errors.js";

/** Copies `source` to `destination` (both absolute and normalised). */
export async function copyPath(source: string, destination: string, recursive: boolean): Promise<void> {
  const info = await lstat(source).catch((error: unknown) => {
    throw osError(error);
  });
  if (info.isDirectory()) {
    if (!recursive) {
      throw invalidRequest("fs/copy requires recursive: true when sourcePath is a directory");
    }
    if (await isSameOrInside(source, destination)) {
      throw invalidRequest("fs/copy cannot copy a directory to itself or one of its descendants");
    }
    await copyDirectory(source, destination).catch((error: unknown) => {
      throw osError(error);
    });
    return;
  }
  if (info.isSymbolicLink()) {
    await copySymlink(source, destination).catch((error: unknown) => {
      throw osError(error);
    });
    return;
  }
  if (info.isFile()) {
    await copyFile(source, destination).catch((error: unknown) => {
      throw osError(error);
    });
    return;
  }
  throw invalidRequest("fs/copy only supports regular files, directories, and symlinks");
}

/** Recreates a directory tree; special files (FIFOs, sockets, devices) are skipped. */
async function copyDirectory(source: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  for await (const entry of await opendir(source)) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) {
      await copyDirectory(from, to);
    } else if (entry.isFile()) {
      await copyFile(from, to);
    } else if (entry.isSymbolicLink()) {
      await copySymlink(from, to);
    }
  }
}

async function copySymlink(source: string, target: string): Promise<void> {
  await symlink(await readlink(source), target);
}

/**
 * True when `destination` is `source` or lies inside it, once symbolic links are resolved: the source
 * fully, the destination up to its deepest existing ancestor (the rest may not exist yet).
 */
async function isSameOrInside(source: string, destination: string): Promise<boolean> {
  let canonicalSource: string;
  try {
    canonicalSource = await realpath(source);
  } catch (error) {
    throw osError(error);
  }
  const canonicalDestination = await resolveExistingPrefix(destination);
  return (
    canonicalDestination === canonicalSource ||
    canonicalDestination.startsWith(canonicalSource.endsWith(path.sep) ? canonicalSource : canonicalSource + path.sep)
  );
}

async function resolveExistingPrefix(target: string): Promise<string> {
  const missing: string[] = [];
  let current = target;
  for (;;) {
    try {
      const resolved = await realpath(current);
      return path.join(resolved, ...missing.reverse());
    } catch (error) {
      const parent = path.dirname(current);
      if (parent === current) throw osError(error);
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
