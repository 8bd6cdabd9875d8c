import { describe, expect, it } from "vitest";
import { parseShellArguments, parseShellCommandArguments } from "../shell-arguments.js";
import { parseExecCommandArguments, parseWriteStdinArguments } from "./arguments.js";

describe("command tool arguments", () => {
  it("parses exec_command with defaults", () => {
    expect(parseExecCommandArguments('{"cmd":"ls","workdir":""}')).toEqual({
      cmd: "ls",
      workdir: undefined,
      shell: undefined,
      login: undefined,
      tty: false,
      yieldTimeMs: undefined,
      maxOutputTokens: undefined,
      sandboxPermissions: "use_default",
      justification: undefined,
      prefixRule: undefined,
    });
    const full = parseExecCommandArguments(
      JSON.stringify({
        cmd: "npm test",
        workdir: "pkg",
        tty: true,
        login: false,
        yield_time_ms: 500,
        max_output_tokens: 100,
        sandbox_permissions: "require_escalated",
        justification: "needs network?",
        prefix_rule: ["npm", "test"],
      }),
    );
    expect(full).toMatchObject({ workdir: "pkg", tty: true, login: false, yieldTimeMs: 500, maxOutputTokens: 100 });
    expect(full.prefixRule).toEqual(["npm", "test"]);
  });

  it("names the tool in exec_command and write_stdin argument errors", () => {
    expect(() => parseExecCommandArguments("{}")).toThrow("failed to parse exec_command arguments: missing field `cmd`");
    expect(() => parseExecCommandArguments('{"cmd":"x","sandbox_permissions":"root"}')).toThrow("unknown variant `root`");
    expect(() => parseWriteStdinArguments('{"chars":"x"}')).toThrow(
      "failed to parse write_stdin arguments: missing field `session_id`",
    );
    expect(parseWriteStdinArguments('{"session_id":12}')).toEqual({
      sessionId: 12,
      chars: "",
      yieldTimeMs: undefined,
      maxOutputTokens: undefined,
    });
  });

  it("parses shell and shell_command", () => {
    expect(parseShellArguments('{"command":["ls","-l"],"timeout_ms":1000}')).toMatchObject({
      command: ["ls", "-l"],
      timeoutMs: 1000,
    });
    expect(() => parseShellArguments('{"command":"ls"}')).toThrow("expected a sequence of strings");
    expect(parseShellCommandArguments('{"command":"ls","login":false}')).toMatchObject({ command: "ls", login: false });
  });
});
