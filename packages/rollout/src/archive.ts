import { access, mkdir, rename } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { RolloutError } from "./errors.js";
import { ARCHIVED_SESSIONS_SUBDIR, SESSIONS_SUBDIR, parseRolloutFileName } from "./paths.js";

/** Moves a rollout from `sessions/YYYY/MM/DD/` to `archived_sessions/`; returns the new path. */
export async function archiveRollout(codexHome: string, path: string): Promise<string> {
  const source = resolve(path);
  const name = checkedName(source);
  if (!isInside(resolve(codexHome, SESSIONS_SUBDIR), source)) {
    throw new RolloutError("not_in_sessions", `${source} is not under ${join(codexHome, SESSIONS_SUBDIR)}, so it cannot be archived.`);
  }
  return move(source, join(resolve(codexHome), ARCHIVED_SESSIONS_SUBDIR, name));
}

/** Moves an archived rollout back to `sessions/YYYY/MM/DD/` (the date from its file name); returns the new path. */
export async function unarchiveRollout(codexHome: string, path: string): Promise<string> {
  const source = resolve(path);
  const name = checkedName(source);
  if (dirname(source) !== resolve(codexHome, ARCHIVED_SESSIONS_SUBDIR)) {
    throw new RolloutError("not_in_archive", `${source} is not in ${join(codexHome, ARCHIVED_SESSIONS_SUBDIR)}, so it cannot be unarchived.`);
  }
  const parts = parseRolloutFileName(name)!;
  return move(source, join(resolve(codexHome), SESSIONS_SUBDIR, parts.year, parts.month, parts.day, name));
}

function checkedName(path: string): string {
  const name = basename(path);
  if (!parseRolloutFileName(name)) {
    throw new RolloutError("bad_file_name", `${path} is not named rollout-YYYY-MM-DDThh-mm-ss-<thread id>.jsonl.`);
  }
  return name;
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep);
}

async function move(source: string, target: string): Promise<string> {
  if (await exists(target)) {
    throw new RolloutError("already_exists", `${target} already exists; remove it or pick another rollout.`);
  }
  await mkdir(dirname(target), { recursive: true });
  await rename(source, target);
  return target;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
