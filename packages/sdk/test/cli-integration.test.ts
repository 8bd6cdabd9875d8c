import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  configForMock,
  failedTurn,
  type MockResponsesServer,
  message,
  reasoning,
  stall,
  startMockResponsesServer,
  type TempCodexHome,
  tempCodexHome,
  turn,
} from "@codex-ts/test-support";
import { afterEach, beforeEach, expect, it } from "vitest";
import { Codex, type ThreadEvent, type ThreadOptions } from "../src/index.js";

const CLI = fileURLToPath(new URL("../../../apps/cli/dist/cli.js", import.meta.url));

let server: MockResponsesServer;
let home: TempCodexHome;
let workDir: string;
let codexPath: string;

beforeEach(async () => {
  server = await startMockResponsesServer();
  home = await tempCodexHome({ config: configForMock(server.url, { requestMaxRetries: 0, streamMaxRetries: 0 }) });
  workDir = await mkdtemp(path.join(os.tmpdir(), "codex-sdk-cli-"));
  // A wrapper executable, as an installed `codex` would be.
  codexPath = path.join(workDir, "codex");
  await writeFile(codexPath, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`);
  await chmod(codexPath, 0o755);
});

afterEach(async () => {
  await server.close();
  await home.cleanup();
  await rm(workDir, { recursive: true, force: true });
});

function newCodex(): Codex {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined) env[key] = value;
  }
  env["CODEX_HOME"] = home.path;
  env["OPENAI_API_KEY"] = "sk-test";
  delete env["CODEX_INTERNAL_ORIGINATOR_OVERRIDE"];
  return new Codex({ codexPathOverride: codexPath, env });
}

function threadOptions(): ThreadOptions {
  return { workingDirectory: workDir, skipGitRepoCheck: true };
}

it("run() returns the agent's answer and usage, and the request carries the SDK originator", async () => {
  server.enqueue(
    turn([reasoning("Thinking about it."), message("Hello from the mock.")], {
      usage: { inputTokens: 120, cachedInputTokens: 20, outputTokens: 9 },
    }),
  );
  const thread = newCodex().startThread(threadOptions());

  const result = await thread.run("Say hello");

  expect(result.finalResponse).toBe("Hello from the mock.");
  expect(result.usage).toEqual({
    input_tokens: 120,
    cached_input_tokens: 20,
    cache_write_input_tokens: 0,
    output_tokens: 9,
    reasoning_output_tokens: 0,
  });
  expect(result.items.map((item) => item.type)).toContain("agent_message");
  expect(thread.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(server.pending).toBe(0);
  const [request] = server.responsesRequests;
  expect(request?.headers["originator"]).toBe("codex_sdk_ts");
  expect(request?.headers["user-agent"]).toMatch(/^codex_sdk_ts\//);
  expect(request?.headers["authorization"]).toBe("Bearer sk-test");
  expect(JSON.stringify(request?.body)).toContain("Say hello");
});

it("runStreamed() yields thread.started, turn.started, the items and turn.completed in order", async () => {
  server.enqueue(turn([message("Streaming works.")]));
  const thread = newCodex().startThread(threadOptions());
  const { events } = await thread.runStreamed("Stream please");

  const seen: ThreadEvent[] = [];
  for await (const event of events) seen.push(event);

  const types = seen.map((event) => event.type);
  expect(types[0]).toBe("thread.started");
  expect(types[1]).toBe("turn.started");
  expect(types.at(-1)).toBe("turn.completed");
  const started = seen[0];
  expect(started?.type === "thread.started" && started.thread_id).toBe(thread.id);
  const completedMessages = seen.flatMap((event) =>
    event.type === "item.completed" && event.item.type === "agent_message" ? [event.item.text] : [],
  );
  expect(completedMessages).toEqual(["Streaming works."]);
});

it("a resumed thread continues the recorded conversation under the same id", async () => {
  server.enqueue(turn([message("The secret word is papaya.")]), turn([message("You asked about the secret word.")]));
  const codex = newCodex();
  const first = codex.startThread(threadOptions());
  await first.run("Tell me a secret word");
  const id = first.id;
  expect(id).toBeTruthy();

  const resumed = codex.resumeThread(id!, threadOptions());
  const result = await resumed.run("What did I ask before?");

  expect(result.finalResponse).toBe("You asked about the secret word.");
  expect(resumed.id).toBe(id);
  const second = JSON.stringify(server.responsesRequests[1]?.body);
  expect(second).toContain("Tell me a secret word");
  expect(second).toContain("The secret word is papaya.");
  expect(second).toContain("What did I ask before?");
});

it("an output schema is sent as a strict json_schema text format and the answer is the JSON", async () => {
  const schema = {
    type: "object",
    properties: { answer: { type: "string" } },
    required: ["answer"],
    additionalProperties: false,
  };
  server.enqueue(turn([message('{"answer":"42"}')]));
  const thread = newCodex().startThread(threadOptions());

  const result = await thread.run("Answer as JSON", { outputSchema: schema });

  expect(JSON.parse(result.finalResponse)).toEqual({ answer: "42" });
  const body = server.responsesRequests[0]?.body as { text?: { format?: Record<string, unknown> } };
  expect(body.text?.format).toMatchObject({ type: "json_schema", strict: true, schema });
});

it("aborting a turn kills the CLI, which drops its request, and rejects", async () => {
  const stalled = stall(turn([message("never finished")]), 1);
  server.enqueue(stalled);
  const controller = new AbortController();
  const thread = newCodex().startThread(threadOptions());
  const { events } = await thread.runStreamed("Take your time", { signal: controller.signal });

  const consumed = (async () => {
    for await (const _event of events) {
      // drain until aborted
    }
  })();
  consumed.catch(() => {});

  await Promise.race([
    stalled.stalled,
    consumed.then(() => {
      throw new Error("the turn ended before its request stalled");
    }),
  ]);
  controller.abort();

  await expect(consumed).rejects.toMatchObject({ name: "AbortError" });
  await stalled.disconnected;
});

it("a failed turn rejects run() with the error the CLI reported", async () => {
  server.enqueue(failedTurn("insufficient_quota", "You exceeded your current quota."));
  const thread = newCodex().startThread(threadOptions());
  await expect(thread.run("Anything")).rejects.toThrow(/quota/i);
  expect(server.pending).toBe(0);
});
