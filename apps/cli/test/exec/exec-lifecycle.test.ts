// Interrupting, resuming and crashing `codex exec`: processes left behind, history kept in the rollout and
// sent again on resume.
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { functionCall, message, stall, turn, waitFor } from "@codex-ts/test-support";
import { afterAll, describe, expect, it } from "vitest";
import { collectExit } from "../run-codex.js";
import {
  cleanupHarnesses,
  type ExecHarness,
  execHarness,
  expectCode,
  gitInit,
  inputOf,
  jsonEvents,
  messageTexts,
  processAlive,
  rolloutFiles,
  toolOutput,

} from "./exec-harness.js";

const leftovers: number[] = [];
afterAll(async () => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await cleanupHarnesses();
});

/** Pids whose command line contains `marker` (works for processes inside a sandbox's pid namespace too). */
function pidsWithMarker(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
      if (cmdline.includes(marker) && processAlive(Number(entry))) found.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/** A `sleep` argument no other process uses, so leftovers can be found by command line. */
const uniqueSleep = () => `10${Math.floor(Math.random() * 1e6)}`;

function stdoutLines(child: ChildProcess): { text: () => string } {
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  return { text: () => text };
}

describe.concurrent("interrupt", { timeout: 40_000 }, () => {
  it("SIGINT during a long command kills the process tree and exits non-zero", async () => {
    const h = await execHarness();
    const seconds = uniqueSleep();
    const pidFile = path.join(h.workspace, "pidfile");
    h.server.enqueue(
      turn([functionCall("exec_command", { cmd: `bash -c 'echo $$ > ${pidFile}; exec sleep ${seconds}'`, yield_time_ms: 30_000 }, "call_long")]),
    );

    const child = h.spawn(["exec", "--json", "--yolo", "wait forever"]);
    const exited = collectExit(child, "codex exec (interrupted)");
    const pid = await waitFor(
      async () => {
        const text = (await readFile(pidFile, "utf8")).trim();
        return text === "" ? undefined : Number(text);
      },
      { deadlineMs: 10_000, description: "the command wrote its pid" },
    );
    leftovers.push(pid);
    expect(processAlive(pid)).toBe(true);

    child.kill("SIGINT");
    const run = await exited;

    expectCode(run, 130);
    await waitFor(() => !processAlive(pid), { deadlineMs: 2000, description: `process ${pid} is gone` });
    expect(pidsWithMarker(`sleep ${seconds}`)).toEqual([]);
    const events = jsonEvents(run.stdout);
    expect(events[0]?.type).toBe("thread.started");
    expect(events.some((event) => event.type === "turn.completed")).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: "turn.failed", error: { message: expect.stringMatching(/interrupt/) } });

    // The next turn answers the interrupted call, so the model never sees a call without its output.
    h.server.enqueue(turn([message("after the interrupt")]));
    const resumed = await h.run(["exec", "--json", "resume", String(events[0]?.["thread_id"]), "again"]);
    expectCode(resumed, 0);
    const request = h.server.responsesRequests[1];
    expect(inputOf(request).filter((item) => item.type === "function_call").map((item) => item.call_id)).toEqual(["call_long"]);
    expect(toolOutput(request, "call_long").length).toBeGreaterThan(0);
    expect(messageTexts(request, "user").at(-1)).toBe("again");
  });

  it.each([
    ["SIGTERM", 143, "--full-auto"],
    ["SIGTERM", 143, "--yolo"],
    ["SIGHUP", 129, "--yolo"],
  ] as const)("%s interrupts like Ctrl-C: the command is killed and the exit code is %i (%s)", async (signal, code, mode) => {
    const h = await execHarness();
    const seconds = uniqueSleep();
    const started = path.join(h.workspace, "started");
    h.server.enqueue(
      turn([functionCall("exec_command", { cmd: `touch ${started}; exec sleep ${seconds}`, yield_time_ms: 30_000 }, "call_term")]),
    );
    const child = h.spawn(["exec", "--json", mode, "wait"]);
    const exited = collectExit(child, `codex exec (${signal})`);
    await waitFor(() => readFile(started).then(() => true), { deadlineMs: 10_000, description: "the command started" });
    leftovers.push(...pidsWithMarker(`sleep ${seconds}`));

    child.kill(signal);
    const run = await exited;

    expectCode(run, code);
    await waitFor(() => pidsWithMarker(`sleep ${seconds}`).length === 0, { deadlineMs: 2000, description: "the command is gone" });
    expect(jsonEvents(run.stdout).at(-1)).toMatchObject({ type: "turn.failed" });
  });

  it("SIGINT kills a sandboxed command and one left running in the background", async () => {
    const h = await execHarness();
    const foreground = uniqueSleep();
    const background = uniqueSleep();
    const stalled = stall(turn([message("never finished")]), 1);
    h.server.enqueue(
      turn([functionCall("exec_command", { cmd: `exec sleep ${background}`, yield_time_ms: 200 }, "call_bg")]),
      stalled,
    );

    const child = h.spawn(["exec", "--json", "--full-auto", "wait"]);
    const exited = collectExit(child, "codex exec (interrupted in the background)");
    await stalled.stalled;
    // The first command is still running as a session when the model is asked again.
    expect(toolOutput(h.server.responsesRequests[1], "call_bg")).toMatch(/session ID/i);
    expect(pidsWithMarker(`sleep ${background}`).length).toBeGreaterThan(0);
    leftovers.push(...pidsWithMarker(`sleep ${background}`));

    child.kill("SIGINT");
    const run = await exited;

    expect(run.code).not.toBe(0);
    await waitFor(() => pidsWithMarker(`sleep ${background}`).length === 0, {
      deadlineMs: 2000,
      description: "the background command is gone",
    });
    expect(pidsWithMarker(`sleep ${foreground}`)).toEqual([]);
  });
});

