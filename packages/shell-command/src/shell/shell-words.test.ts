import { describe, expect, it } from "vitest";
import { ShellWordsError, joinShellWords, quoteShellWord, splitShellWords } from "./shell-words.js";

describe("splitShellWords", () => {
  it.each<[string, string[]]>([
    ["git status", ["git", "status"]],
    ["  git   log  -p ", ["git", "log", "-p"]],
    [`echo 'a b' "c d" e\\ f`, ["echo", "a b", "c d", "e f"]],
    [`echo "say \\"hi\\" \\$HOME \\x"`, ["echo", 'say "hi" $HOME \\x']],
    ["echo $HOME; ls | wc", ["echo", "$HOME;", "ls", "|", "wc"]],
    ["a''b \"\"", ["ab", ""]],
    ["ls # comment", ["ls"]],
    ["a#b", ["a#b"]],
    ["", []],
  ])("%j", (line, words) => {
    expect(splitShellWords(line)).toEqual(words);
  });

  it.each(["'open", '"open', "trailing\\"])("rejects %j", (line) => {
    expect(() => splitShellWords(line)).toThrow(ShellWordsError);
  });

  it("round-trips through joinShellWords", () => {
    const words = ["git", "commit", "-m", "it's done", "", "$HOME", "a\nb", "--flag=x"];
    expect(splitShellWords(joinShellWords(words))).toEqual(words);
    expect(quoteShellWord("plain-word_1.txt")).toBe("plain-word_1.txt");
    expect(quoteShellWord("it's")).toBe(`'it'"'"'s'`);
  });
});
