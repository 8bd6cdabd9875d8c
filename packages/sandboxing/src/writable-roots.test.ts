import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readOnlySandboxPolicy, workspaceWriteSandboxPolicy } from "@codex-ts/protocol";
import { absolutePath } from "@codex-ts/utils-absolute-path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isWritableUnder, writableRootsFor } from "./writable-roots.js";

let base: string;
beforeEach(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "codex-roots-")));
});
afterEach(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

const noTmp = { excludeSlashTmp: true, excludeTmpdirEnvVar: true };

describe("writableRootsFor", () => {
  it("has no roots for read-only and full access", () => {
    expect(writableRootsFor(readOnlySandboxPolicy(), base, {})).toEqual([]);
    expect(writableRootsFor({ type: "dangerFullAccess" }, base, {})).toEqual([]);
  });

  it("protects .git, .codex and .agents of the workspace even when they do not exist", () => {
    const roots = writableRootsFor(workspaceWriteSandboxPolicy(noTmp), base, {});
    expect(roots).toEqual([
      { root: base, readOnlySubpaths: [`${base}/.git`, `${base}/.codex`, `${base}/.agents`] },
    ]);
  });

  it("adds /tmp and $TMPDIR unless excluded, protecting only what exists there", () => {
    const tmpdir = path.join(base, "tmpdir");
    fs.mkdirSync(path.join(tmpdir, ".git"), { recursive: true });
    fs.symlinkSync(base, path.join(tmpdir, ".codex"));
    const workspace = path.join(base, "ws");
    fs.mkdirSync(workspace);
    const roots = writableRootsFor(workspaceWriteSandboxPolicy(), workspace, { TMPDIR: tmpdir });
    expect(roots.map(({ root }) => root)).toEqual([workspace, fs.realpathSync("/tmp"), tmpdir]);
    expect(roots[2]?.readOnlySubpaths).toEqual([`${tmpdir}/.git`]);
    const excluded = writableRootsFor(workspaceWriteSandboxPolicy(noTmp), workspace, { TMPDIR: tmpdir });
    expect(excluded.map(({ root }) => root)).toEqual([workspace]);
  });

  it("puts configured roots first, canonicalises symlinks and merges duplicates", () => {
    const real = path.join(base, "real");
    fs.mkdirSync(real);
    fs.symlinkSync(real, path.join(base, "link"));
    const policy = workspaceWriteSandboxPolicy({ ...noTmp, writableRoots: [absolutePath(path.join(base, "link"))] });
    const roots = writableRootsFor(policy, real, {});
    expect(roots.map(({ root }) => root)).toEqual([real]);
  });

  it("protects the gitdir a .git file points to, and the target of a protected symlink", () => {
    const gitdir = path.join(base, "main", ".git", "worktrees", "wt");
    fs.mkdirSync(gitdir, { recursive: true });
    const worktree = path.join(base, "wt");
    fs.mkdirSync(path.join(worktree, "decoy"), { recursive: true });
    fs.writeFileSync(path.join(worktree, ".git"), `gitdir: ../main/.git/worktrees/wt\n`);
    fs.symlinkSync("decoy", path.join(worktree, ".codex"));
    const [root] = writableRootsFor(workspaceWriteSandboxPolicy(noTmp), worktree, {});
    expect(root?.readOnlySubpaths).toEqual([
      `${worktree}/.git`,
      gitdir,
      `${worktree}/.codex`,
      `${worktree}/decoy`,
      `${worktree}/.agents`,
    ]);
  });
});

describe("isWritableUnder", () => {
  it("allows paths inside a root but outside its protected subpaths", () => {
    const roots = writableRootsFor(workspaceWriteSandboxPolicy(noTmp), base, {});
    expect(isWritableUnder(roots, `${base}/src/main.ts`)).toBe(true);
    expect(isWritableUnder(roots, base)).toBe(true);
    expect(isWritableUnder(roots, `${base}/.git/config`)).toBe(false);
    expect(isWritableUnder(roots, `${base}/.codex`)).toBe(false);
    expect(isWritableUnder(roots, `${base}/src/../.agents/x`)).toBe(false);
    expect(isWritableUnder(roots, `${base}-other/file`)).toBe(false);
    expect(isWritableUnder(roots, "/etc/passwd")).toBe(false);
  });
});
