// AGENTS.md layering as `codex exec` sends it: $CODEX_HOME first, then the repository root down to the
// working directory, within project_doc_max_bytes.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { message, turn } from "@codex-ts/test-support";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupHarnesses, type ExecHarness, execHarness, expectCode, messageTexts } from "./exec-harness.js";

afterAll(cleanupHarnesses);

async function layered(h: ExecHarness, rootDoc: string): Promise<string> {
  const sub = path.join(h.workspace, "pkg", "inner");
  await mkdir(sub, { recursive: true });
  await writeFile(path.join(h.home, "AGENTS.md"), "HOME-DOC: global rules\n");
  await writeFile(path.join(h.workspace, "AGENTS.md"), rootDoc);
  await writeFile(path.join(h.workspace, "pkg", "inner", "AGENTS.md"), "SUB-DOC: package rules\n");
  return sub;
}

/** The user message carrying the AGENTS.md instructions. */
function instructionsMessage(h: ExecHarness): string {
  const text = messageTexts(h.server.responsesRequests[0], "user").find((entry) => entry.startsWith("# AGENTS.md instructions"));
  if (text === undefined) throw new Error("no AGENTS.md message in the request");
  return text;
}

describe.concurrent("AGENTS.md", { timeout: 40_000 }, () => {
  it("sends the global, repository-root and subdirectory files in that order", async () => {
    const h = await execHarness();
    const sub = await layered(h, "ROOT-DOC: repository rules\n");
    h.server.enqueue(turn([message("ok")]));

    const run = await h.run(["exec", "x"], { cwd: sub });

    expectCode(run, 0);
    const text = instructionsMessage(h);
    expect(text).toContain(`# AGENTS.md instructions for ${sub}`);
    const positions = ["HOME-DOC", "ROOT-DOC", "SUB-DOC"].map((marker) => text.indexOf(marker));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The instructions come before the prompt.
    const users = messageTexts(h.server.responsesRequests[0], "user");
    expect(users.indexOf(text)).toBeLessThan(users.indexOf("x"));
  });

  it("project_doc_max_bytes cuts the project files; the global file is kept", async () => {
    const h = await execHarness({ topToml: "project_doc_max_bytes = 40\n" });
    const sub = await layered(h, `ROOT-DOC: ${"r".repeat(30)}TAIL-OF-ROOT ${"z".repeat(100)}\n`);
    h.server.enqueue(turn([message("ok")]));

    const run = await h.run(["exec", "x"], { cwd: sub });

    expectCode(run, 0);
    const text = instructionsMessage(h);
    expect(text).toContain("HOME-DOC");
    expect(text).toContain(`ROOT-DOC: ${"r".repeat(30)}`);
    expect(text).not.toContain("TAIL-OF-ROOT");
    expect(text).not.toContain("SUB-DOC");
  });

  it("project_doc_max_bytes = 0 leaves only the global file", async () => {
    const h = await execHarness({ topToml: "project_doc_max_bytes = 0\n" });
    const sub = await layered(h, "ROOT-DOC\n");
    h.server.enqueue(turn([message("ok")]));
    expectCode(await h.run(["exec", "x"], { cwd: sub }), 0);
    const text = instructionsMessage(h);
    expect(text).toContain("HOME-DOC");
    expect(text).not.toContain("ROOT-DOC");
    expect(text).not.toContain("SUB-DOC");
  });

  it("without a .git marker only the working directory's file is used", async () => {
    const h = await execHarness({ git: false });
    const sub = await layered(h, "ROOT-DOC\n");
    h.server.enqueue(turn([message("ok")]));
    expectCode(await h.run(["exec", "--skip-git-repo-check", "x"], { cwd: sub }), 0);
    const text = instructionsMessage(h);
    expect(text).toContain("HOME-DOC");
    expect(text).toContain("SUB-DOC");
    expect(text).not.toContain("ROOT-DOC");
  });
});
