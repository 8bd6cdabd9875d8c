import { describe, expect, it } from "vitest";
import { parseShellScript } from "./parse-shell-script.js";

const argvs = (script: string) => parseShellScript(script)?.commands.map((command) => command.argv);

describe("parseShellScript: commands", () => {
  it.each<[string, string[][]]>([
    ["ls -1", [["ls", "-1"]]],
    ["ls && pwd; echo 'hi there' | wc -l", [["ls"], ["pwd"], ["echo", "hi there"], ["wc", "-l"]]],
    ['echo "hello world"', [["echo", "hello world"]]],
    ['git commit -m "line1\nline2"', [["git", "commit", "-m", "line1\nline2"]]],
    [`echo "/usr"'/'"local"/bin`, [["echo", "/usr/local/bin"]]],
    ["rg -n \"foo\" -g\"*.py\"", [["rg", "-n", "foo", "-g*.py"]]],
    ["echo a\\ b c\\\nd", [["echo", "a b", "cd"]]],
    ["echo $'a\\tb'", [["echo", "a\tb"]]],
    ["ls || (pwd && echo hi)", [["ls"], ["pwd"], ["echo", "hi"]]],
    ["{ ls; pwd; } | wc -l", [["ls"], ["pwd"], ["wc", "-l"]]],
    ["echo 123 456", [["echo", "123", "456"]]],
    ["ls # a comment\npwd", [["ls"], ["pwd"]]],
    ["echo a#b", [["echo", "a#b"]]],
    ["ls\n\n  pwd\n", [["ls"], ["pwd"]]],
    ["cat file | grep -v x |& tee out", [["cat", "file"], ["grep", "-v", "x"], ["tee", "out"]]],
    ["! grep -q x file", [["grep", "-q", "x", "file"]]],
    ["echo $(pwd) `whoami`", [["echo", "$(pwd)", "`whoami`"], ["pwd"], ["whoami"]]],
    ["echo \"$(date +%s) and ${HOME}\"", [["echo", "$(date +%s) and ${HOME}"], ["date", "+%s"]]],
    ["diff <(ls a) <(ls b)", [["diff", "<(ls a)", "<(ls b)"], ["ls", "a"], ["ls", "b"]]],
    ["if test -d x; then rm -rf x; else echo no; fi", [["test", "-d", "x"], ["rm", "-rf", "x"], ["echo", "no"]]],
    ["for f in a b; do cat \"$f\"; done", [["cat", "$f"]]],
    ["while true; do sleep 1; done", [["true"], ["sleep", "1"]]],
    ["case $x in a|b) echo ab;; *) echo other;; esac", [["echo", "ab"], ["echo", "other"]]],
    ["[[ -f x && $y == z ]] && cat x", [["cat", "x"]]],
    ["(( i++ )); echo $i", [["echo", "$i"]]],
    ["FOO=bar BAZ=\"q x\" env", [["env"]]],
    ["arr=(a $(uname) c); echo ${arr[1]}", [["uname"], ["echo", "${arr[1]}"]]],
    ["echo ${x:-$(rm -rf /tmp/x)}", [["echo", "${x:-$(rm -rf /tmp/x)}"], ["rm", "-rf", "/tmp/x"]]],
    [":(){ :|:& };:", [[":"], [":"], [":"]]],
    ["function f { ls; }\nf", [["ls"], ["f"]]],
    ["cat <<EOF\nhello $(whoami)\nEOF\necho done", [["cat"], ["whoami"], ["echo", "done"]]],
    ["cat <<'EOF' | wc -l\n$(not run)\nEOF", [["cat"], ["wc", "-l"]]],
    ["cat <<-EOF\n\tindented\n\tEOF\nls", [["cat"], ["ls"]]],
    ["ls 2>/dev/null >&2 2>&1", [["ls"]]],
    ["", []],
    ["   # only a comment", []],
  ])("%j", (script, expected) => {
    expect(argvs(script)).toEqual(expected);
  });

  it("keeps redirections on the command", () => {
    const parsed = parseShellScript("sort < in.txt > out.txt 2>>err.log");
    expect(parsed?.commands[0]?.redirections.map((r) => [r.fd ?? "", r.operator, r.target.value])).toEqual([
      ["", "<", "in.txt"],
      ["", ">", "out.txt"],
      ["2", ">>", "err.log"],
    ]);
  });

  it("reads here-document bodies", () => {
    const parsed = parseShellScript("python3 <<'PY'\nprint('hi')\nPY");
    const redirection = parsed?.commands[0]?.redirections[0];
    expect(redirection?.heredoc).toMatchObject({ body: "print('hi')\n", quoted: true });
    expect(parsed?.simple).toBe(true);
  });

  it("records function definitions with their bodies", () => {
    const parsed = parseShellScript("bomb(){ bomb | bomb & }; bomb");
    expect(parsed?.functions.map((f) => [f.name, f.commands.map((c) => c.argv[0])])).toEqual([["bomb", ["bomb", "bomb"]]]);
  });
});

describe("parseShellScript: unparseable scripts", () => {
  it.each([
    "ls &&",
    "&& ls",
    "ls ;; pwd",
    "ls | | wc",
    "echo 'unterminated",
    'echo "unterminated',
    "echo $(pwd",
    "echo `pwd",
    "(ls",
    "ls)",
    "if then rm -rf /tmp/example",
    "if true; then; fi",
    "{ ls }",
    "for x in a; do echo; ",
    "case x in a) echo",
    "echo ${x",
    "f() ls",
    "()",
    "$(".repeat(100) + ")".repeat(100),
  ])("%j", (script) => {
    expect(parseShellScript(script)).toBeUndefined();
  });
});

describe("parseShellScript: features and simplicity", () => {
  const featuresOf = (script: string) => {
    const parsed = parseShellScript(script);
    if (parsed === undefined) throw new Error(`unparseable: ${script}`);
    return Object.entries(parsed.features)
      .filter(([, on]) => on)
      .map(([name]) => name)
      .sort();
  };

  it.each<[string, string[]]>([
    ["ls", []],
    ["ls && pwd", ["sequence"]],
    ["ls | wc", ["pipeline"]],
    ["(ls)", ["subshell"]],
    ["{ ls; }", ["group"]],
    ["sleep 1 &", ["background"]],
    ["echo $(pwd)", ["commandSubstitution"]],
    ["diff <(ls) <(ls)", ["processSubstitution"]],
    ["echo $HOME", ["parameterExpansion"]],
    ["echo $((1+2))", ["arithmetic"]],
    ["ls > out.txt", ["fileOutputRedirection"]],
    ["ls > /dev/null 2>&1", []],
    ["ls >& log", ["fileOutputRedirection"]],
    ["wc -l < file", ["inputRedirection"]],
    ["cat <<EOF\nx\nEOF", ["heredoc"]],
    ["if true; then ls; fi", ["controlFlow"]],
    ["f() { ls; }", ["functionDefinition", "group"]],
    ["FOO=1 ls", ["assignment"]],
  ])("%j", (script, expected) => {
    expect(featuresOf(script)).toEqual(expected);
  });

  it.each<[string, boolean]>([
    ["ls && pwd; echo 'hi' | wc -l", true],
    ["(cd src && ls) 2>/dev/null", true],
    ["wc -l < file.txt", true],
    ["ls *.ts ~/x", true],
    ["echo $HOME", false],
    ["ls > out.txt", false],
    ["ls &", false],
    ["FOO=1 ls", false],
    ["for f in a; do ls; done", false],
    ["", false],
  ])("simple(%j) = %s", (script, expected) => {
    expect(parseShellScript(script)?.simple).toBe(expected);
  });
});
