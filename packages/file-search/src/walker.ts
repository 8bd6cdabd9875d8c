import { type Dirent, readdir } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Ignore } from "ignore";
import {
  type IgnoreLayer,
  createMatcher,
  extendIgnoreChain,
  isIgnoredByChain,
  parentIgnoreChain,
  posixRelative,
} from "./ignore-rules.js";
import { yieldToEventLoop } from "./yield.js";

/** One file or directory found under a root. */
export interface WalkEntry {
  rootIndex: number;
  /** Relative to the root, platform separators. */
  path: string;
  isDir: boolean;
}

export interface WalkOptions {
  /** Absolute, resolved root directories. Roots that are missing or not directories are skipped. */
  roots: readonly string[];
  excludes: readonly string[];
  respectGitignore: boolean;
  /** Directories read at the same time; bounded so the walk never floods libuv's thread pool. */
  concurrency: number;
  signal: AbortSignal;
  /** Receives entries in batches (at most one batch per directory read, or per 2048 entries). */
  onEntries: (entries: WalkEntry[]) => void;
}

interface DirTask {
  abs: string;
  rel: string;
  rootIndex: number;
  chain: IgnoreLayer | undefined;
}

const BATCH_SIZE = 2048;
const SLICE_MS = 8;

/** Walks every root, honouring ignore rules, skipping `.git`; resolves when done or aborted. */
export async function walkRoots(options: WalkOptions): Promise<void> {
  const { signal } = options;
  const excludes: Ignore | undefined = options.excludes.length > 0 ? createMatcher(options.excludes) : undefined;
  const rootIndexByPath = new Map<string, number>();
  const queue: DirTask[] = [];
  for (const [rootIndex, root] of options.roots.entries()) {
    if (rootIndexByPath.has(root) || !(await isDirectory(root))) continue;
    rootIndexByPath.set(root, rootIndex);
    const chain = options.respectGitignore ? await parentIgnoreChain(root) : undefined;
    queue.push({ abs: root, rel: "", rootIndex, chain });
  }
  const linkTargets = new Set<string>();

  const isExcluded = (task: DirTask, rel: string, abs: string, isDir: boolean): boolean => {
    if (excludes !== undefined) {
      const relPosix = posixRelative(rel);
      if (excludes.ignores(isDir ? `${relPosix}/` : relPosix)) return true;
    }
    return options.respectGitignore && isIgnoredByChain(task.chain, abs, isDir);
  };

  /** Follows a symlink; returns undefined when it dangles or would loop. */
  const followLink = async (task: DirTask, abs: string): Promise<{ isDir: boolean } | undefined> => {
    try {
      const target = await stat(abs);
      if (!target.isDirectory()) return { isDir: false };
      const real = await realpath(abs);
      const parentReal = await realpath(task.abs);
      if (parentReal === real || parentReal.startsWith(real + path.sep) || linkTargets.has(real)) return undefined;
      linkTargets.add(real);
      return { isDir: true };
    } catch {
      return undefined;
    }
  };

  const processDir = async (task: DirTask): Promise<void> => {
    const dirents = await readDirectory(task.abs);
    if (dirents === undefined || signal.aborted) return;
    if (options.respectGitignore) {
      const names = new Set(dirents.map((d) => d.name));
      const sources = {
        gitignore: names.has(".gitignore"),
        ignore: names.has(".ignore"),
        gitDir: dirents.some((d) => d.name === ".git" && d.isDirectory()),
      };
      if (sources.gitignore || sources.ignore || sources.gitDir) {
        task = { ...task, chain: await extendIgnoreChain(task.chain, task.abs, sources) };
      }
    }
    const dirPrefix = task.abs.endsWith(path.sep) ? task.abs : task.abs + path.sep;
    const relPrefix = task.rel === "" ? "" : task.rel + path.sep;
    let batch: WalkEntry[] = [];
    let sliceStart = performance.now();
    for (let i = 0; i < dirents.length; i += 1) {
      const dirent = dirents[i] as Dirent;
      const name = dirent.name;
      if (name === ".git") continue;
      if ((i & 255) === 255 && performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        if (signal.aborted) return;
        sliceStart = performance.now();
      }
      const abs = dirPrefix + name;
      const rel = relPrefix + name;
      let isDir = dirent.isDirectory();
      const isLink = dirent.isSymbolicLink();
      if (isExcluded(task, rel, abs, isDir)) continue;
      if (isLink) {
        const followed = await followLink(task, abs);
        if (followed === undefined) continue;
        isDir = followed.isDir;
        if (isDir && isExcluded(task, rel, abs, true)) continue;
      }
      if (isDir && rootIndexByPath.has(abs)) continue; // walked as a root of its own
      batch.push({ rootIndex: task.rootIndex, path: rel, isDir });
      if (isDir) queue.push({ abs, rel, rootIndex: task.rootIndex, chain: task.chain });
      if (batch.length >= BATCH_SIZE) {
        options.onEntries(batch);
        batch = [];
      }
    }
    if (batch.length > 0 && !signal.aborted) options.onEntries(batch);
  };

  await new Promise<void>((resolve) => {
    let head = 0;
    let active = 0;
    const pump = (): void => {
      while (!signal.aborted && active < options.concurrency && head < queue.length) {
        const task = queue[head] as DirTask;
        head += 1;
        active += 1;
        void processDir(task)
          .catch(() => undefined)
          .then(() => {
            active -= 1;
            pump();
          });
      }
      if (head > 4096 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      if (active === 0 && (signal.aborted || head >= queue.length)) resolve();
    };
    pump();
  });
}

/** The callback form of readdir: markedly faster than `fs/promises` for many small directories. */
function readDirectory(dir: string): Promise<Dirent[] | undefined> {
  return new Promise((resolve) => {
    readdir(dir, { withFileTypes: true }, (error, entries) => resolve(error ? undefined : entries));
  });
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
