// `codex exec` end to end: JSONL events, human output, and every flag, against the mock Responses server.
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { message, reasoning, turn } from "@codex-ts/test-support";
import { afterAll, describe, expect, it } from "vitest";
import { API_KEY, cleanupHarnesses, type ExecHarness, execHarness, inputOf, jsonEvents, messageTexts, expectCode, rolloutFiles } from "./exec-harness.js";

const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

afterAll(cleanupHarnesses);

const bodyOf = (h: ExecHarness, index = 0) => h.server.responsesRequests[index]?.body as Record<string, unknown>;

describe.concurrent("codex exec output", { timeout: 40_000 }, () => {
  it("--json prints thread.started, turn.started, the agent message and turn.completed with usage", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([message("Hello from the mock.")], { usage: { inputTokens: 120, cachedInputTokens: 20, outputTokens: 8 } }));

    const run = await h.run(["exec", "--json", "say hello"]);

    expectCode(run, 0);
    const events = jsonEvents(run.stdout);
    expect(events.map((event) => event.type)).toEqual(["thread.started", "turn.started", "item.completed", "turn.completed"]);
    expect(events[0]?.["thread_id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(events[2]).toEqual({ type: "item.completed", item: { id: "item_0", type: "agent_message", text: "Hello from the mock." } });
    expect(events[3]?.["usage"]).toMatchObject({ input_tokens: 120, cached_input_tokens: 20, output_tokens: 8 });
    expect(h.server.pending).toBe(0);
    expect(messageTexts(h.server.responsesRequests[0], "user").at(-1)).toBe("say hello");
  });

  it("human output puts only the final message on stdout and progress on stderr", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([reasoning("Thinking about greetings"), message("The final answer.")]));

    const run = await h.run(["exec", "say hello"]);

    expectCode(run, 0);
    expect(run.stdout).toBe("The final answer.\n");
    expect(run.stderr).toContain("say hello");
    expect(run.stderr).toContain("Thinking about greetings");
    expect(run.stderr).toContain("mock-model");
    expect(run.stderr).toContain("sandbox: read-only");
    expect(run.stderr).toContain("approval: never");
  });

  it("`codex e --experimental-json --ephemeral` prints JSONL and writes no session file", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([message("ephemeral answer")]));
    const run = await h.run(["e", "--experimental-json", "--ephemeral", "x"]);
    expectCode(run, 0);
    expect(jsonEvents(run.stdout).map((event) => event.type)).toEqual(["thread.started", "turn.started", "item.completed", "turn.completed"]);
    expect(await rolloutFiles(h.home)).toEqual([]);
  });

  it("a normal run records the session in a rollout file named by the thread id", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([message("recorded answer")]));
    const run = await h.run(["exec", "--json", "x"]);
    expectCode(run, 0);
    const threadId = String(jsonEvents(run.stdout)[0]?.["thread_id"]);
    const files = await rolloutFiles(h.home);
    expect(files).toHaveLength(1);
    expect(path.basename(files[0] ?? "")).toContain(threadId);
    expect(await readFile(files[0] ?? "", "utf8")).toContain("recorded answer");
  });

  it("--json reports reasoning as an item before the message", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([reasoning("Weighing options"), message("Done.")]));
    const run = await h.run(["exec", "--json", "think"]);
    expectCode(run, 0);
    const items = jsonEvents(run.stdout)
      .filter((event) => event.type === "item.completed")
      .map((event) => event["item"]);
    expect(items).toEqual([
      { id: "item_0", type: "reasoning", text: "Weighing options" },
      { id: "item_1", type: "agent_message", text: "Done." },
    ]);
  });

  it("-o / --output-last-message writes the last agent message to a file", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([message("first words")]), turn([message("last words")]));
    expectCode(await h.run(["exec", "-o", "out.txt", "go"]), 0);
    expect(await readFile(path.join(h.workspace, "out.txt"), "utf8")).toBe("first words");
    const target = path.join(h.root, "long.txt");
    expectCode(await h.run(["exec", "--json", "--output-last-message", target, "go"]), 0);
    expect(await readFile(target, "utf8")).toBe("last words");
  });

  it("--output-schema sends a strict json_schema text format", async () => {
    const h = await execHarness();
    const schema = {
      type: "object",
      properties: { answer: { type: "string" } },
      required: ["answer"],
      additionalProperties: false,
    };
    await writeFile(path.join(h.workspace, "schema.json"), JSON.stringify(schema));
    h.server.enqueue(turn([message('{"answer":"42"}')]));

    const run = await h.run(["exec", "--json", "--output-schema", "schema.json", "answer"]);

    expectCode(run, 0);
    const format = (bodyOf(h)["text"] as { format: Record<string, unknown> }).format;
    expect(format).toMatchObject({ type: "json_schema", strict: true, schema });
    expect(typeof format["name"]).toBe("string");
    expect(jsonEvents(run.stdout)[2]).toMatchObject({ item: { type: "agent_message", text: '{"answer":"42"}' } });
  });

  it("a missing --output-schema file is a usage error (exit 2) before any request", async () => {
    const h = await execHarness();
    const run = await h.run(["exec", "--output-schema", "nope.json", "answer"]);
    expectCode(run, 2);
    expect(run.stderr).toContain("nope.json");
    expect(h.server.requests).toHaveLength(0);
  });

  it("-m, -c model=... and --profile choose the request model", async () => {
    const h = await execHarness({ extraToml: '\n[profiles.fast]\nmodel = "profile-model"\n' });
    h.server.enqueue(turn([message("a")]), turn([message("b")]), turn([message("c")]), turn([message("d")]));

    expectCode(await h.run(["exec", "-m", "flag-model", "x"]), 0);
    expectCode(await h.run(["exec", "-c", 'model="override-model"', "x"]), 0);
    expectCode(await h.run(["exec", "--profile", "fast", "x"]), 0);
    expectCode(await h.run(["exec", "--model", "flag-model-2", "--profile", "fast", "x"]), 0);

    expect(h.server.responsesRequests.map((request) => (request.body as { model: string }).model)).toEqual([
      "flag-model",
      "override-model",
      "profile-model",
      "flag-model-2",
    ]);
  });

  it("-C / --cd sets the agent's working directory", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([message("ok")]));
    const run = await h.run(["exec", "-C", "workspace", "where am I"], { cwd: h.root });
    expectCode(run, 0);
    expect(JSON.stringify(inputOf(h.server.responsesRequests[0]))).toContain(`<cwd>${h.workspace}</cwd>`);
  });

  it("-o, --output-schema and -i paths are relative to where codex started, not to -C", async () => {
    const h = await execHarness();
    await writeFile(path.join(h.root, "schema.json"), JSON.stringify({ type: "object", properties: {}, additionalProperties: false }));
    await writeFile(path.join(h.root, "dot.png"), Buffer.from(PNG_1X1, "base64"));
    h.server.enqueue(turn([message("{}")]));
    const run = await h.run(["exec", "-C", "workspace", "-o", "last.txt", "--output-schema", "schema.json", "-i", "dot.png", "x"], {
      cwd: h.root,
    });
    expectCode(run, 0);
    expect(await readFile(path.join(h.root, "last.txt"), "utf8")).toBe("{}");
    expect(bodyOf(h)["text"]).toMatchObject({ format: { type: "json_schema" } });
    expect(JSON.stringify(inputOf(h.server.responsesRequests[0]))).toContain("data:image/png;base64,");
  });

  it("-i with a missing file fails with exit 1 before any request", async () => {
    const h = await execHarness();
    const run = await h.run(["exec", "-i", "missing.png", "x"]);
    expectCode(run, 1);
    expect(run.stderr).toContain(`image file not found: ${path.join(h.workspace, "missing.png")}`);
    expect(h.server.responsesRequests).toHaveLength(0);
  });

  it("-C with a directory that does not exist fails with exit 1 before any request", async () => {
    const h = await execHarness();
    const run = await h.run(["exec", "-C", "no-such-dir", "x"]);
    expectCode(run, 1);
    expect(run.stderr).toContain(path.join(h.workspace, "no-such-dir"));
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(h.server.requests).toHaveLength(0);
  });

  it("a broken config.toml or a bad -c value fails with exit 1, naming where, before any request", async () => {
    const h = await execHarness();
    const bad = await h.run(["exec", "-c", 'sandbox_mode="bogus"', "x"]);
    expectCode(bad, 1);
    expect(bad.stderr).toContain("sandbox_mode");
    expect(bad.stderr).toContain("bogus");
    await writeFile(path.join(h.home, "config.toml"), "model = [unclosed\n");
    const broken = await h.run(["exec", "x"]);
    expectCode(broken, 1);
    expect(broken.stderr).toContain(`${path.join(h.home, "config.toml")}:1:`);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    expect(h.server.requests).toHaveLength(0);
  });

  it("--profile naming a missing profile fails with exit 1 and a clear message", async () => {
    const h = await execHarness();
    const run = await h.run(["exec", "--profile", "missing", "x"]);
    expectCode(run, 1);
    expect(run.stderr).toMatch(/profile `missing` not found/);
    expect(h.server.requests).toHaveLength(0);
  });

  it("-i / --image attaches the image as an input_image data URL", async () => {
    const h = await execHarness();
    await writeFile(path.join(h.workspace, "dot.png"), Buffer.from(PNG_1X1, "base64"));
    h.server.enqueue(turn([message("a dot")]));

    const run = await h.run(["exec", "-i", "dot.png", "describe it"]);

    expectCode(run, 0);
    const user = inputOf(h.server.responsesRequests[0]).filter((item) => item.role === "user").at(-1);
    const parts = user?.content as Array<{ type: string; image_url?: string; text?: string }>;
    const image = parts.find((part) => part.type === "input_image");
    expect(image?.image_url).toBe(`data:image/png;base64,${PNG_1X1}`);
    expect(parts.some((part) => part.type === "input_text" && part.text === "describe it")).toBe(true);
  });
});

