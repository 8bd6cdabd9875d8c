import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A temporary directory; `write` creates files (and their directories) below it. */
export interface TempTree {
  root: string;
  write(files: Record<string, string>): void;
  dir(relative: string): string;
  remove(): void;
}

export function makeTree(files: Record<string, string> = {}): TempTree {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), "codex-file-search-")));
  const tree: TempTree = {
    root,
    write(entries) {
      for (const [relative, content] of Object.entries(entries)) {
        const file = path.join(root, relative);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
    },
    dir(relative) {
      const dir = path.join(root, relative);
      mkdirSync(dir, { recursive: true });
      return dir;
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  tree.write(files);
  return tree;
}
