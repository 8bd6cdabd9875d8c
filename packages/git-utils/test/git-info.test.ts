import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GitError, getDefaultBranch, getGitInfo, getGitRepoRoot, isInsideGitRepo, runGit } from "../src/index.js";
import { Scratch, git, writeFile } from "./git-fixture.js";

let scratch: Scratch;
afterEach(() => scratch?.cleanup());

describe("repository lookup", () => {
  it("finds the repository root from a nested directory or a file", () => {
    scratch = new Scratch();
    const repo = scratch.repo();
    expect(getGitRepoRoot(path.join(repo, "src"))).toBe(repo);
    expect(getGitRepoRoot(path.join(repo, "src", "app.txt"))).toBe(repo);
    expect(isInsideGitRepo(path.join(repo, "src"))).toBe(true);
  });

  it("recognises a .git file (linked worktree or submodule)", () => {
    scratch = new Scratch();
    const checkout = scratch.dir("checkout");
    writeFile(checkout, ".git", "gitdir: /elsewhere/.git/worktrees/checkout\n");
    expect(getGitRepoRoot(path.join(checkout))).toBe(checkout);
  });

  it("reports nothing outside a repository", async () => {
    scratch = new Scratch();
    const plain = scratch.dir("plain");
    expect(getGitRepoRoot(plain)).toBeUndefined();
    expect(isInsideGitRepo(plain)).toBe(false);
    expect(await getGitInfo(plain)).toBeUndefined();
  });
});

describe("getGitInfo", () => {
  it("reports commit, branch and origin URL", async () => {
    scratch = new Scratch();
    const { work, remote } = scratch.repoWithRemote();
    expect(await getGitInfo(path.join(work, "src"))).toEqual({
      commitHash: git(work, "rev-parse", "HEAD"),
      branch: "main",
      repositoryUrl: remote,
    });
  });

  it("omits what git cannot tell: no remote, no commit yet, detached HEAD", async () => {
    scratch = new Scratch();
    const fresh = scratch.dir("fresh");
    git(fresh, "init", "-q", "-b", "trunk");
    expect(await getGitInfo(fresh)).toEqual({ branch: "trunk" });
    const repo = scratch.repo();
    const head = git(repo, "rev-parse", "HEAD");
    git(repo, "checkout", "-q", "--detach");
    expect(await getGitInfo(repo)).toEqual({ commitHash: head });
  });

  it("finds the default branch from origin/HEAD, else a local main", async () => {
    scratch = new Scratch();
    const { work } = scratch.repoWithRemote();
    git(work, "checkout", "-q", "-b", "feature");
    expect(await getDefaultBranch(work)).toBe("main");
    git(work, "remote", "set-head", "origin", "--delete");
    expect(await getDefaultBranch(work)).toBe("main");
  });
});

describe("runGit", () => {
  it("returns non-zero exits with their output", async () => {
    scratch = new Scratch();
    const result = await runGit(["rev-parse", "--verify", "no-such-ref"], { cwd: scratch.dir("x") });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).not.toBe("");
  });

  it("kills a command that exceeds the timeout", async () => {
    scratch = new Scratch();
    const slowGit = path.join(scratch.dir("bin"), "slow-git");
    writeFileSync(slowGit, "#!/bin/sh\nexec sleep 5\n");
    chmodSync(slowGit, 0o755);
    const pending = runGit(["status"], { cwd: scratch.root, gitPath: slowGit, timeoutMs: 100 });
    await expect(pending).rejects.toMatchObject({ code: "GIT_TIMEOUT" });
  });

  it("explains a missing git executable or directory", async () => {
    scratch = new Scratch();
    await expect(runGit(["status"], { cwd: scratch.root, gitPath: "/nonexistent/git" })).rejects.toMatchObject({
      code: "GIT_NOT_FOUND",
    });
    const missing = runGit(["status"], { cwd: path.join(scratch.root, "missing") });
    await expect(missing).rejects.toBeInstanceOf(GitError);
    await expect(missing).rejects.toMatchObject({ code: "NOT_A_GIT_REPO" });
  });
});
