import { tmpdir } from "node:os";
import { type ManagedProcess, startProcess } from "@codex-ts/process";
import { afterEach, describe, expect, it } from "vitest";
import {
  type Launcher,
  ToolCallError,
  UnifiedExecManager,
  execYieldTimeMs,
  formatUnifiedExecResult,
  sessionToPrune,
  writeStdinYieldTimeMs,
} from "../../src/tool-handlers/index.js";

const cwd = tmpdir();
const started: ManagedProcess[] = [];

/** Starts the process as the turn loop would, minus the sandbox; remembers it for cleanup and inspection. */
const launcher: Launcher = async ({ argv, cwd: dir, tty, env }) => {
  const child = startProcess({ command: argv, cwd: dir, tty, env: { ...env }, stdin: tty ? "pipe" : "ignore" });
  started.push(child);
  return child;
};

let manager = new UnifiedExecManager({ sessionIds: "sequential" });

afterEach(async () => {
  await manager.terminateAll();
  await Promise.all(started.splice(0).map((child) => child.terminate({ graceMs: 100 }).catch(() => {})));
  manager = new UnifiedExecManager({ sessionIds: "sequential" });
});

const bash = (script: string) => ["bash", "-c", script];

describe("exec_command", () => {
  it("returns the output and exit code of a command that finishes within the yield time", async () => {
    const result = await manager.execCommand({ argv: bash("echo hi; exit 3"), cwd, tty: false }, launcher);
    expect(result).toMatchObject({ output: "hi\n", aggregatedOutput: "hi\n", exitCode: 3, sessionId: null, originalTokenCount: 1 });
    expect(result.chunkId).toMatch(/^[0-9a-f]{6}$/);
    expect(manager.sessionIds()).toEqual([]);
  });

  it("applies the unified exec environment", async () => {
    const result = await manager.execCommand({ argv: bash('echo "$NO_COLOR:$PAGER"'), cwd, tty: false }, launcher);
    expect(result.output).toBe("1:cat\n");
  });

  it("keeps a running process as a session that write_stdin talks to", async () => {
    const first = await manager.execCommand(
      { argv: bash("echo ready; read line; echo got:$line"), cwd, tty: true, yieldTimeMs: 300 },
      launcher,
    );
    expect(first.exitCode).toBeNull();
    expect(first.sessionId).toBe(1000);
    expect(manager.has(1000)).toBe(true);

    const second = await manager.writeStdin({ sessionId: 1000, chars: "abc\n", yieldTimeMs: 30_000 });
    expect(second.aggregatedOutput).toContain("got:abc");
    expect(second.exitCode).toBe(0);
    expect(second.sessionId).toBeNull();
    expect(manager.has(1000)).toBe(false);

    await expect(manager.writeStdin({ sessionId: 1000, chars: "" })).rejects.toThrow(
      new ToolCallError("write_stdin failed: Unknown process id 1000"),
    );
  });

  it("returns output the session produced between calls", async () => {
    const seen: string[] = [];
    const first = await manager.execCommand(
      { argv: ["cat"], cwd, tty: true, yieldTimeMs: 250 },
      launcher,
      { onOutput: (text) => seen.push(text) },
    );
    const id = first.sessionId!;
    const echoed = await manager.writeStdin({ sessionId: id, chars: "ping\n", yieldTimeMs: 250 }, {
      onOutput: (text) => seen.push(text),
    });
    // Ctrl-D ends cat; whatever it still printed comes back together with the exit code.
    const last = await manager.writeStdin({ sessionId: id, chars: "\u0004", yieldTimeMs: 30_000 });
    expect(`${echoed.aggregatedOutput}${last.aggregatedOutput}`).toContain("ping");
    expect(seen.join("")).toBe(first.aggregatedOutput + echoed.aggregatedOutput);
    expect(last.exitCode).toBe(0);
    expect(last.sessionId).toBeNull();
  });

  it("refuses to write to a session without a terminal", async () => {
    const first = await manager.execCommand({ argv: ["tail", "-f", "/dev/null"], cwd, tty: false, yieldTimeMs: 250 }, launcher);
    expect(first.sessionId).not.toBeNull();
    await expect(manager.writeStdin({ sessionId: first.sessionId!, chars: "x" })).rejects.toThrow(
      "write_stdin failed: stdin is closed for this session; rerun exec_command with tty=true to keep stdin open",
    );
  });

  it("cuts long output to max_output_tokens, head and tail", async () => {
    const result = await manager.execCommand({ argv: ["seq", "1", "3000"], cwd, tty: false, maxOutputTokens: 50 }, launcher);
    expect(result.aggregatedOutput.split("\n")).toHaveLength(3001);
    expect(result.originalTokenCount).toBe(Math.ceil(result.aggregatedOutput.length / 4));
    expect(result.output).toMatch(
      new RegExp(
        `^Warning: truncated output \\(original token count: ${result.originalTokenCount}\\)\\nTotal output lines: 3000\\n\\n1\\n2\\n3\\n.*…\\d+ tokens truncated….*2999\\n3000\\n$`,
        "s",
      ),
    );
  });

  it("terminates the process when aborted during the first wait", async () => {
    const controller = new AbortController();
    const attempt = manager.execCommand(
      { argv: bash("echo started; exec tail -f /dev/null"), cwd, tty: false, yieldTimeMs: 30_000 },
      launcher,
      { signal: controller.signal, onOutput: () => controller.abort(new Error("turn interrupted")) },
    );
    await expect(attempt).rejects.toThrow("turn interrupted");
    expect(manager.sessionIds()).toEqual([]);
    const result = await started[0]!.exited;
    expect(result.terminated).toBe(true);
  });

  it("stops a write_stdin wait on abort but keeps the session", async () => {
    const first = await manager.execCommand({ argv: ["cat"], cwd, tty: true, yieldTimeMs: 250 }, launcher);
    const controller = new AbortController();
    const poll = manager.writeStdin({ sessionId: first.sessionId!, chars: "", yieldTimeMs: 60_000 }, { signal: controller.signal });
    controller.abort();
    const result = await poll;
    expect(result.sessionId).toBe(first.sessionId);
    expect(manager.has(first.sessionId!)).toBe(true);
  });

  it("reports a process that cannot start", async () => {
    await expect(manager.execCommand({ argv: ["/nonexistent/program"], cwd, tty: false }, launcher)).rejects.toThrow(
      /^exec_command failed: Failed to create unified exec process: /,
    );
    await expect(manager.execCommand({ argv: [], cwd, tty: false }, launcher)).rejects.toThrow(
      "exec_command failed: missing command line for unified exec request",
    );
  });

  it("prunes the least recently used session beyond the limit", async () => {
    const warnings: string[] = [];
    manager = new UnifiedExecManager({
      sessionIds: "sequential",
      maxSessions: 2,
      protectedSessions: 1,
      onWarning: (message) => warnings.push(message),
    });
    const open = () => manager.execCommand({ argv: ["tail", "-f", "/dev/null"], cwd, tty: false, yieldTimeMs: 250 }, launcher);
    const a = (await open()).sessionId!;
    const b = (await open()).sessionId!;
    const c = (await open()).sessionId!;
    expect([a, b, c]).toEqual([1000, 1001, 1002]);
    expect(manager.sessionIds().sort()).toEqual([b, c]);
    const pruned = await started[0]!.exited;
    expect(pruned.terminated).toBe(true);
    expect(warnings).toHaveLength(2); // at the limit after the second and the third session
    expect(warnings[0]).toContain("2 exec sessions are open; at most 2 are kept");
  });
});

