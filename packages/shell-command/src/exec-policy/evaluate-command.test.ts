import { describe, expect, it } from "vitest";
import { isDangerousCommand } from "../safety/dangerous-commands.js";
import { isKnownSafeCommand } from "../safety/safe-commands.js";
import { formatExecPolicyCheck } from "./check-output.js";
import { commandsForPolicy, evaluateCommand } from "./evaluate-command.js";
import { parseExecPolicy } from "./exec-policy-parser.js";

const policy = parseExecPolicy([
  {
    file: "default.rules",
    text: `
prefix_rule(pattern=["git", "status"])
prefix_rule(pattern=["git", "push"], decision="prompt", justification="pushes are reviewed")
prefix_rule(pattern=["rm"], decision="forbidden", justification="use trash instead")
prefix_rule(pattern=["python3"])
prefix_rule(pattern=["ls"])
`,
  },
]);
const sh = (script: string) => ["bash", "-lc", script];

describe("commandsForPolicy", () => {
  it.each<[string[], string[][], boolean]>([
    [["git", "status"], [["git", "status"]], false],
    [sh("git status && ls | wc -l"), [["git", "status"], ["ls"], ["wc", "-l"]], false],
    [sh("(cd x && ls)"), [["cd", "x"], ["ls"]], false],
    [sh("python3 <<'PY'\nprint(1)\nPY"), [["python3"]], false],
    [sh("ls > out.txt; $CMD; rm x"), [["ls"], ["rm", "x"]], true],
    [sh("echo $(git status)"), [["echo", "$(git status)"], ["git", "status"]], true],
    [sh("ls &&"), [sh("ls &&")], false],
    [sh(""), [sh("")], false],
    [["bash", "-lc", "ls", "extra"], [["bash", "-lc", "ls", "extra"]], false],
  ])("%j", (argv, commands, complex) => {
    expect(commandsForPolicy(argv)).toEqual({ commands, complex });
  });
});

describe("evaluateCommand", () => {
  it("decides a single command by its strictest matching rule", () => {
    const evaluation = evaluateCommand(policy, ["git", "push", "origin"]);
    expect(evaluation.decision).toBe("prompt");
    expect(evaluation.matchedRules.map((m) => [m.file, m.line, m.pattern, m.decision, m.justification])).toEqual([
      ["default.rules", 3, ["git", "push"], "prompt", "pushes are reviewed"],
    ]);
  });

  it("returns noMatch when nothing matches, or the fallback's decision", () => {
    expect(evaluateCommand(policy, ["cargo", "build"]).decision).toBe("noMatch");
    expect(evaluateCommand(policy, ["cargo", "build"], { fallback: () => "prompt" }).decision).toBe("prompt");
  });

  it("evaluates every command of a bash -lc script; forbidden wins", () => {
    const evaluation = evaluateCommand(policy, sh("git status && rm -rf build"));
    expect(evaluation.decision).toBe("forbidden");
    expect(evaluation.commands.map((c) => [c.command[0], c.decision])).toEqual([
      ["git", "allow"],
      ["rm", "forbidden"],
    ]);
  });

  it("allows a script only when every command is allowed", () => {
    expect(evaluateCommand(policy, sh("git status; ls")).decision).toBe("allow");
    expect(evaluateCommand(policy, sh("git status; cargo test")).decision).toBe("noMatch");
    const withHeuristics = evaluateCommand(policy, sh("git status; cat x"), {
      fallback: (command) => (isKnownSafeCommand(command) ? "allow" : isDangerousCommand(command) ? "forbidden" : "prompt"),
    });
    expect(withHeuristics.decision).toBe("allow");
  });

  it("never allows a complex script by rules alone, but still applies forbidden and prompt rules", () => {
    expect(evaluateCommand(policy, sh("ls > listing.txt")).decision).toBe("noMatch");
    expect(evaluateCommand(policy, sh("for f in *; do rm $f; done")).decision).toBe("forbidden");
    expect(evaluateCommand(policy, sh("ls > out.txt"), { fallback: () => "allow" }).decision).toBe("allow");
  });

  it("prints upstream's check JSON", () => {
    expect(formatExecPolicyCheck(evaluateCommand(policy, ["git", "push"]))).toBe(
      '{"matchedRules":[{"prefixRuleMatch":{"matchedPrefix":["git","push"],"decision":"prompt","justification":"pushes are reviewed"}}],"decision":"prompt"}',
    );
    expect(formatExecPolicyCheck(evaluateCommand(policy, ["cargo"]))).toBe('{"matchedRules":[]}');
    expect(formatExecPolicyCheck(evaluateCommand(policy, ["ls"]), true)).toBe(
      '{\n  "matchedRules": [\n    {\n      "prefixRuleMatch": {\n        "matchedPrefix": [\n          "ls"\n        ],\n        "decision": "allow"\n      }\n    }\n  ],\n  "decision": "allow"\n}',
    );
  });

  it("reports the resolved program for host-executable matches", () => {
    const json = JSON.parse(formatExecPolicyCheck(evaluateCommand(policy, ["/usr/bin/git", "status"], { resolveHostExecutables: true })));
    expect(json).toEqual({
      matchedRules: [{ prefixRuleMatch: { matchedPrefix: ["git", "status"], decision: "allow", resolvedProgram: "/usr/bin/git" } }],
      decision: "allow",
    });
  });
});
