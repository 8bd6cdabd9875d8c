import { describe, expect, it } from "vitest";
import { parseExecPolicy } from "./exec-policy-parser.js";
import { ExecPolicy, stricterDecision } from "./exec-policy.js";

const policyOf = (...files: string[]) =>
  parseExecPolicy(files.map((text, index) => ({ file: `f${index}.rules`, text })), { homeDir: "/home/me" });

describe("ExecPolicy.matchPrefixRules", () => {
  it("matches patterns as prefixes, with alternatives, in definition order across files", () => {
    const policy = policyOf(`prefix_rule(pattern=["git"], decision="prompt")`, `prefix_rule(pattern=["git", ["commit", "push"]], decision="forbidden", justification="use the review tool")`);
    expect(policy.matchPrefixRules(["git", "status"]).map((m) => [m.matchedPrefix, m.decision])).toEqual([[["git"], "prompt"]]);
    const commit = policy.matchPrefixRules(["git", "commit", "-m", "x"]);
    expect(commit.map((m) => [m.file, m.line, m.matchedPrefix, m.decision, m.justification])).toEqual([
      ["f0.rules", 1, ["git"], "prompt", undefined],
      ["f1.rules", 1, ["git", "commit"], "forbidden", "use the review tool"],
    ]);
    expect(commit[1]?.pattern).toEqual(["git", ["commit", "push"]]);
  });

  it("does not match a shorter command or a different token", () => {
    const policy = policyOf(`prefix_rule(pattern=["npm", ["i", "install"], ["--no-save", "--legacy-peer-deps"]])`);
    expect(policy.matchPrefixRules(["npm", "install"])).toEqual([]);
    expect(policy.matchPrefixRules(["npm", "ci", "--no-save"])).toEqual([]);
    expect(policy.matchPrefixRules(["npm", "i", "--no-save", "leftpad"])[0]?.matchedPrefix).toEqual(["npm", "i", "--no-save"]);
    expect(policy.matchPrefixRules([])).toEqual([]);
  });

  it("falls back from an absolute path to basename rules only when asked and allowed", () => {
    const open = policyOf(`prefix_rule(pattern=["git", "status"])`);
    expect(open.matchPrefixRules(["/usr/bin/git", "status"])).toEqual([]);
    expect(open.matchPrefixRules(["/usr/bin/git", "status"], { resolveHostExecutables: true })[0]).toMatchObject({
      matchedPrefix: ["git", "status"],
      resolvedProgram: "/usr/bin/git",
    });
    const pinned = policyOf(`prefix_rule(pattern=["git", "status"])\nhost_executable(name="git", paths=["/usr/bin/git"])`);
    expect(pinned.matchPrefixRules(["/opt/evil/git", "status"], { resolveHostExecutables: true })).toEqual([]);
    expect(pinned.matchPrefixRules(["/usr/bin/git", "status"], { resolveHostExecutables: true })).toHaveLength(1);
    expect(pinned.matchPrefixRules(["git", "status"], { resolveHostExecutables: true })[0]?.resolvedProgram).toBeUndefined();
  });

  it("orders decisions forbidden > prompt > allow", () => {
    expect(stricterDecision("allow", "prompt")).toBe("prompt");
    expect(stricterDecision("forbidden", "prompt")).toBe("forbidden");
    expect(stricterDecision("allow", "allow")).toBe("allow");
    expect(ExecPolicy.empty().rules).toEqual([]);
  });
});
