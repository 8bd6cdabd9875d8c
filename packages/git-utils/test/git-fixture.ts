import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Every git process in these tests, the library's included, ignores the machine's git configuration.
process.env.GIT_CONFIG_NOSYSTEM = "1";
process.env.GIT_CONFIG_GLOBAL = process.platform === "win32" ? "NUL" : "/dev/null";
process.env.GIT_AUTHOR_NAME = "Test Author";
process.env.GIT_AUTHOR_EMAIL = "author@example.com";
process.env.GIT_COMMITTER_NAME = "Test Author";
process.env.GIT_COMMITTER_EMAIL = "author@example.com";

/** Runs git synchronously and returns trimmed stdout; throws on failure. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

export function writeFile(dir: string, relative: string, content: string): void {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export function commitAll(dir: string, message: string): string {
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", message);
  return git(dir, "rev-parse", "HEAD");
}

/** A scratch directory removed by `cleanup()`. */
export class Scratch {
  readonly root = realpathSync(mkdtempSync(path.join(tmpdir(), "codex-git-utils-")));

  dir(name: string): string {
    const dir = path.join(this.root, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** A repository on branch `main` with one commit. */
  repo(name = "work"): string {
    const dir = this.dir(name);
    git(dir, "init", "-q", "-b", "main");
    writeFile(dir, "README.md", "# project\n");
    writeFile(dir, "src/app.txt", "line 1\nline 2\n");
    commitAll(dir, "initial");
    return dir;
  }

  /** A repository whose `main` is pushed to a bare repository used as `origin` (by file path). */
  repoWithRemote(): { work: string; remote: string } {
    const remote = this.dir("remote.git");
    git(remote, "init", "-q", "--bare", "-b", "main");
    const work = this.repo();
    git(work, "remote", "add", "origin", remote);
    git(work, "push", "-q", "-u", "origin", "main");
    git(work, "remote", "set-head", "origin", "main");
    return { work, remote };
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
