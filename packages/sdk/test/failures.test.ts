import { waitFor } from "@codex-ts/test-support";
import { afterEach, beforeEach, expect, it } from "vitest";
import { Codex, CodexExecError, EventParseError, TurnFailedError } from "../src/index.js";
import { createFakeCodex, type FakeCodex, successfulTurn } from "./fake-codex.js";

let fake: FakeCodex;
beforeEach(async () => {
  fake = await createFakeCodex({ lines: successfulTurn() });
});
afterEach(async () => {
  await fake.cleanup();
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForDeath(pid: number): Promise<void> {
  await waitFor(() => !isAlive(pid), { description: `fake codex (pid ${pid}) to exit` });
}

const STARTED = [{ type: "thread.started", thread_id: "thread_hang" }, { type: "turn.started" }];

it("aborting a streamed turn kills the CLI and rejects the iteration", async () => {
  await fake.setScenario({ lines: STARTED, hang: true });
  const controller = new AbortController();
  const thread = new Codex({ codexPathOverride: fake.path }).startThread();
  const { events } = await thread.runStreamed("wait forever", { signal: controller.signal });

  const seen: string[] = [];
  const consumed = (async () => {
    for await (const event of events) {
      seen.push(event.type);
      if (event.type === "turn.started") controller.abort();
    }
  })();

  await expect(consumed).rejects.toMatchObject({ name: "AbortError" });
  expect(seen).toEqual(["thread.started", "turn.started"]);
  const [record] = await fake.records();
  await waitForDeath(record!.pid);
});

it("aborting run() kills the CLI and rejects", async () => {
  await fake.setScenario({ lines: STARTED, hang: true });
  const controller = new AbortController();
  const thread = new Codex({ codexPathOverride: fake.path }).startThread();
  const running = thread.run("wait forever", { signal: controller.signal });
  running.catch(() => {});

  const record = await waitFor(async () => (await fake.records())[0], { description: "the fake CLI to start" });
  await waitFor(() => thread.id === "thread_hang", { description: "thread.started to be read" });
  const reason = new Error("user cancelled");
  controller.abort(reason);

  await expect(running).rejects.toMatchObject({ name: "AbortError", cause: reason });
  await waitForDeath(record.pid);
});

it("an already aborted signal rejects without starting the CLI", async () => {
  const thread = new Codex({ codexPathOverride: fake.path }).startThread();
  await expect(thread.run("x", { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
  expect(await fake.records()).toEqual([]);
});

it("leaving a streamed turn early kills the CLI", async () => {
  await fake.setScenario({ lines: STARTED, hang: true });
  const { events } = await new Codex({ codexPathOverride: fake.path }).startThread().runStreamed("x");
  for await (const event of events) {
    if (event.type === "thread.started") break;
  }
  const [record] = await fake.records();
  await waitForDeath(record!.pid);
});

it("a non-zero exit rejects with the exit code and what the CLI printed on stderr", async () => {
  await fake.setScenario({
    lines: [{ type: "thread.started", thread_id: "t" }],
    stderr: "Error: config.toml:3:1: unknown field `modle`\n",
    exitCode: 2,
  });
  const thread = new Codex({ codexPathOverride: fake.path }).startThread();
  const error = await thread.run("x").then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CodexExecError);
  expect(error).toMatchObject({
    code: "CODEX_EXEC_FAILED",
    exitCode: 2,
    signal: null,
    stderr: "Error: config.toml:3:1: unknown field `modle`\n",
  });
  expect((error as Error).message).toBe(
    "codex exec exited with code 2: Error: config.toml:3:1: unknown field `modle`",
  );
});

it("a non-zero exit also fails a streamed turn after the events it printed", async () => {
  await fake.setScenario({ lines: STARTED, stderr: "boom", exitCode: 1 });
  const { events } = await new Codex({ codexPathOverride: fake.path }).startThread().runStreamed("x");
  const seen: string[] = [];
  const consumed = (async () => {
    for await (const event of events) seen.push(event.type);
  })();
  await expect(consumed).rejects.toThrow("codex exec exited with code 1: boom");
  expect(seen).toEqual(["thread.started", "turn.started"]);
});

it("a stdout line that is not JSON rejects with the line in the message", async () => {
  await fake.setScenario({ lines: [{ type: "thread.started", thread_id: "t" }, "Reading prompt from stdin..."] });
  const error = await new Codex({ codexPathOverride: fake.path })
    .startThread()
    .run("x")
    .then(
      () => null,
      (caught: unknown) => caught,
    );
  expect(error).toBeInstanceOf(EventParseError);
  expect(error).toMatchObject({ code: "INVALID_EVENT_LINE", line: "Reading prompt from stdin..." });
  expect((error as Error).message).toBe(
    "codex exec printed a line that is not a JSON event: Reading prompt from stdin...",
  );
});

it("a JSON line without a string type is rejected as well", async () => {
  await fake.setScenario({ lines: ["[1,2,3]"] });
  await expect(new Codex({ codexPathOverride: fake.path }).startThread().run("x")).rejects.toMatchObject({
    code: "INVALID_EVENT_LINE",
    line: "[1,2,3]",
  });
});

it("turn.failed makes run() reject with the reported message", async () => {
  await fake.setScenario({
    lines: [...STARTED, { type: "turn.failed", error: { message: "stream disconnected before completion" } }],
    exitCode: 1,
  });
  const running = new Codex({ codexPathOverride: fake.path }).startThread().run("x");
  await expect(running).rejects.toBeInstanceOf(TurnFailedError);
  await expect(running).rejects.toThrow("stream disconnected before completion");
});

it("a missing executable rejects with the spawn error", async () => {
  const thread = new Codex({ codexPathOverride: `${fake.path}-missing` }).startThread();
  await expect(thread.run("x")).rejects.toMatchObject({ code: "ENOENT" });
});
