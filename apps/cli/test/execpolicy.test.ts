import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeCodexEnv, runCodex } from "./run-codex.js";

/** A temp CODEX_HOME with a default.rules file and a project folder with its own `.codex/rules`. */
async function setup(): Promise<{ env: NodeJS.ProcessEnv; project: string; root: string }> {
  const { env, home, root } = await makeCodexEnv();
  await mkdir(path.join(home, "rules"));
  await writeFile(
    path.join(home, "rules", "default.rules"),
    [
      `prefix_rule(pattern=["git", "status"])`,
      `prefix_rule(pattern=["git", ["push", "fetch"]], decision="prompt", justification="talks to the remote")`,
      "",
    ].join("\n"),
  );
  const project = path.join(root, "project");
  await mkdir(path.join(project, ".codex", "rules"), { recursive: true });
  await writeFile(path.join(project, ".codex", "rules", "project.rules"), `prefix_rule(pattern=["rm"], decision="forbidden")\n`);
  return { env, project, root };
}

describe("codex execpolicy check", () => {
  it("prints the matching rules and the decision as compact JSON", async () => {
    const { env, project } = await setup();
    const run = await runCodex(["execpolicy", "check", "--", "git", "push", "--force"], { env, cwd: project });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      '{"matchedRules":[{"prefixRuleMatch":{"matchedPrefix":["git","push"],"decision":"prompt","justification":"talks to the remote"}}],"decision":"prompt"}\n',
    );
  });

  it("uses the project's .codex/rules and splits bash -lc scripts", async () => {
    const { env, project } = await setup();
    const run = await runCodex(["execpolicy", "check", "--pretty", "--", "bash", "-lc", "git status && rm -rf build"], { env, cwd: project });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      matchedRules: [
        { prefixRuleMatch: { matchedPrefix: ["git", "status"], decision: "allow" } },
        { prefixRuleMatch: { matchedPrefix: ["rm"], decision: "forbidden" } },
      ],
      decision: "forbidden",
    });
    expect(run.stdout).toContain('\n  "matchedRules": [\n');
  });

  it("omits the decision when nothing matches and exits 0", async () => {
    const { env, project } = await setup();
    const run = await runCodex(["execpolicy", "check", "cargo", "build"], { env, cwd: project });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('{"matchedRules":[]}\n');
  });

  it("adds --rules files", async () => {
    const { env, project, root } = await setup();
    const extra = path.join(root, "extra.rules");
    await writeFile(extra, `prefix_rule(pattern=["cargo"], decision="allow", match=["cargo build"])\n`);
    const run = await runCodex(["execpolicy", "check", "--rules", extra, "--", "cargo", "build"], { env, cwd: project });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ decision: "allow" });
  });

  it("exits 1 with file:line:col for a rules file that does not load", async () => {
    const { env, project, root } = await setup();
    const bad = path.join(root, "bad.rules");
    await writeFile(bad, `prefix_rule(pattern=["ls"])\nprefix_rule(pattern=["ls"], decison="allow")\n`);
    const run = await runCodex(["execpolicy", "check", "--rules", bad, "ls"], { env, cwd: project });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `Error: ${bad}:2:29: prefix_rule() got an unexpected keyword argument \`decison\` (expected one of pattern, decision, match, not_match, justification)\n`,
    );
  });
});
