import { mkdir, mkdtemp, realpath, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { absolutePath, type AbsolutePath } from "@codex-ts/utils-absolute-path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findProjectRoot, foldersFromRoot, isProjectTrusted } from "./project-layers.js";

let tmp: AbsolutePath;

beforeEach(async () => {
  tmp = absolutePath(await realpath(await mkdtemp(path.join(os.tmpdir(), "codex-project-"))));
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("findProjectRoot", () => {
  it("finds the nearest folder with a marker", async () => {
    await mkdir(path.join(tmp, "repo/.git"), { recursive: true });
    await mkdir(path.join(tmp, "repo/a/b"), { recursive: true });
    const cwd = absolutePath(path.join(tmp, "repo/a/b"));
    expect(await findProjectRoot(cwd, [".git"])).toBe(path.join(tmp, "repo"));
  });

  it("uses any of several markers and falls back to cwd", async () => {
    await mkdir(path.join(tmp, "ws/pkg"), { recursive: true });
    await mkdir(path.join(tmp, "ws/.hg"));
    const cwd = absolutePath(path.join(tmp, "ws/pkg"));
    expect(await findProjectRoot(cwd, [".git", ".hg"])).toBe(path.join(tmp, "ws"));
    expect(await findProjectRoot(cwd, [".nothing-here"])).toBe(cwd);
    expect(await findProjectRoot(cwd, [])).toBe(cwd);
  });
});

describe("foldersFromRoot", () => {
  it("lists folders from the root down to cwd", () => {
    expect(foldersFromRoot(absolutePath("/r"), absolutePath("/r/a/b"))).toEqual(["/r", "/r/a", "/r/a/b"]);
    expect(foldersFromRoot(absolutePath("/r"), absolutePath("/r"))).toEqual(["/r"]);
  });
});

describe("isProjectTrusted", () => {
  const cwd = absolutePath("/nonexistent-codex-test/repo/sub");

  it("trusts cwd or any ancestor marked trusted", async () => {
    expect(await isProjectTrusted({ [cwd]: { trust_level: "trusted" } }, cwd)).toBe(true);
    expect(await isProjectTrusted({ "/nonexistent-codex-test/repo": { trust_level: "trusted" } }, cwd)).toBe(true);
    expect(await isProjectTrusted({ "/": { trust_level: "trusted" } }, cwd)).toBe(true);
  });

  it("lets the nearest entry decide", async () => {
    const projects = {
      "/nonexistent-codex-test/repo": { trust_level: "trusted" },
      [cwd]: { trust_level: "untrusted" },
    };
    expect(await isProjectTrusted(projects, cwd)).toBe(false);
  });

  it("does not trust unknown projects or other values", async () => {
    expect(await isProjectTrusted(undefined, cwd)).toBe(false);
    expect(await isProjectTrusted({ "/elsewhere": { trust_level: "trusted" } }, cwd)).toBe(false);
    expect(await isProjectTrusted({ [cwd]: { trust_level: "yes" } }, cwd)).toBe(false);
  });

  it("matches entries written for the canonical path of a symlinked cwd", async () => {
    await mkdir(path.join(tmp, "real"));
    await symlink(path.join(tmp, "real"), path.join(tmp, "link"));
    const linked = absolutePath(path.join(tmp, "link"));
    expect(await isProjectTrusted({ [path.join(tmp, "real")]: { trust_level: "trusted" } }, linked)).toBe(true);
  });
});
