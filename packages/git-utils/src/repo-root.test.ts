import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getGitRepoRoot } from "./repo-root.js";

describe("getGitRepoRoot", () => {
  it("walks up to the closest .git entry and resolves relative paths", () => {
    const root = mkdtempSync(path.join(tmpdir(), "codex-git-root-"));
    try {
      mkdirSync(path.join(root, "outer", ".git"), { recursive: true });
      mkdirSync(path.join(root, "outer", "inner", ".git"), { recursive: true });
      mkdirSync(path.join(root, "outer", "inner", "deep"), { recursive: true });
      expect(getGitRepoRoot(path.join(root, "outer", "inner", "deep"))).toBe(path.join(root, "outer", "inner"));
      expect(getGitRepoRoot(path.join(root, "outer", "missing-child"))).toBe(path.join(root, "outer"));
      const relative = path.relative(process.cwd(), path.join(root, "outer"));
      expect(getGitRepoRoot(relative)).toBe(path.join(root, "outer"));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
