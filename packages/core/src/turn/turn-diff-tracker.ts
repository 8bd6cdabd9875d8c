// The aggregated diff of every file a turn changed, relative to the files as they were before the turn's
// first change to them (sent as `turn/diff/updated`).
import { relative } from "node:path";
import { createTwoFilesPatch } from "diff";

interface Tracked {
  /** Path as first seen (relative to cwd for display). */
  original: string | null;
  current: string | null;
  /** Where the file lives now (differs after a move). */
  currentPath: string;
}

export class TurnDiffTracker {
  private readonly files = new Map<string, Tracked>();

  constructor(private readonly cwd: string) {}

  /** Records a file's content before and after one change; `null` means absent. */
  record(path: string, before: string | null, after: string | null, movedTo?: string): void {
    const existing = this.files.get(path);
    const tracked: Tracked = existing ?? { original: before, current: before, currentPath: path };
    tracked.current = movedTo === undefined ? after : null;
    this.files.set(path, tracked);
    if (movedTo !== undefined) {
      const target = this.files.get(movedTo) ?? { original: null, current: null, currentPath: movedTo };
      target.current = after;
      this.files.set(movedTo, target);
    }
  }

  get empty(): boolean {
    return this.files.size === 0;
  }

  /** A git-style unified diff over all tracked files, sorted by path; empty when nothing changed. */
  unifiedDiff(): string {
    const parts: string[] = [];
    for (const path of [...this.files.keys()].sort()) {
      const tracked = this.files.get(path)!;
      if (tracked.original === tracked.current) continue;
      const shown = relative(this.cwd, path) || path;
      const oldName = tracked.original === null ? "/dev/null" : `a/${shown}`;
      const newName = tracked.current === null ? "/dev/null" : `b/${shown}`;
      const patch = createTwoFilesPatch(oldName, newName, tracked.original ?? "", tracked.current ?? "", undefined, undefined, {
        context: 3,
      });
      const body = patch.split("\n").slice(1).join("\n"); // drop the "=====" banner line
      let header = `diff --git a/${shown} b/${shown}\n`;
      if (tracked.original === null) header += "new file mode 100644\n";
      if (tracked.current === null) header += "deleted file mode 100644\n";
      parts.push(header + body);
    }
    return parts.join("");
  }
}
