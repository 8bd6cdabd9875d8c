import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { makeCodexEnv, runCodex } from "./run-codex.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

describe("codex command tree", () => {
  it("prints its version", async () => {
    const { env } = await makeCodexEnv();
    const run = await runCodex(["--version"], { env });
    expect(run).toMatchObject({ code: 0, stdout: `codex-cli ${version}\n` });
  });

  it("prints help listing every command", async () => {
    const { env } = await makeCodexEnv();
    const run = await runCodex(["--help"], { env });
    expect(run.code).toBe(0);
    for (const name of ["features", "debug", "exec", "app-server", "sandbox", "-c, --config", "--enable", "--disable"]) {
      expect(run.stdout).toContain(name);
    }
  });

  it.each([["mcp-server"], ["login"]])(
    "`codex %s` is a placeholder that exits 2",
    async (...args) => {
      const { env } = await makeCodexEnv();
      const run = await runCodex(args, { env });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`Error: \`codex ${args[0]}\` is not implemented yet\n`);
    },
  );

  it("rejects an unknown command with a usage error (exit 2) and a suggestion", async () => {
    const { env } = await makeCodexEnv();
    const run = await runCodex(["featurs", "list"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: unknown command 'featurs' (did you mean 'features'?)\n");
  });

  it("asks for quotes when an unquoted prompt has several words", async () => {
    const { env } = await makeCodexEnv();
    const run = await runCodex(["write", "a", "poem"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: unexpected argument 'a'; quote the prompt to pass several words\n");
  });

  it("reports a missing CODEX_HOME in one line, without a stack trace", async () => {
    const { env, root } = await makeCodexEnv();
    const run = await runCodex(["features", "list"], { env: { ...env, CODEX_HOME: `${root}/nope` } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Error: CODEX_HOME points to "${root}/nope", but that path does not exist\n`);
  });
});
