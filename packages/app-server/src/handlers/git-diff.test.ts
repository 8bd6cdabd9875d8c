import { execFileSync } from "node:child_process";
import { mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitDiffHandlers } from "./git-diff.js";
import { TestConnection, testContext } from "./test-context.js";

let root: string;
const handlers = createGitDiffHandlers();

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: gitEnv, encoding: "utf8" }).trim();
}

beforeEach(async () => {
  root = await realpath(await mkdtemp(path.join(os.tmpdir(), "git-diff-")));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("gitDiffToRemote", () => {
  it("diffs the working tree, untracked files included, against the pushed commit", async () => {
    const remote = path.join(root, "remote.git");
    const work = path.join(root, "work");
    git(root, "init", "--bare", "-b", "main", remote);
    git(root, "init", "-b", "main", work);
    await writeFile(path.join(work, "tracked.txt"), "one\n");
    git(work, "add", ".");
    git(work, "commit", "-m", "first");
    git(work, "remote", "add", "origin", remote);
    git(work, "push", "-u", "origin", "main");
    const pushed = git(work, "rev-parse", "HEAD");

    await writeFile(path.join(work, "tracked.txt"), "two\n");
    await writeFile(path.join(work, "new.txt"), "fresh\n");
    const context = testContext(new TestConnection(), { codexHome: root });
    const { sha, diff } = await handlers.gitDiffToRemote!({ cwd: work }, context);
    expect(sha).toBe(pushed);
    expect(diff).toContain("-one\n+two");
    expect(diff).toContain("+fresh");
    expect(diff).toContain("new.txt");
  });

  it("fails with upstream's message outside a repository", async () => {
    const context = testContext(new TestConnection(), { codexHome: root });
    await expect(handlers.gitDiffToRemote!({ cwd: root }, context)).rejects.toMatchObject({
      code: -32600,
      message: `failed to compute git diff to remote for cwd: ${JSON.stringify(root)}`,
    });
  });
});
