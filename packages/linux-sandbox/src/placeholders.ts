import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Bubblewrap creates an empty file on the host for every missing protected path it mounts `/dev/null` on. Each
 * run registers a marker per placeholder; the last run to finish removes the placeholder, so a concurrent sandbox
 * never loses its mount. Registering and the final check-and-remove hold a short lock, so a run that starts
 * while another finishes either keeps the placeholder alive or gets a fresh one.
 */
export interface PlaceholderRegistration {
  placeholder: string;
  markerDir: string;
  marker: string;
}

let sequence = 0;
const STALE_LOCK_MS = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Where markers live: the per-user runtime dir when there is one (never a sandbox writable root by default). */
export function markerBaseDir(env: NodeJS.ProcessEnv = process.env): string {
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime !== undefined && path.isAbsolute(runtime) && fs.existsSync(runtime)) {
    return path.join(runtime, "codex-bwrap-mountpoints");
  }
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  return path.join(os.tmpdir(), `codex-bwrap-mountpoints-${uid}`);
}

function markerDirFor(base: string, placeholder: string): string {
  return path.join(base, createHash("sha256").update(placeholder).digest("hex").slice(0, 32));
}

/** Runs `action` holding `<markerDir>.lock` (an exclusive folder); a lock older than 10 s is considered stale. */
function withLock<T>(markerDir: string, action: () => T): T {
  const lock = `${markerDir}.lock`;
  fs.mkdirSync(path.dirname(markerDir), { recursive: true, mode: 0o700 });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > STALE_LOCK_MS) fs.rmdirSync(lock);
      } catch {
        // Released meanwhile.
      }
      Atomics.wait(pause, 0, 0, 1);
    }
  }
  try {
    return action();
  } finally {
    fs.rmdirSync(lock);
  }
}

/** Registers this run as a user of each placeholder. Failures only mean the placeholder may be left behind. */
export function registerPlaceholders(placeholders: readonly string[], base = markerBaseDir()): PlaceholderRegistration[] {
  const registrations: PlaceholderRegistration[] = [];
  for (const placeholder of placeholders) {
    const markerDir = markerDirFor(base, placeholder);
    const marker = path.join(markerDir, `${process.pid}-${sequence++}`);
    try {
      withLock(markerDir, () => {
        fs.mkdirSync(markerDir, { recursive: true, mode: 0o700 });
        fs.writeFileSync(marker, placeholder);
      });
      registrations.push({ placeholder, markerDir, marker });
    } catch {
      // Without a marker the placeholder is simply kept; the sandbox stays correct.
    }
  }
  return registrations;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function hasLiveMarkers(markerDir: string): boolean {
  let entries: string[];
  try {
    entries = fs.readdirSync(markerDir);
  } catch {
    return false;
  }
  let live = false;
  for (const entry of entries) {
    const pid = Number.parseInt(entry.split("-")[0] ?? "", 10);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
      live = true;
    } else {
      fs.rmSync(path.join(markerDir, entry), { force: true });
    }
  }
  return live;
}

/** Removes an empty placeholder file (or empty folder); anything with content is kept. */
function removeIfEmpty(placeholder: string): void {
  try {
    const stat = fs.lstatSync(placeholder);
    if (stat.isFile() && stat.size === 0) fs.rmSync(placeholder);
    else if (stat.isDirectory() && fs.readdirSync(placeholder).length === 0) fs.rmdirSync(placeholder);
  } catch {
    // Already gone, or not ours to remove.
  }
}

/** Drops this run's markers and removes each placeholder no other live run still uses. */
export function releasePlaceholders(registrations: readonly PlaceholderRegistration[]): void {
  for (const { placeholder, markerDir, marker } of registrations) {
    try {
      withLock(markerDir, () => {
        fs.rmSync(marker, { force: true });
        if (hasLiveMarkers(markerDir)) return;
        removeIfEmpty(placeholder);
        fs.rmSync(markerDir, { recursive: true, force: true });
      });
    } catch {
      // The placeholder stays; a later run removes it.
    }
  }
}
