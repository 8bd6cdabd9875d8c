import { existsSync } from "node:fs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { Codex, type ThreadEvent } from "../src/index.js";
import { createFakeCodex, type FakeCodex, successfulTurn } from "./fake-codex.js";

let fake: FakeCodex;
beforeEach(async () => {
  fake = await createFakeCodex({ lines: successfulTurn("thread_abc", "All done.") });
});
afterEach(async () => {
  await fake.cleanup();
});

it("run() collects the completed items, the last agent message and the usage", async () => {
  const thread = new Codex({ codexPathOverride: fake.path }).startThread();
  expect(thread.id).toBeNull();

  const result = await thread.run("list the files");

  expect(thread.id).toBe("thread_abc");
  expect(result.finalResponse).toBe("All done.");
  expect(result.usage).toEqual({
    input_tokens: 42,
    cached_input_tokens: 12,
    cache_write_input_tokens: 0,
    output_tokens: 7,
    reasoning_output_tokens: 3,
  });
  expect(result.items.map((item) => [item.id, item.type])).toEqual([
    ["item_0", "command_execution"],
    ["item_1", "reasoning"],
    ["item_2", "agent_message"],
    ["item_3", "agent_message"],
  ]);
  expect(result.items[0]).toMatchObject({ aggregated_output: "a\nb\n", exit_code: 0, status: "completed" });
});

it("run() gives an empty response and null usage when the turn has neither", async () => {
  await fake.setScenario({ lines: [{ type: "thread.started", thread_id: "t" }, { type: "turn.started" }] });
  const result = await new Codex({ codexPathOverride: fake.path }).startThread().run("x");
  expect(result).toEqual({ items: [], finalResponse: "", usage: null });
});

it("runStreamed() yields every event in the order the CLI printed it", async () => {
  const thread = new Codex({ codexPathOverride: fake.path }).startThread();
  const { events } = await thread.runStreamed("list the files");
  const seen: ThreadEvent[] = [];
  for await (const event of events) {
    seen.push(event);
    if (event.type === "turn.started") expect(thread.id).toBe("thread_abc");
  }
  expect(seen).toEqual(successfulTurn("thread_abc", "All done."));
});

it("runStreamed() does not start the CLI until the events are read", async () => {
  const { events } = await new Codex({ codexPathOverride: fake.path }).startThread().runStreamed("x");
  expect(await fake.records()).toEqual([]);
  await events.next();
  expect(await fake.records()).toHaveLength(1);
  await events.return(undefined);
});

it("a second turn resumes the thread by the id from thread.started", async () => {
  const codex = new Codex({ codexPathOverride: fake.path });
  const thread = codex.startThread({ model: "m1" });
  await thread.run("first");
  await thread.run([
    { type: "text", text: "second" },
    { type: "local_image", path: "/tmp/shot.png" },
  ]);

  const [first, second] = await fake.records();
  expect(first?.argv).toEqual(["exec", "--experimental-json", "--model", "m1"]);
  expect(second?.argv).toEqual([
    "exec",
    "--experimental-json",
    "--model",
    "m1",
    "resume",
    "thread_abc",
    "--image",
    "/tmp/shot.png",
  ]);
  expect(second?.stdin).toBe("second");
});

it("resumeThread(id) passes `resume <id>` on the first turn", async () => {
  const thread = new Codex({ codexPathOverride: fake.path }).resumeThread("thread_old", { skipGitRepoCheck: true });
  expect(thread.id).toBe("thread_old");
  await thread.run("continue");
  const [record] = await fake.records();
  expect(record?.argv).toEqual(["exec", "--experimental-json", "--skip-git-repo-check", "resume", "thread_old"]);
  expect(thread.id).toBe("thread_abc");
});

it("writes the output schema to a temp file for the run and deletes it afterwards", async () => {
  const schema = {
    type: "object",
    properties: { answer: { type: "string" } },
    required: ["answer"],
    additionalProperties: false,
  };
  await new Codex({ codexPathOverride: fake.path }).startThread().run("x", { outputSchema: schema });

  const [record] = await fake.records();
  const index = record!.argv.indexOf("--output-schema");
  expect(record!.argv.slice(0, 2)).toEqual(["exec", "--experimental-json"]);
  expect(index).toBeGreaterThan(1);
  expect(record!.schema).toMatchObject({ path: record!.argv[index + 1], exists: true });
  expect(JSON.parse(record!.schema!.content!)).toEqual(schema);
  expect(existsSync(record!.schema!.path)).toBe(false);
});

it("deletes the output schema file when the run fails too", async () => {
  await fake.setScenario({ lines: [], exitCode: 1, stderr: "nope" });
  const thread = new Codex({ codexPathOverride: fake.path }).startThread();
  await expect(thread.run("x", { outputSchema: { type: "object" } })).rejects.toThrow(/nope/);
  const [record] = await fake.records();
  expect(record!.schema!.exists).toBe(true);
  expect(existsSync(record!.schema!.path)).toBe(false);
});

it("rejects an output schema that is not a plain object without starting the CLI", async () => {
  const thread = new Codex({ codexPathOverride: fake.path }).startThread();
  await expect(thread.run("x", { outputSchema: ["not", "a", "schema"] })).rejects.toMatchObject({
    code: "INVALID_OUTPUT_SCHEMA",
  });
  expect(await fake.records()).toEqual([]);
});
