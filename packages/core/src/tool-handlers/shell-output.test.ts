import { bytesPolicy } from "@codex-ts/utils-string";
import { describe, expect, it } from "vitest";
import { formatDurationSeconds, formatShellOutput, formatShellOutputJson, shellCommandArgv } from "./shell-output.js";

describe("formatShellOutput", () => {
  it("reports exit code, wall time and output", () => {
    expect(formatShellOutput({ exitCode: 0, durationMs: 1234, output: "hi\n", timedOut: false })).toBe(
      "Exit code: 0\nWall time: 1.2 seconds\nOutput:\nhi\n",
    );
    expect(formatDurationSeconds(3000)).toBe("3");
    expect(formatDurationSeconds(40)).toBe("0");
    expect(formatDurationSeconds(50)).toBe("0.1");
  });

  it("notes a timeout before the output", () => {
    expect(formatShellOutput({ exitCode: 124, durationMs: 10_000, output: "partial", timedOut: true })).toBe(
      "Exit code: 124\nWall time: 10 seconds\nOutput:\ncommand timed out after 10000 milliseconds\npartial",
    );
  });

  it("cuts the middle of long output and gives the original line count", () => {
    const output = Array.from({ length: 50 }, (_, i) => `row ${i}`).join("\n");
    const text = formatShellOutput({ exitCode: 1, durationMs: 0, output, timedOut: false, truncation: bytesPolicy(20) });
    const lines = text.split("\n");
    expect(lines.slice(0, 4)).toEqual(["Exit code: 1", "Wall time: 0 seconds", "Total output lines: 50", "Output:"]);
    expect(text.endsWith("Output:\nrow 0\nrow …319 chars truncated… 48\nrow 49")).toBe(true);
  });

  it("has a structured form", () => {
    expect(JSON.parse(formatShellOutputJson({ exitCode: 2, durationMs: 1560, output: "x", timedOut: false }))).toEqual({
      output: "x",
      metadata: { exit_code: 2, duration_seconds: 1.6 },
    });
  });
});

describe("shellCommandArgv", () => {
  it("builds login and non-login invocations for POSIX shells", () => {
    expect(shellCommandArgv({ command: "ls", shell: "/bin/zsh" })).toEqual(["/bin/zsh", "-lc", "ls"]);
    expect(shellCommandArgv({ command: "ls", shell: "/bin/bash", login: false })).toEqual(["/bin/bash", "-c", "ls"]);
  });

  it("uses $SHELL, else bash", () => {
    const saved = process.env["SHELL"];
    try {
      process.env["SHELL"] = "/usr/bin/fish";
      expect(shellCommandArgv({ command: "x" })[0]).toBe("/usr/bin/fish");
      delete process.env["SHELL"];
      expect(shellCommandArgv({ command: "x" })).toEqual(["/bin/bash", "-lc", "x"]);
    } finally {
      if (saved === undefined) delete process.env["SHELL"];
      else process.env["SHELL"] = saved;
    }
  });

  it("knows PowerShell and cmd", () => {
    expect(shellCommandArgv({ command: "dir", shell: "pwsh", login: false })).toEqual(["pwsh", "-NoProfile", "-Command", "dir"]);
    expect(shellCommandArgv({ command: "dir", shell: "C:\\Windows\\cmd.exe" })).toEqual(["C:\\Windows\\cmd.exe", "/c", "dir"]);
  });
});