describe("yield times", () => {
  it("defaults and clamps exec_command's wait", () => {
    expect(execYieldTimeMs(undefined)).toBe(10_000);
    expect(execYieldTimeMs(10)).toBe(250);
    expect(execYieldTimeMs(120_000)).toBe(30_000);
  });

  it("treats polls and writes differently", () => {
    expect(writeStdinYieldTimeMs(undefined, false)).toBe(250);
    expect(writeStdinYieldTimeMs(100_000, false)).toBe(30_000);
    expect(writeStdinYieldTimeMs(undefined, true)).toBe(5_000);
    expect(writeStdinYieldTimeMs(100_000, true)).toBe(100_000);
    expect(writeStdinYieldTimeMs(900_000, true)).toBe(300_000);
    expect(writeStdinYieldTimeMs(900_000, true, 1_000)).toBe(5_000);
  });
});

describe("sessionToPrune", () => {
  const s = (lastUsed: number, hasExited = false) => ({ lastUsed, hasExited });

  it("prefers the oldest exited session outside the protected recent ones", () => {
    const sessions = [s(1), s(2, true), s(3), s(4, true)];
    expect(sessionToPrune(sessions, 1)).toBe(sessions[1]);
    expect(sessionToPrune(sessions, 3)).toBe(sessions[0]);
    expect(sessionToPrune(sessions, 4)).toBeUndefined();
    expect(sessionToPrune([s(5), s(1), s(3)], 0)).toEqual(s(1));
  });
});

describe("formatUnifiedExecResult", () => {
  const base = { chunkId: "a1b2c3", wallTimeMs: 1234.56, output: "out\n", aggregatedOutput: "out\n", originalTokenCount: 1 };

  it("renders a finished command", () => {
    expect(formatUnifiedExecResult({ ...base, exitCode: 0, sessionId: null })).toBe(
      "Chunk ID: a1b2c3\nWall time: 1.2346 seconds\nProcess exited with code 0\nOriginal token count: 1\nOutput:\nout\n",
    );
  });

  it("renders a running session", () => {
    expect(formatUnifiedExecResult({ ...base, exitCode: null, sessionId: 4242 })).toBe(
      "Chunk ID: a1b2c3\nWall time: 1.2346 seconds\nProcess running with session ID 4242\nOriginal token count: 1\nOutput:\nout\n",
    );
  });
});