describe.concurrent("interrupt while streaming", { timeout: 40_000 }, () => {
  it("SIGINT while the model is streaming ends the turn, drops the stream and exits 130", async () => {
    const h = await execHarness();
    const stalled = stall(turn([message("a message that never ends")]), 3);
    h.server.enqueue(stalled);

    const child = h.spawn(["exec", "--json", "wait"]);
    const exited = collectExit(child, "codex exec (interrupted while streaming)");
    await stalled.stalled;
    child.kill("SIGINT");
    const run = await exited;

    expectCode(run, 130);
    await stalled.disconnected;
    expect(jsonEvents(run.stdout).at(-1)).toMatchObject({ type: "turn.failed" });
  });
});

describe.concurrent("resume", { timeout: 40_000 }, () => {
  it("exec resume <id> and exec resume --last send the earlier history to the model", async () => {
    const h = await execHarness();
    h.server.enqueue(
      turn([message("first answer")]),
      turn([message("second answer")]),
      turn([message("third answer")]),
    );

    const first = await h.run(["exec", "--json", "first question"]);
    expectCode(first, 0);
    const threadId = String(jsonEvents(first.stdout)[0]?.["thread_id"]);

    const second = await h.run(["exec", "--json", "resume", threadId, "second question"]);
    expectCode(second, 0);
    expect(jsonEvents(second.stdout)[0]).toEqual({ type: "thread.started", thread_id: threadId });
    const resumed = h.server.responsesRequests[1];
    const users = messageTexts(resumed, "user");
    expect(users).toContain("first question");
    expect(users.at(-1)).toBe("second question");
    expect(messageTexts(resumed, "assistant")).toEqual(["first answer"]);
    expect(users.indexOf("first question")).toBeLessThan(users.indexOf("second question"));

    // Flags work before and after the subcommand.
    const third = await h.run(["exec", "-m", "model-given-to-exec", "resume", "--last", "--json", "third question"]);
    expectCode(third, 0);
    expect(jsonEvents(third.stdout)[0]).toEqual({ type: "thread.started", thread_id: threadId });
    const last = h.server.responsesRequests[2];
    expect((last?.body as { model?: string } | undefined)?.model).toBe("model-given-to-exec");
    expect(messageTexts(last, "assistant")).toEqual(["first answer", "second answer"]);
    expect(messageTexts(last, "user").filter((text) => text.endsWith("question"))).toEqual([
      "first question",
      "second question",
      "third question",
    ]);
    expect(await rolloutFiles(h.home)).toHaveLength(1);
  });

  it("exec resume --last looks in the current directory unless --all is given", async () => {
    const h = await execHarness();
    const elsewhere = path.join(h.root, "elsewhere");
    await mkdir(elsewhere);
    gitInit(elsewhere);
    h.server.enqueue(turn([message("answer in workspace")]), turn([message("answer with --all")]));

    expectCode(await h.run(["exec", "question in workspace"]), 0);
    const missing = await h.run(["exec", "resume", "--last", "from elsewhere"], { cwd: elsewhere });
    expectCode(missing, 1);
    expect(missing.stderr).toMatch(/no previous session/i);
    expect(h.server.responsesRequests).toHaveLength(1);

    expectCode(await h.run(["exec", "resume", "--last", "--all", "from elsewhere"], { cwd: elsewhere }), 0);
    expect(messageTexts(h.server.responsesRequests[1], "user")).toContain("question in workspace");
    expect(messageTexts(h.server.responsesRequests[1], "assistant")).toEqual(["answer in workspace"]);
  });

  it("exec resume --last reads the prompt from stdin and attaches images", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([message("first")]), turn([message("second")]));
    await writeFile(
      path.join(h.workspace, "pic.png"),
      Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
    );
    expectCode(await h.run(["exec", "start"]), 0);
    const resumed = await h.run(["exec", "resume", "--last", "-i", "pic.png"], { stdin: "prompt from stdin\n" });
    expectCode(resumed, 0);
    const request = h.server.responsesRequests[1];
    expect(messageTexts(request, "user")).toContain("start");
    const last = inputOf(request).filter((item) => item.role === "user").at(-1);
    const parts = last?.content as Array<{ type: string; text?: string }>;
    expect(parts.some((part) => part.type === "input_text" && part.text === "prompt from stdin")).toBe(true);
    expect(parts.some((part) => part.type === "input_image")).toBe(true);
  });

  it("exec resume of an unknown id fails with exit 1 and no model request", async () => {
    const h = await execHarness();
    const run = await h.run(["exec", "resume", "01a20000-0000-7000-8000-000000000000", "hello"]);
    expectCode(run, 1);
    expect(run.stderr).toMatch(/01a20000-0000-7000-8000-000000000000|not found|no rollout/i);
    expect(h.server.requests).toHaveLength(0);
  });

  it("exec resume without an id or --last is a usage error", async () => {
    const h = await execHarness();
    const run = await h.run(["exec", "resume"]);
    expectCode(run, 2);
  });
});

