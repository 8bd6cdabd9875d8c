import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CommandExecParams } from "@codex-ts/app-server-protocol";
import { checkSandboxAvailable } from "@codex-ts/sandboxing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCommandExecHandlers } from "./command-exec.js";
import { TestConnection, testContext } from "./test-context.js";

let root: string;
let connection: TestConnection;
let context: ReturnType<typeof testContext>;
let handlers: ReturnType<typeof createCommandExecHandlers>;
const full = { type: "dangerFullAccess" } as const;

const sandboxAvailable = ((): boolean => {
  try {
    checkSandboxAvailable();
    return true;
  } catch {
    return false;
  }
})();

beforeEach(async () => {
  root = await realpath(await mkdtemp(path.join(os.tmpdir(), "command-exec-")));
  await mkdir(path.join(root, "home"));
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: root, CODEX_SYSTEM_CONFIG_DIR: path.join(root, "etc") };
  handlers = createCommandExecHandlers({ codexHome: path.join(root, "home"), configOverrides: [], env });
  connection = new TestConnection();
  context = testContext(connection, { codexHome: path.join(root, "home"), env });
});

afterEach(async () => {
  await connection.close();
  await rm(root, { recursive: true, force: true });
});

/** False once a process is gone or only a zombie waiting for its (re)parent to reap it. */
function isAlive(pid: number): boolean {
  if (process.platform === "linux") {
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function exec(params: CommandExecParams) {
  return handlers["command/exec"]!(params, context);
}

/** Bytes streamed so far for one process and stream. */
function streamed(processId: string, stream: "stdout" | "stderr" = "stdout"): Buffer {
  return Buffer.concat(
    connection
      .received("command/exec/outputDelta")
      .filter((delta) => delta.processId === processId && delta.stream === stream)
      .map((delta) => Buffer.from(delta.deltaBase64, "base64")),
  );
}

function waitForOutput(processId: string, pattern: RegExp): Promise<unknown> {
  return connection.waitFor("command/exec/outputDelta", () => pattern.test(streamed(processId).toString("utf8")));
}

describe("command/exec with captured output", () => {
  it("returns stdout, stderr and the exit code; applies env and cwd", async () => {
    const result = await exec({
      command: ["sh", "-c", 'printf "%s|%s|" "$GREETING" "$HOME"; pwd; echo oops >&2; exit 3'],
      cwd: root,
      env: { GREETING: "hello", HOME: null },
      sandboxPolicy: full,
    });
    expect(result).toEqual({ exitCode: 3, stdout: `hello||${root}\n`, stderr: "oops\n" });
  });

  it("caps each stream, by default at 1 MiB, and can run uncapped", async () => {
    const capped = await exec({ command: ["sh", "-c", "head -c 100 /dev/zero | tr '\\0' x"], outputBytesCap: 10, sandboxPolicy: full });
    expect(capped.stdout).toBe("x".repeat(10));
    const big = "head -c 1500000 /dev/zero | tr '\\0' y";
    expect((await exec({ command: ["sh", "-c", big], sandboxPolicy: full })).stdout.length).toBe(1024 * 1024);
    expect((await exec({ command: ["sh", "-c", big], disableOutputCap: true, sandboxPolicy: full })).stdout.length).toBe(1_500_000);
  });

  it("kills a command at its timeout and reports exit code 124", async () => {
    const result = await exec({ command: ["sleep", "30"], timeoutMs: 200, sandboxPolicy: full });
    expect(result.exitCode).toBe(124);
  });

  it("reports death by signal as 128 + the signal number", async () => {
    expect((await exec({ command: ["sh", "-c", "kill -9 $$"], sandboxPolicy: full })).exitCode).toBe(137);
  });

  it.skipIf(!sandboxAvailable)("runs under the configured read-only sandbox by default", async () => {
    const target = path.join(root, "blocked");
    const result = await exec({ command: ["sh", "-c", `touch ${target}; echo $?`] });
    expect(result.stdout).toBe("1\n");
    expect(result.stderr).toMatch(/Read-only file system/);
  });

  it.skipIf(!sandboxAvailable)("honours a workspace-write policy's writable roots", async () => {
    const allowed = path.join(root, "allowed");
    await mkdir(allowed);
    const result = await exec({
      command: ["sh", "-c", `touch ${allowed}/ok; echo $?; touch ${root}/denied; echo $?`],
      sandboxPolicy: { type: "workspaceWrite", writableRoots: [allowed], excludeSlashTmp: true, excludeTmpdirEnvVar: true },
    });
    expect(result.stdout).toBe("0\n1\n");
    await readFile(path.join(allowed, "ok"));
  });
});

describe("command/exec streaming", () => {
  it("streams binary output as base64 deltas and answers after the last one", async () => {
    const result = await exec({
      command: ["sh", "-c", "printf '\\377\\000\\001'; printf 'err' >&2"],
      processId: "bin",
      streamStdoutStderr: true,
      sandboxPolicy: full,
    });
    expect(result).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(streamed("bin")).toEqual(Buffer.from([0xff, 0, 1]));
    expect(streamed("bin", "stderr").toString()).toBe("err");
  });

  it("marks the chunk that reaches the cap and drops the rest", async () => {
    await exec({
      command: ["sh", "-c", "head -c 5000 /dev/zero"],
      processId: "cap",
      streamStdoutStderr: true,
      outputBytesCap: 100,
      sandboxPolicy: full,
    });
    const deltas = connection.received("command/exec/outputDelta").filter((delta) => delta.processId === "cap");
    expect(streamed("cap").length).toBe(100);
    expect(deltas.at(-1)?.capReached).toBe(true);
    expect(deltas.slice(0, -1).every((delta) => !delta.capReached)).toBe(true);
  });

  it("feeds stdin through command/exec/write and closes it", async () => {
    const running = exec({ command: ["cat"], processId: "cat", streamStdin: true, streamStdoutStderr: true, sandboxPolicy: full });
    const payload = Buffer.from([0x68, 0x69, 0x00, 0xff, 0x0a]);
    await handlers["command/exec/write"]!({ processId: "cat", deltaBase64: payload.toString("base64") }, context);
    await handlers["command/exec/write"]!({ processId: "cat", closeStdin: true }, context);
    expect((await running).exitCode).toBe(0);
    expect(streamed("cat")).toEqual(payload);
  });

  it("runs under a PTY with an initial size and follows resizes", async () => {
    const running = exec({
      command: ["sh", "-c", "stty size; read line; stty size"],
      processId: "pty",
      tty: true,
      size: { rows: 30, cols: 100 },
      sandboxPolicy: full,
    });
    await waitForOutput("pty", /30 100/);
    await handlers["command/exec/resize"]!({ processId: "pty", size: { rows: 40, cols: 120 } }, context);
    await handlers["command/exec/write"]!({ processId: "pty", deltaBase64: Buffer.from("\n").toString("base64") }, context);
    expect((await running).exitCode).toBe(0);
    expect(streamed("pty").toString()).toMatch(/30 100[\s\S]*40 120/);
    expect(connection.received("command/exec/outputDelta").every((delta) => delta.stream === "stdout")).toBe(true);
  });

  it("terminates the whole process tree", async () => {
    const running = exec({
      command: ["sh", "-c", "sleep 1000 & echo child=$!; wait"],
      processId: "tree",
      streamStdoutStderr: true,
      disableTimeout: true,
      sandboxPolicy: full,
    });
    await waitForOutput("tree", /child=\d+/);
    const pid = Number(/child=(\d+)/.exec(streamed("tree").toString())![1]);
    await handlers["command/exec/terminate"]!({ processId: "tree" }, context);
    const result = await running;
    expect(result.exitCode).not.toBe(0);
    expect(isAlive(pid)).toBe(false);
  });

  it("kills the connection's commands when it closes", async () => {
    const running = exec({ command: ["sleep", "1000"], processId: "orphan", streamStdin: true, disableTimeout: true, sandboxPolicy: full });
    await new Promise<void>((resolve) => setImmediate(resolve));
    await connection.close();
    expect((await running).exitCode).not.toBe(0);
  });
});

describe("command/exec errors", () => {
  async function failure(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
    return promise.then(
      () => {
        throw new Error("expected an error");
      },
      (error: { code: number; message: string }) => ({ code: error.code, message: error.message }),
    );
  }

  it("rejects invalid parameter combinations with upstream's messages", async () => {
    expect(await failure(exec({ command: [] }))).toEqual({ code: -32600, message: "command must not be empty" });
    expect(await failure(exec({ command: ["true"], size: { rows: 1, cols: 1 } }))).toEqual({
      code: -32602,
      message: "command/exec size requires tty: true",
    });
    expect(await failure(exec({ command: ["true"], outputBytesCap: 1, disableOutputCap: true }))).toEqual({
      code: -32602,
      message: "command/exec cannot set both outputBytesCap and disableOutputCap",
    });
    expect(await failure(exec({ command: ["true"], timeoutMs: 1, disableTimeout: true }))).toEqual({
      code: -32602,
      message: "command/exec cannot set both timeoutMs and disableTimeout",
    });
    expect(await failure(exec({ command: ["true"], timeoutMs: -1 }))).toEqual({
      code: -32602,
      message: "command/exec timeoutMs must be non-negative, got -1",
    });
    expect(await failure(exec({ command: ["cat"], streamStdoutStderr: true, sandboxPolicy: full }))).toEqual({
      code: -32600,
      message: "command/exec tty or streaming requires a client-supplied processId",
    });
    expect(await failure(exec({ command: ["sh"], tty: true, processId: "z", size: { rows: 0, cols: 5 }, sandboxPolicy: full }))).toEqual({
      code: -32602,
      message: "command/exec size rows and cols must be greater than 0",
    });
    expect(await failure(exec({ command: ["definitely-not-a-program-xyz"], sandboxPolicy: full }))).toEqual({
      code: -32603,
      message: "failed to spawn command: No such file or directory (os error 2)",
    });
  });

  it("rejects duplicate process ids and follow-ups for unknown or unsuitable processes", async () => {
    const running = exec({ command: ["sleep", "1000"], processId: "dup", disableTimeout: true, sandboxPolicy: full });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(await failure(exec({ command: ["true"], processId: "dup", sandboxPolicy: full }))).toEqual({
      code: -32600,
      message: 'duplicate active command/exec process id: "dup"',
    });
    expect(await failure(handlers["command/exec/write"]!({ processId: "dup", deltaBase64: "aGk=" }, context))).toEqual({
      code: -32600,
      message: "stdin streaming is not enabled for this command/exec",
    });
    expect((await failure(handlers["command/exec/resize"]!({ processId: "dup", size: { rows: 5, cols: 5 } }, context))).message).toMatch(
      /^failed to resize PTY: /,
    );
    expect(await failure(handlers["command/exec/write"]!({ processId: "dup" }, context))).toEqual({
      code: -32602,
      message: "command/exec/write requires deltaBase64 or closeStdin",
    });
    expect(await failure(handlers["command/exec/write"]!({ processId: "dup", deltaBase64: "a" }, context))).toEqual({
      code: -32602,
      message: "invalid deltaBase64: Invalid input length: 1",
    });
    expect(await failure(handlers["command/exec/terminate"]!({ processId: "other" }, context))).toEqual({
      code: -32600,
      message: 'no active command/exec for process id "other"',
    });
    await handlers["command/exec/terminate"]!({ processId: "dup" }, context);
    await running;
    // The id is free again once the command has ended.
    expect(await exec({ command: ["true"], processId: "dup", sandboxPolicy: full })).toEqual({ exitCode: 0, stdout: "", stderr: "" });
  });

  it("refuses permission profiles, which this server does not implement", async () => {
    await writeFile(path.join(root, "home", "config.toml"), "");
    expect((await failure(exec({ command: ["true"], permissionProfile: ":workspace" }))).message).toMatch(/^invalid permission profile: /);
  });
});
