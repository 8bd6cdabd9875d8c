import { describe, expect, it } from "vitest";
import { ExecPolicyError } from "./exec-policy-error.js";
import { parseExecPolicy } from "./exec-policy-parser.js";

const parse = (text: string, file = "test.rules") => parseExecPolicy([{ file, text }], { homeDir: "/home/me" });

function parseFailure(text: string): ExecPolicyError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ExecPolicyError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe("rules syntax", () => {
  it("parses keyword and positional arguments, comments, trailing commas and both quote styles", () => {
    const policy = parse(`
# git rules
prefix_rule(
    pattern = ["git", ["push", "fetch"]],  # alternatives
    decision = "prompt",
    justification = 'talks to the network',
)
prefix_rule(['npm', "ci"], "allow"); prefix_rule(pattern=["rm"], decision="forbidden",)
prefix_rule(pattern=[r"C:\\tools"], decision=None)
prefix_rule(pattern=["echo", """multi
line"""])
`);
    expect(policy.rules.map((rule) => [rule.program, rule.rest, rule.decision, rule.justification, rule.line])).toEqual([
      ["git", [["push", "fetch"]], "prompt", "talks to the network", 3],
      ["npm", [["ci"]], "allow", undefined, 8],
      ["rm", [], "forbidden", undefined, 8],
      ["C:\\tools", [], "allow", undefined, 9],
      ["echo", [["multi\nline"]], "allow", undefined, 10],
    ]);
    expect(policy.rules[2]?.column).toBe(38);
  });

  it("expands alternatives in the first position into one rule per program", () => {
    const policy = parse(`prefix_rule(pattern=[["bash", "sh"], ["-c", "-l"]])`);
    expect(policy.rules.map((rule) => [rule.program, rule.rest])).toEqual([
      ["bash", [["-c", "-l"]]],
      ["sh", [["-c", "-l"]]],
    ]);
  });

  it("decodes string escapes", () => {
    const policy = parse(`prefix_rule(pattern=["a\\tb", "\\x41\\u00e9\\101", 'it\\'s'])`);
    expect(policy.rules[0]?.rest).toEqual([["A\u00e9A"], ["it's"]]);
    expect(policy.rules[0]?.program).toBe("a\tb");
  });

  it("accepts host_executable and network_rule", () => {
    const policy = parse(`
host_executable(name="git", paths=["/usr/bin/git", "~/bin/git", "/usr/bin/git"])
network_rule(host="API.GitHub.com:443", protocol="https", decision="deny", justification="no")
`);
    expect(policy.hostExecutables[0]?.paths).toEqual(["/usr/bin/git", "/home/me/bin/git"]);
    expect(policy.networkRules[0]).toMatchObject({ host: "api.github.com", protocol: "https", decision: "forbidden" });
  });

  it.each<[string, string]>([
    [`prefix_rule(pattern=["ls"]`, "test.rules:1:27: expected `)` to close the call to prefix_rule() but found end of line"],
    [`prefix_rule(pattern=["ls"]) prefix_rule(pattern=["cat"])`, "test.rules:1:29: expected the end of the statement but found `prefix_rule`"],
    [`allow_rule(pattern=["ls"])`, "test.rules:1:1: unknown function `allow_rule`; rules files may only call prefix_rule(), host_executable() and network_rule()"],
    [`prefix_rule(pattern=["ls"], color="red")`, "test.rules:1:29: prefix_rule() got an unexpected keyword argument `color` (expected one of pattern, decision, match, not_match, justification)"],
    [`prefix_rule(pattern=["ls"], decision="deny")`, 'test.rules:1:38: decision must be "allow", "prompt" or "forbidden" (got "deny")'],
    [`prefix_rule(decision="allow")`, "test.rules:1:1: prefix_rule() is missing the required argument `pattern`"],
    [`prefix_rule(pattern=[])`, "test.rules:1:21: pattern cannot be empty"],
    [`prefix_rule(pattern=["git", []])`, "test.rules:1:29: pattern alternatives cannot be empty"],
    [`prefix_rule(pattern=["git", 1])`, "test.rules:1:29: pattern elements must be strings or lists of strings (got int)"],
    [`prefix_rule(pattern="git")`, "test.rules:1:21: pattern must be a list (got string)"],
    [`prefix_rule(pattern=["ls"], justification="  ")`, "test.rules:1:43: justification cannot be empty; remove it or explain why the rule exists"],
    [`prefix_rule(pattern=["ls"], pattern=["cat"])`, "test.rules:1:29: prefix_rule() got multiple values for argument `pattern`"],
    [`prefix_rule(["ls"], "allow", [], [], "x", "extra")`, "test.rules:1:43: prefix_rule() takes at most 5 arguments"],
    [`prefix_rule(pattern=["ls"], "allow")`, "test.rules:1:29: positional argument follows keyword argument"],
    [`x = ["ls"]`, "test.rules:1:3: assignments are not supported in rules files; write prefix_rule(...) calls only"],
    [`prefix_rule(pattern=PATTERN)`, "test.rules:1:21: unknown name `PATTERN`; rules files support only literal strings, lists, numbers, True, False and None"],
    [`prefix_rule(pattern=["a" + "b"])`, "test.rules:1:26: operators such as `+` are not supported in rules files"],
    [`prefix_rule(pattern=["a" "b"])`, "test.rules:1:26: expected `,` between values but found a string"],
    [`prefix_rule(pattern=["unterminated])`, "test.rules:1:22: unterminated string literal"],
    [`prefix_rule(pattern=["bad\\q"])`, "test.rules:1:26: invalid escape sequence \\q"],
    [`prefix_rule(pattern=[list("ab")])`, "test.rules:1:22: function calls such as `list(...)` cannot be used as values"],
    [`\n\n  prefix_rule(pattern=["ls"], match=["cat x"])`, "test.rules:3:38: match example `cat x` does not match the pattern of this prefix_rule"],
    [`prefix_rule(pattern=["git", "push"], not_match=[["git", "push", "-f"]])`, "test.rules:1:49: not_match example `git push -f` matches this prefix_rule (matched prefix `git push`)"],
    [`prefix_rule(pattern=["ls"], match=["'oops"])`, 'test.rules:1:36: match example "\'oops" is not a valid command line (unterminated single quote)'],
    [`prefix_rule(pattern=["ls"], match=[""])`, "test.rules:1:36: match examples cannot be empty"],
    [`prefix_rule(pattern=["ls"], match=[True])`, "test.rules:1:36: match examples must be strings or lists of strings (got bool)"],
    [`host_executable(name="git", paths=["git"])`, 'test.rules:1:36: host_executable paths must be absolute or start with ~/ (got "git")'],
    [`host_executable(name="git", paths=["/usr/bin/hg"])`, 'test.rules:1:36: host_executable path "/usr/bin/hg" must end in /git'],
    [`host_executable(name="/usr/bin/git", paths=[])`, 'test.rules:1:22: host_executable name must be a bare program name such as "git" (got "/usr/bin/git")'],
    [`network_rule(host="*.example.com", protocol="https", decision="allow")`, "test.rules:1:19: network_rule host must be a specific host; wildcards are not allowed"],
    [`network_rule(host="example.com", protocol="ftp", decision="allow")`, "test.rules:1:43: protocol must be one of http, https, socks5_tcp, socks5_udp"],
    [`prefix_rule(pattern=["ls"]) @`, 'test.rules:1:29: unexpected character "@"'],
  ])("rejects %j", (text, message) => {
    const error = parseFailure(text);
    expect(error.message).toBe(message);
    expect(error.code).toBe("EXEC_POLICY_PARSE");
    expect(error).toMatchObject({ file: "test.rules" });
  });

  it("accepts examples that match and not_match examples that do not", () => {
    const policy = parse(`
prefix_rule(
    pattern = ["git", "status"],
    match = [["git", "status"], "git status --short"],
    not_match = [["git", "--config", "color.status=always", "status"], "git stat"],
)
host_executable(name = "git", paths = ["/usr/bin/git"])
prefix_rule(pattern=["git", "log"], match=["/usr/bin/git log"], not_match=["/opt/git log"])
`);
    expect(policy.rules).toHaveLength(2);
  });

  it("checks examples only against the rules of their own call", () => {
    const error = parseFailure(`
prefix_rule(pattern=["git"], decision="prompt")
prefix_rule(pattern=["git", "push"], match=["git pull"])
`);
    expect(error.line).toBe(3);
  });
});