describe.concurrent("crash", { timeout: 40_000 }, () => {
  it("after kill -9 mid-turn, resume sends everything that was shown before the crash", async () => {
    const h = await execHarness();
    const stalled = stall(turn([message("never finished")]), 1);
    h.server.enqueue(
      turn([functionCall("exec_command", { cmd: "echo crash-marker-output" }, "call_before_crash")]),
      stalled,
      turn([message("recovered")]),
    );

    const child = h.spawn(["exec", "--json", "do work"]);
    const out = stdoutLines(child);
    const exited = collectExit(child, "codex exec (killed)");
    await stalled.stalled;
    const threadId = await waitFor(
      () => {
        const events = jsonEvents(out.text().split("\n").slice(0, -1).join("\n"));
        const shown = events.some(
          (event) =>
            event.type === "item.completed" &&
            (event["item"] as { aggregated_output?: string }).aggregated_output === "crash-marker-output\n",
        );
        return shown ? String(events[0]?.["thread_id"]) : undefined;
      },
      { description: "the command output was shown" },
    );

    child.kill("SIGKILL");
    const killed = await exited;
    expect(killed.code).toBeNull();
    await stalled.disconnected;

    const [rollout] = await rolloutFiles(h.home);
    expect(await readFile(rollout ?? "", "utf8")).toContain("crash-marker-output");

    const resumed = await h.run(["exec", "--json", "resume", threadId, "continue"]);
    expectCode(resumed, 0);
    const request = h.server.responsesRequests[2];
    expect(messageTexts(request, "user")).toContain("do work");
    expect(messageTexts(request, "user").at(-1)).toBe("continue");
    expect(toolOutput(request, "call_before_crash")).toContain("crash-marker-output");
    const calls = inputOf(request).filter((item) => item.type === "function_call");
    expect(calls.map((item) => item.call_id)).toEqual(["call_before_crash"]);
    expect(h.server.pending).toBe(0);
  });

  it("after kill -9 while a command runs, resume answers the unfinished call", async () => {
    const h = await execHarness();
    await crashDuringCommand(h);
    h.server.enqueue(turn([message("resumed fine")]));

    const [rollout] = await rolloutFiles(h.home);
    const threadId = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/.exec(rollout ?? "")?.[1];
    expect(threadId).toBeDefined();
    const resumed = await h.run(["exec", "--json", "resume", String(threadId), "go on"]);
    expectCode(resumed, 0);
    const request = h.server.responsesRequests[1];
    expect(messageTexts(request, "user")).toContain("long work");
    // Every call the model made is answered before the next request.
    const calls = inputOf(request).filter((item) => item.type === "function_call").map((item) => item.call_id);
    expect(calls).toEqual(["call_cut"]);
    expect(toolOutput(request, "call_cut").length).toBeGreaterThan(0);
  });

  it("after kill -9 the sandboxed command does not outlive codex", async () => {
    const h = await execHarness();
    const { seconds } = await crashDuringCommand(h);
    await waitFor(() => pidsWithMarker(`sleep ${seconds}`).length === 0, {
      deadlineMs: 1500,
      description: "the sandboxed command is gone after the crash",
    });
  });
});

/** Starts a sandboxed long command, waits until it runs, then kills codex with SIGKILL. */
async function crashDuringCommand(h: ExecHarness): Promise<{ seconds: string }> {
  const seconds = uniqueSleep();
  const marker = path.join(h.workspace, "running");
  h.server.enqueue(
    turn([functionCall("exec_command", { cmd: `touch ${marker}; exec sleep ${seconds}`, yield_time_ms: 30_000 }, "call_cut")]),
  );
  const child = h.spawn(["exec", "--json", "--full-auto", "long work"]);
  const exited = collectExit(child, "codex exec (killed while running)");
  await waitFor(() => readFile(marker).then(() => true), { deadlineMs: 10_000, description: "the command started" });
  child.kill("SIGKILL");
  expect((await exited).code).toBeNull();
  // Whatever survived is killed after the file's tests.
  leftovers.push(...pidsWithMarker(`sleep ${seconds}`), ...pidsWithMarker(`exec sleep ${seconds}`));
  return { seconds };
}
