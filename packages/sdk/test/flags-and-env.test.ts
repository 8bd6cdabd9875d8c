import { afterEach, beforeEach, expect, it } from "vitest";
import { Codex } from "../src/index.js";
import { createFakeCodex, type FakeCodex, successfulTurn } from "./fake-codex.js";

let fake: FakeCodex;
beforeEach(async () => {
  fake = await createFakeCodex({ lines: successfulTurn() });
});
afterEach(async () => {
  await fake.cleanup();
});

async function onlyRecord() {
  const records = await fake.records();
  expect(records).toHaveLength(1);
  return records[0]!;
}

it("passes every thread option as the flags upstream's SDK passes, in the same order", async () => {
  const codex = new Codex({ codexPathOverride: fake.path, config: { model_verbosity: "low" } });
  const thread = codex.startThread({
    model: "gpt-test",
    sandboxMode: "workspace-write",
    workingDirectory: "/tmp/work",
    additionalDirectories: ["/tmp/a", "/tmp/b"],
    skipGitRepoCheck: true,
    modelReasoningEffort: "high",
    networkAccessEnabled: false,
    webSearchMode: "cached",
    webSearchEnabled: true,
    approvalPolicy: "on-request",
  });
  await thread.run([
    { type: "text", text: "first part" },
    { type: "local_image", path: "/tmp/one.png" },
    { type: "text", text: "second part" },
    { type: "local_image", path: "/tmp/two.jpg" },
  ]);

  const record = await onlyRecord();
  expect(record.argv).toEqual([
    "exec",
    "--experimental-json",
    "--config",
    'model_verbosity="low"',
    "--model",
    "gpt-test",
    "--sandbox",
    "workspace-write",
    "--cd",
    "/tmp/work",
    "--add-dir",
    "/tmp/a",
    "--add-dir",
    "/tmp/b",
    "--skip-git-repo-check",
    "--config",
    'model_reasoning_effort="high"',
    "--config",
    "sandbox_workspace_write.network_access=false",
    "--config",
    'web_search="cached"',
    "--config",
    'approval_policy="on-request"',
    "--image",
    "/tmp/one.png",
    "--image",
    "/tmp/two.jpg",
  ]);
  expect(record.stdin).toBe("first part\n\nsecond part");
});

it("passes only `exec --experimental-json` and the prompt on stdin when no option is set", async () => {
  await new Codex({ codexPathOverride: fake.path }).startThread().run("Say hi");
  const record = await onlyRecord();
  expect(record.argv).toEqual(["exec", "--experimental-json"]);
  expect(record.stdin).toBe("Say hi");
});

it("maps the legacy webSearchEnabled switch to web_search live / disabled", async () => {
  const codex = new Codex({ codexPathOverride: fake.path });
  await codex.startThread({ webSearchEnabled: true }).run("a");
  await codex.startThread({ webSearchEnabled: false }).run("b");
  const [on, off] = await fake.records();
  expect(on?.argv.slice(2)).toEqual(["--config", 'web_search="live"']);
  expect(off?.argv.slice(2)).toEqual(["--config", 'web_search="disabled"']);
});

it("flattens the config object into dotted keys with TOML literals", async () => {
  const codex = new Codex({
    codexPathOverride: fake.path,
    config: {
      approval_policy: "never",
      sandbox_workspace_write: { network_access: true, writable_roots: ["/a", 'b "quoted"'] },
      model_context_window: 128000,
      tools: {},
      mcp_servers: { docs: { command: "npx", args: ["-y", "docs-server"], env: { "API-KEY": "x" } } },
      notify_rules: [{ "needs quotes": 1, bare_key: false }],
      skipped: undefined as unknown as string,
    },
  });
  await codex.startThread().run("go");
  const record = await onlyRecord();
  const overrides: string[] = [];
  for (let i = 0; i < record.argv.length; i += 1) {
    if (record.argv[i] === "--config") overrides.push(record.argv[i + 1]!);
  }
  expect(overrides).toEqual([
    'approval_policy="never"',
    "sandbox_workspace_write.network_access=true",
    'sandbox_workspace_write.writable_roots=["/a", "b \\"quoted\\""]',
    "model_context_window=128000",
    "tools={}",
    'mcp_servers.docs.command="npx"',
    'mcp_servers.docs.args=["-y", "docs-server"]',
    'mcp_servers.docs.env.API-KEY="x"',
    'notify_rules=[{"needs quotes" = 1, bare_key = false}]',
  ]);
});

it("sets the SDK originator and inherits process.env when no env option is given", async () => {
  process.env["CODEX_SDK_TEST_INHERITED"] = "yes";
  try {
    await new Codex({ codexPathOverride: fake.path }).startThread().run("x");
  } finally {
    delete process.env["CODEX_SDK_TEST_INHERITED"];
  }
  const { env } = await onlyRecord();
  expect(env["CODEX_INTERNAL_ORIGINATOR_OVERRIDE"]).toBe("codex_sdk_ts");
  expect(env["CODEX_SDK_TEST_INHERITED"]).toBe("yes");
  expect(env["OPENAI_BASE_URL"]).toBe(process.env["OPENAI_BASE_URL"]);
  expect(env["CODEX_API_KEY"]).toBe(process.env["CODEX_API_KEY"]);
});

it("replaces process.env with the env option and adds the base URL and API key", async () => {
  process.env["CODEX_SDK_TEST_INHERITED"] = "yes";
  try {
    const codex = new Codex({
      codexPathOverride: fake.path,
      baseUrl: "http://127.0.0.1:9/v1",
      apiKey: "sk-sdk",
      env: { ONLY_THIS: "1" },
    });
    await codex.startThread().run("x");
  } finally {
    delete process.env["CODEX_SDK_TEST_INHERITED"];
  }
  const { env } = await onlyRecord();
  expect(env["ONLY_THIS"]).toBe("1");
  expect(env["CODEX_SDK_TEST_INHERITED"]).toBeUndefined();
  expect(env["PATH"]).toBeUndefined();
  expect(env["CODEX_INTERNAL_ORIGINATOR_OVERRIDE"]).toBe("codex_sdk_ts");
  expect(env["OPENAI_BASE_URL"]).toBe("http://127.0.0.1:9/v1");
  expect(env["CODEX_API_KEY"]).toBe("sk-sdk");
});

it("keeps an originator the caller already set", async () => {
  const codex = new Codex({
    codexPathOverride: fake.path,
    env: { CODEX_INTERNAL_ORIGINATOR_OVERRIDE: "my_app" },
  });
  await codex.startThread().run("x");
  expect((await onlyRecord()).env["CODEX_INTERNAL_ORIGINATOR_OVERRIDE"]).toBe("my_app");
});

it("rejects a config value that has no TOML literal before starting the CLI", async () => {
  const codex = new Codex({ codexPathOverride: fake.path, config: { limit: Number.NaN } });
  await expect(codex.startThread().run("x")).rejects.toMatchObject({
    code: "INVALID_CONFIG_OVERRIDE",
    message: expect.stringContaining("limit"),
  });
  expect(await fake.records()).toEqual([]);
});
