import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitDiffToRemote } from "../src/index.js";
import { Scratch, commitAll, git, writeFile } from "./git-fixture.js";

let scratch: Scratch;
afterEach(() => scratch?.cleanup());

describe("gitDiffToRemote", () => {
  it("returns HEAD and an empty diff for a clean, pushed checkout", async () => {
    scratch = new Scratch();
    const { work } = scratch.repoWithRemote();
    expect(await gitDiffToRemote(work)).toEqual({ sha: git(work, "rev-parse", "HEAD"), diff: "" });
  });

  it("diffs unpushed commits, working-tree edits and untracked files against the pushed commit", async () => {
    scratch = new Scratch();
    const { work } = scratch.repoWithRemote();
    const pushed = git(work, "rev-parse", "HEAD");
    writeFile(work, ".gitignore", "*.log\n");
    writeFile(work, "src/app.txt", "line 1\nline 2 changed\n");
    commitAll(work, "local commit");
    writeFile(work, "README.md", "# project\n\nmore\n");
    writeFile(work, "notes/todo.md", "- a\n");
    writeFile(work, "debug.log", "ignored\n");
    const result = await gitDiffToRemote(path.join(work, "src"));
    expect(result.sha).toBe(pushed);
    expect(result.diff).toContain("diff --git a/src/app.txt b/src/app.txt");
    expect(result.diff).toContain("+line 2 changed");
    expect(result.diff).toContain("+more");
    expect(result.diff).toContain("diff --git a/.gitignore b/.gitignore");
    expect(result.diff).toContain("diff --git a/notes/todo.md b/notes/todo.md\nnew file mode 100644");
    expect(result.diff).toContain("+- a");
    expect(result.diff).not.toContain("debug.log");
  });

  it("uses the fork point of a local branch that was never pushed", async () => {
    scratch = new Scratch();
    const { work } = scratch.repoWithRemote();
    const forkPoint = git(work, "rev-parse", "HEAD");
    git(work, "checkout", "-q", "-b", "feature");
    writeFile(work, "feature.txt", "new\n");
    commitAll(work, "feature work");
    const result = await gitDiffToRemote(work);
    expect(result.sha).toBe(forkPoint);
    expect(result.diff).toContain("+++ b/feature.txt");
  });

  it("uses the pushed branch itself once it contains HEAD", async () => {
    scratch = new Scratch();
    const { work } = scratch.repoWithRemote();
    git(work, "checkout", "-q", "-b", "feature");
    writeFile(work, "feature.txt", "new\n");
    const head = commitAll(work, "feature work");
    git(work, "push", "-q", "-u", "origin", "feature");
    expect((await gitDiffToRemote(work)).sha).toBe(head);
  });

  it("stays on an ancestor of HEAD when the remote branch moved ahead", async () => {
    scratch = new Scratch();
    const { work, remote } = scratch.repoWithRemote();
    const base = git(work, "rev-parse", "HEAD");
    const other = scratch.dir("other");
    git(scratch.root, "clone", "-q", remote, other);
    writeFile(other, "theirs.txt", "theirs\n");
    commitAll(other, "their change");
    git(other, "push", "-q", "origin", "main");
    writeFile(work, "mine.txt", "mine\n");
    commitAll(work, "my change");
    git(work, "fetch", "-q", "origin");
    const result = await gitDiffToRemote(work);
    expect(result.sha).toBe(base);
    expect(result.diff).toContain("+++ b/mine.txt");
    expect(result.diff).not.toContain("theirs.txt");
  });

  it("prefers the closest remote branch, not only the default one", async () => {
    scratch = new Scratch();
    const { work } = scratch.repoWithRemote();
    git(work, "checkout", "-q", "-b", "develop");
    writeFile(work, "develop.txt", "d\n");
    const developTip = commitAll(work, "develop work");
    git(work, "push", "-q", "origin", "develop");
    git(work, "checkout", "-q", "-b", "topic");
    writeFile(work, "topic.txt", "t\n");
    commitAll(work, "topic work");
    const result = await gitDiffToRemote(work);
    expect(result.sha).toBe(developTip);
    expect(result.diff).toContain("+++ b/topic.txt");
    expect(result.diff).not.toContain("develop.txt");
  });

  it("fails with a typed, actionable error outside a repository or without a remote", async () => {
    scratch = new Scratch();
    await expect(gitDiffToRemote(scratch.dir("plain"))).rejects.toMatchObject({
      code: "NOT_A_GIT_REPO",
      message: expect.stringContaining("not inside a git repository"),
    });
    const local = scratch.repo("local");
    await expect(gitDiffToRemote(local)).rejects.toMatchObject({
      code: "NO_REMOTE",
      message: expect.stringContaining("git remote add origin"),
    });
  });

  it("fails with NO_REMOTE_BASE when nothing was pushed or nothing was committed", async () => {
    scratch = new Scratch();
    const remote = scratch.dir("never.git");
    git(remote, "init", "-q", "--bare");
    const local = scratch.repo("unpushed");
    git(local, "remote", "add", "origin", remote);
    await expect(gitDiffToRemote(local)).rejects.toMatchObject({ code: "NO_REMOTE_BASE" });
    const empty = scratch.dir("empty");
    git(empty, "init", "-q", "-b", "main");
    git(empty, "remote", "add", "origin", remote);
    await expect(gitDiffToRemote(empty)).rejects.toMatchObject({
      code: "NO_REMOTE_BASE",
      message: expect.stringContaining("no commits yet"),
    });
  });
});
