import { mkdir, mkdtemp, realpath, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { directoriesFromRoot, findProjectRoot, loadUserInstructions, userInstructionsMessageText } from "./agents-md.js";

async function layout() {
  const root = await realpath(await mkdtemp(join(tmpdir(), "agents-md-")));
  const home = join(root, "home");
  const repo = join(root, "repo");
  const sub = join(repo, "pkg", "sub");
  await mkdir(home, { recursive: true });
  await mkdir(join(repo, ".git"), { recursive: true });
  await mkdir(sub, { recursive: true });
  return { home, repo, sub };
}

describe("loadUserInstructions", () => {
  it("joins the global file and every project file from the repo root down to cwd", async () => {
    const { home, repo, sub } = await layout();
    await writeFile(join(home, "AGENTS.md"), "global rules\n");
    await writeFile(join(repo, "AGENTS.md"), "repo rules\n");
    await writeFile(join(repo, "pkg", "AGENTS.md"), "   \n");
    await writeFile(join(sub, "AGENTS.md"), "sub rules\n");
    const result = await loadUserInstructions({ codexHome: home, cwd: sub, projectRoot: await findProjectRoot(sub) });
    expect(result.text).toBe("global rules\n\n--- project-doc ---\n\nrepo rules\n\n\nsub rules\n");
    expect(result.sources.map((source) => source.path)).toEqual([join(home, "AGENTS.md"), join(repo, "AGENTS.md"), join(sub, "AGENTS.md")]);
  });

  it("prefers AGENTS.override.md, then fallback names", async () => {
    const { home, repo } = await layout();
    await writeFile(join(home, "AGENTS.md"), "ignored");
    await writeFile(join(home, "AGENTS.override.md"), "override");
    await writeFile(join(repo, "CLAUDE.md"), "fallback");
    const result = await loadUserInstructions({ codexHome: home, cwd: repo, fallbackFilenames: ["CLAUDE.md"] });
    expect(result.text).toBe("override\n\n--- project-doc ---\n\nfallback");
  });

  it("cuts project files at the byte budget without splitting characters, and 0 disables them", async () => {
    const { home, repo } = await layout();
    await writeFile(join(repo, "AGENTS.md"), "ééééé");
    expect((await loadUserInstructions({ codexHome: home, cwd: repo, maxBytes: 5 })).text).toBe("éé");
    expect((await loadUserInstructions({ codexHome: home, cwd: repo, maxBytes: 0 })).text).toBeNull();
  });

  it("has no text when there are no files", async () => {
    const { home, repo } = await layout();
    expect(await loadUserInstructions({ codexHome: home, cwd: repo })).toEqual({ text: null, sources: [] });
  });
});

describe("helpers", () => {
  it("lists directories from the root down", () => {
    expect(directoriesFromRoot("/a", "/a/b/c")).toEqual(["/a", "/a/b", "/a/b/c"]);
    expect(directoriesFromRoot("/x", "/a/b")).toEqual(["/a/b"]);
  });

  it("finds the project root by marker, else uses cwd", async () => {
    const { repo, sub } = await layout();
    expect(await findProjectRoot(sub)).toBe(repo);
    expect(await findProjectRoot(sub, ["no-such-marker"])).toBe(sub);
  });

  it("wraps instructions for the model", () => {
    expect(userInstructionsMessageText("/w", "be nice")).toBe("# AGENTS.md instructions for /w\n\n<INSTRUCTIONS>\nbe nice\n</INSTRUCTIONS>");
  });
});
