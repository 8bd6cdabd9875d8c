import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { errnoOf, ProcessSpawnError } from "./errors.js";

/** execvp's search path when PATH is unset. */
const DEFAULT_SEARCH_PATH = "/bin:/usr/bin";

function isExecutableFile(candidate: string): boolean {
  try {
    if (!statSync(candidate).isFile()) return false;
    accessSync(candidate, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds `program` the way execvp does: a name containing `/` is taken as a path (relative to `cwd`), anything
 * else is searched in `searchPath` (the child's PATH). Returns the path found or undefined.
 */
export function findProgram(program: string, searchPath: string | undefined, cwd: string): string | undefined {
  if (program.includes("/")) {
    const candidate = path.resolve(cwd, program);
    return isExecutableFile(candidate) ? candidate : undefined;
  }
  for (const dir of (searchPath ?? DEFAULT_SEARCH_PATH).split(path.delimiter)) {
    const candidate = path.resolve(cwd, dir === "" ? "." : dir, program);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** Throws a `ProcessSpawnError` unless `cwd` is an existing directory. */
export function checkWorkingDirectory(program: string, cwd: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(cwd).isDirectory();
  } catch (error) {
    const errno = errnoOf(error);
    throw new ProcessSpawnError(program, `Could not start ${JSON.stringify(program)}: working directory ${cwd} does not exist.`, {
      errno,
      cause: error,
    });
  }
  if (!isDirectory) {
    throw new ProcessSpawnError(program, `Could not start ${JSON.stringify(program)}: working directory ${cwd} is not a directory.`, {
      errno: "ENOTDIR",
    });
  }
}

/**
 * Throws a `ProcessSpawnError` (`ENOENT` or `EACCES`) when `program` cannot be executed from `cwd` with the
 * child's PATH. Used before forking a PTY child, whose exec failure would otherwise only show up as output.
 */
export function checkProgram(program: string, searchPath: string | undefined, cwd: string): void {
  if (findProgram(program, searchPath, cwd) !== undefined) return;
  const asPath = program.includes("/") ? path.resolve(cwd, program) : undefined;
  let exists = false;
  if (asPath !== undefined) {
    try {
      statSync(asPath);
      exists = true;
    } catch {
      exists = false;
    }
  }
  const quoted = JSON.stringify(program);
  if (exists) {
    throw new ProcessSpawnError(program, `Could not start ${quoted}: permission denied; check that it is an executable file.`, {
      errno: "EACCES",
    });
  }
  throw new ProcessSpawnError(program, `Could not start ${quoted}: no such program was found; check the name or PATH.`, {
    errno: "ENOENT",
  });
}
