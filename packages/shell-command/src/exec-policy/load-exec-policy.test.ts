import { chmod, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appendPrefixRule, renderPrefixRule } from "./append-prefix-rule.js";
import { ExecPolicyError } from "./exec-policy-error.js";
import { listRulesFiles, loadExecPolicy } from "./load-exec-policy.js";

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "shell-command-rules-"));
}

describe("loadExecPolicy", () => {
  it("loads *.rules files of each directory in name order, then explicit files", async () => {
    const root = await tempDir();
    const home = path.join(root, "home", "rules");
    const project = path.join(root, "project", ".codex", "rules");
    await mkdir(home, { recursive: true });
    await mkdir(project, { recursive: true });
    await writeFile(path.join(home, "b.rules"), `prefix_rule(pattern=["b"])\n`);
    await writeFile(path.join(home, "a.rules"), `prefix_rule(pattern=["a"])\n`);
    await writeFile(path.join(home, "notes.txt"), `not rules`);
    await writeFile(path.join(project, "p.rules"), `prefix_rule(pattern=["p"], decision="prompt")\n`);
    const extra = path.join(root, "extra.rules");
    await writeFile(extra, `prefix_rule(pattern=["x"], decision="forbidden")\n`);

    expect(await listRulesFiles(home)).toEqual([path.join(home, "a.rules"), path.join(home, "b.rules")]);
    const policy = await loadExecPolicy({ directories: [home, project, path.join(root, "missing")], files: [extra] });
    expect(policy.rules.map((rule) => [path.basename(rule.file), rule.program])).toEqual([
      ["a.rules", "a"],
      ["b.rules", "b"],
      ["p.rules", "p"],
      ["extra.rules", "x"],
    ]);
  });

  it("names the file, line and column of a parse error", async () => {
    const root = await tempDir();
    const file = path.join(root, "bad.rules");
    await writeFile(file, `prefix_rule(pattern=["ls"])\nprefix_rule(pattern=["ls"], decision="maybe")\n`);
    const error = await loadExecPolicy({ files: [file] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExecPolicyError);
    expect((error as ExecPolicyError).code).toBe("EXEC_POLICY_PARSE");
    expect((error as ExecPolicyError).message).toBe(`${file}:2:38: decision must be "allow", "prompt" or "forbidden" (got "maybe")`);
  });

  it("reports a missing explicit file as a read error", async () => {
    const file = path.join(await tempDir(), "absent.rules");
    const error = await loadExecPolicy({ files: [file] }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "EXEC_POLICY_READ", message: `${file}: cannot read the rules file: it does not exist` });
  });

  it.skipIf(process.getuid?.() === 0)("reports an unreadable file as a read error", async () => {
    const file = path.join(await tempDir(), "locked.rules");
    await writeFile(file, `prefix_rule(pattern=["ls"])`);
    await chmod(file, 0o000);
    await expect(loadExecPolicy({ files: [file] })).rejects.toMatchObject({ code: "EXEC_POLICY_READ" });
  });
});

describe("appendPrefixRule", () => {
  it("renders rules in the format Codex writes and appends each once", async () => {
    expect(renderPrefixRule(["git", 'say "hi"'], "prompt")).toBe('prefix_rule(pattern=["git", "say \\"hi\\""], decision="prompt")');
    const file = path.join(await tempDir(), "rules", "default.rules");
    expect(await appendPrefixRule(file, ["python3"])).toBe(true);
    expect(await appendPrefixRule(file, ["python3"])).toBe(false);
    expect(await appendPrefixRule(file, ["npm", "test"])).toBe(true);
    expect(await readFile(file, "utf8")).toBe('prefix_rule(pattern=["python3"], decision="allow")\nprefix_rule(pattern=["npm", "test"], decision="allow")\n');
    const policy = await loadExecPolicy({ files: [file] });
    expect(policy.rules.map((rule) => rule.program)).toEqual(["python3", "npm"]);
  });
});
