import { describe, expect, it } from "vitest";
import { commandsFromArgv, programName, shellInvocation } from "./shell-wrapper.js";

describe("shellInvocation", () => {
  it.each<[string[], boolean]>([
    [["bash", "-lc", "ls"], true],
    [["bash", "-c", "ls"], true],
    [["sh", "-c", "ls"], true],
    [["zsh", "-lc", "ls"], true],
    [["/bin/bash", "-lc", "ls"], true],
    [["/usr/bin/dash", "-c", "ls"], true],
    [["bash", "-lc", "git", "status"], false],
    [["bash", "-x", "ls"], false],
    [["fish", "-c", "ls"], false],
    [["bash"], false],
  ])("%j → %s", (argv, expected) => {
    expect(shellInvocation(argv) !== undefined).toBe(expected);
  });
});

describe("commandsFromArgv", () => {
  it("returns a plain argv as its only command", () => {
    expect(commandsFromArgv(["git", "status"])).toEqual([["git", "status"]]);
  });

  it("unwraps the commands of a shell script, nested ones included", () => {
    expect(commandsFromArgv(["bash", "-lc", "cd src && ls $(pwd) | wc -l"])).toEqual([["cd", "src"], ["ls", "$(pwd)"], ["pwd"], ["wc", "-l"]]);
    expect(commandsFromArgv(["zsh", "-lc", "echo 'a b'"])).toEqual([["echo", "a b"]]);
  });

  it("returns undefined for an unparseable script", () => {
    expect(commandsFromArgv(["bash", "-lc", "echo 'oops"])).toBeUndefined();
  });

  it("names programs by their last path segment", () => {
    expect(programName("/usr/bin/git")).toBe("git");
    expect(programName("git")).toBe("git");
  });
});