describe.concurrent("codex exec prompt and exit codes", { timeout: 40_000 }, () => {
  it("reads the prompt from stdin with `-` and when piped without an argument", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([message("one")]), turn([message("two")]));

    const dash = await h.run(["exec", "-"], { stdin: "prompt via dash\n" });
    const piped = await h.run(["exec"], { stdin: "prompt via pipe\n" });

    expect([dash.code, piped.code]).toEqual([0, 0]);
    expect(messageTexts(h.server.responsesRequests[0], "user").at(-1)).toBe("prompt via dash");
    expect(messageTexts(h.server.responsesRequests[1], "user").at(-1)).toBe("prompt via pipe");
    expect(piped.stdout).toBe("two\n");
  });

  it("exits 2 with a usage error when there is no prompt, or for an unknown flag", async () => {
    const h = await execHarness();
    const empty = await h.run(["exec"]);
    expectCode(empty, 2);
    expect(empty.stderr).toMatch(/no prompt/i);
    const unknown = await h.run(["exec", "--no-such-flag", "x"]);
    expectCode(unknown, 2);
    const badSandbox = await h.run(["exec", "-s", "everything", "x"]);
    expectCode(badSandbox, 2);
    expect(h.server.requests).toHaveLength(0);
  });

  it("outside a git repository needs --skip-git-repo-check", async () => {
    const h = await execHarness({ git: false });
    h.server.enqueue(turn([message("ran anyway")]));

    const refused = await h.run(["exec", "x"]);
    expectCode(refused, 1);
    expect(refused.stderr).toContain("Not inside a trusted directory");
    expect(refused.stderr).toContain("--skip-git-repo-check");
    expect(h.server.requests).toHaveLength(0);

    const allowed = await h.run(["exec", "--skip-git-repo-check", "x"]);
    expectCode(allowed, 0);
    expect(allowed.stdout).toBe("ran anyway\n");
  });

  it("a project marked trusted in config.toml needs no git repository", async () => {
    const h = await execHarness({ git: false });
    await h.writeConfig(`\n[projects.${JSON.stringify(path.join(h.root, "workspace"))}]\ntrust_level = "trusted"\n`);
    h.server.enqueue(turn([message("trusted")]));
    const run = await h.run(["exec", "x"]);
    expectCode(run, 0);
  });
});

