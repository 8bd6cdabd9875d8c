// Watches one path, non-recursively, with Node's fs.watch: a file, a directory and its direct entries, or a
// path that does not exist yet (reported once it appears). Deeper changes are not reported, as upstream.
import { type FSWatcher, statSync, watch } from "node:fs";
import path from "node:path";

/** Receives the absolute paths that changed. */
export type PathChangeListener = (paths: string[]) => void;

interface WatchedDirectory {
  directory: string;
  watcher: FSWatcher;
}

/**
 * Reports changes to `target` and, when it is a directory, to its direct entries. The nearest existing
 * directory above `target` is watched too, so that creation, deletion and replacement of `target` itself
 * are seen, including for a path whose parents do not exist yet.
 */
export class PathWatcher {
  private ancestor: WatchedDirectory | undefined;
  private contents: WatchedDirectory | undefined;
  private closed = false;

  constructor(
    private readonly target: string,
    private readonly onChange: PathChangeListener,
  ) {
    this.arm();
  }

  close(): void {
    this.closed = true;
    this.ancestor?.watcher.close();
    this.contents?.watcher.close();
    this.ancestor = undefined;
    this.contents = undefined;
  }

  /** (Re)creates the watchers that fit the current state of the filesystem. */
  private arm(): void {
    if (this.closed) return;
    const parent = path.dirname(this.target);
    const ancestorDirectory = parent === this.target ? undefined : nearestExistingDirectory(parent);
    if (this.ancestor?.directory !== ancestorDirectory) {
      this.ancestor?.watcher.close();
      this.ancestor = ancestorDirectory === undefined ? undefined : this.open(ancestorDirectory, (name) => this.onAncestorEvent(name));
    }
    const contentsDirectory = isDirectory(this.target) ? this.target : undefined;
    if (this.contents?.directory !== contentsDirectory) {
      this.contents?.watcher.close();
      this.contents = contentsDirectory === undefined ? undefined : this.open(contentsDirectory, (name) => this.onContentsEvent(name));
    }
  }

  private open(directory: string, onEvent: (name: string | null) => void): WatchedDirectory | undefined {
    let watcher: FSWatcher;
    try {
      watcher = watch(directory, { persistent: false }, (_event, name) => onEvent(typeof name === "string" ? name : null));
    } catch {
      return undefined;
    }
    const entry: WatchedDirectory = { directory, watcher };
    watcher.on("error", () => {
      watcher.close();
      if (this.ancestor === entry) this.ancestor = undefined;
      if (this.contents === entry) this.contents = undefined;
      this.arm();
    });
    return entry;
  }

  private onAncestorEvent(name: string | null): void {
    if (this.closed || this.ancestor === undefined) return;
    const directory = this.ancestor.directory;
    const changed = name === null ? undefined : path.join(directory, name);
    if (changed === this.target) {
      this.arm();
      this.onChange([this.target]);
      return;
    }
    // Something on the way to a missing target may have been created; move closer if so.
    if (changed === undefined || isOnPathTo(changed, this.target)) {
      this.arm();
      if (changed === undefined || this.ancestor?.directory !== directory) {
        if (exists(this.target)) this.onChange([this.target]);
      }
    }
  }

  private onContentsEvent(name: string | null): void {
    if (this.closed || this.contents === undefined) return;
    const changed = name === null ? this.target : path.join(this.contents.directory, name);
    this.onChange([changed]);
    if (name === null) this.arm();
  }
}

function isOnPathTo(candidate: string, target: string): boolean {
  return target.startsWith(candidate.endsWith(path.sep) ? candidate : candidate + path.sep);
}

function nearestExistingDirectory(start: string): string | undefined {
  let current = start;
  for (;;) {
    if (isDirectory(current)) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}

function exists(target: string): boolean {
  try {
    statSync(target);
    return true;
  } catch {
    return false;
  }
}