describe.concurrent("codex exec credentials and headers", { timeout: 40_000 }, () => {
  it("sends the API key as the bearer token with the codex_exec originator", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([message("ok")]));
    expectCode(await h.run(["exec", "x"]), 0);
    const headers = h.server.responsesRequests[0]?.headers ?? {};
    expect(headers["authorization"]).toBe(`Bearer ${API_KEY}`);
    expect(headers["originator"]).toBe("codex_exec");
    expect(headers["user-agent"]).toMatch(/^codex_exec\//);
    const threadId = headers["session-id"];
    expect(headers["thread-id"]).toBe(threadId);
    expect(JSON.parse(String(headers["x-codex-turn-metadata"]))).toEqual({
      session_id: threadId,
      thread_id: threadId,
      turn_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it("CODEX_INTERNAL_ORIGINATOR_OVERRIDE replaces the originator (as the SDK sets it)", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([message("ok")]));
    expectCode(await h.run(["exec", "x"], { env: { ...h.env, CODEX_INTERNAL_ORIGINATOR_OVERRIDE: "codex_sdk_ts" } }), 0);
    expect(h.server.responsesRequests[0]?.headers["originator"]).toBe("codex_sdk_ts");
  });

  it("uses CODEX_API_KEY as the bearer token", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([message("ok")]));
    const { OPENAI_API_KEY: _, ...env } = h.env;
    const run = await h.run(["exec", "x"], { env: { ...env, CODEX_API_KEY: "sk-from-codex-api-key" } });
    expectCode(run, 0);
    expect(h.server.responsesRequests[0]?.headers["authorization"]).toBe("Bearer sk-from-codex-api-key");
  });

  it("without any API key fails with one clear error naming the variables (exit 1)", async () => {
    const h = await execHarness();
    // The built-in OpenAI provider, pointed at the mock so nothing could leave the machine.
    await writeFile(path.join(h.home, "config.toml"), 'model = "mock-model"\n');
    const { OPENAI_API_KEY: _, ...env } = h.env;
    const run = await h.run(["exec", "x"], { env: { ...env, OPENAI_BASE_URL: h.server.url } });
    expectCode(run, 1);
    expect(run.stderr).toContain("OPENAI_API_KEY");
    expect(run.stderr).toContain("CODEX_API_KEY");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(h.server.requests).toHaveLength(0);
  });

  it.each([
    ["ollama", "gpt-oss:20b"],
    ["lmstudio", "openai/gpt-oss-20b"],
  ])("--oss --local-provider %s talks to the server named by CODEX_OSS_BASE_URL without an API key", async (provider, model) => {
    const h = await execHarness();
    h.server.enqueue(turn([message("local answer")]));
    const { OPENAI_API_KEY: _, ...env } = h.env;
    const run = await h.run(["exec", "--oss", "--local-provider", provider, "x"], {
      env: { ...env, CODEX_OSS_BASE_URL: h.server.url },
    });
    expectCode(run, 0);
    expect(run.stdout).toBe("local answer\n");
    expect(h.server.requests.some((request) => request.method === "GET" && request.path === "/v1/models")).toBe(true);
    expect((bodyOf(h) as { model: string }).model).toBe(model);
    expect(h.server.responsesRequests[0]?.headers["authorization"]).toBeUndefined();
  });

  it("--oss with no local server answering fails with exit 1 and a clear message", async () => {
    const h = await execHarness();
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const run = await h.run(["exec", "--oss", "--local-provider", "ollama", "x"], {
      env: { ...h.env, CODEX_OSS_BASE_URL: `http://127.0.0.1:${closedPort}/v1` },
    });
    expectCode(run, 1);
    expect(run.stderr).toMatch(/Ollama/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
