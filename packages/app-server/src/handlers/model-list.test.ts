import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { builtInModels } from "./model-catalog.js";
import { createModelListHandlers } from "./model-list.js";
import { TestConnection, testContext } from "./test-context.js";

let root: string;
let codexHome: string;
let server: Server | undefined;
let seen: Array<{ url: string; headers: IncomingHttpHeaders }>;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "model-list-"));
  codexHome = path.join(root, "home");
  await mkdir(codexHome);
  seen = [];
});

afterEach(async () => {
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  server = undefined;
  await rm(root, { recursive: true, force: true });
});

/** Serves `body` as JSON on 127.0.0.1 and returns the base URL. */
async function serve(body: unknown, status = 200): Promise<string> {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? "", headers: request.headers });
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1`;
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function list(env: NodeJS.ProcessEnv) {
  const handlers = createModelListHandlers(
    { codexHome, configOverrides: [], env: { CODEX_SYSTEM_CONFIG_DIR: path.join(root, "etc"), ...env } },
    { fetchTimeoutMs: 2000 },
  );
  const context = testContext(new TestConnection(), { codexHome });
  return (params: Parameters<NonNullable<typeof handlers["model/list"]>>[0]) => handlers["model/list"]!(params, context);
}

describe("model/list", () => {
  it("lists the models of a configured provider, authenticated with its env_key", async () => {
    const base = await serve({
      models: [
        { slug: "second", display_name: "Second", priority: 2, visibility: "list", supported_reasoning_levels: [{ effort: "low" }], default_reasoning_level: "low" },
        { slug: "first", display_name: "First", description: "The first one", priority: 1, visibility: "list" },
        { slug: "secret", priority: 3, visibility: "hide" },
      ],
    });
    await writeFile(
      path.join(codexHome, "config.toml"),
      `model_provider = "corp"\nmodel = "second"\n[model_providers.corp]\nname = "Corp"\nbase_url = "${base}"\nenv_key = "CORP_KEY"\n`,
    );
    const call = list({ CORP_KEY: "sekret" });
    const result = await call({});
    expect(result.data.map((model) => [model.id, model.displayName, model.isDefault])).toEqual([
      ["first", "First", false],
      ["second", "Second", true],
    ]);
    expect(result.data[1]!.supportedReasoningEfforts.map((option) => option.reasoningEffort)).toEqual(["low"]);
    expect(seen[0]).toMatchObject({ url: "/v1/models", headers: { authorization: "Bearer sekret" } });
    expect((await call({ includeHidden: true })).data.map((model) => model.id)).toEqual(["first", "second", "secret"]);
  });

  it("understands the OpenAI list shape behind OPENAI_BASE_URL", async () => {
    const base = await serve({ object: "list", data: [{ id: "gpt-5.5", object: "model" }, { id: "local-model", object: "model" }] });
    const result = await list({ OPENAI_BASE_URL: base, OPENAI_API_KEY: "k" })({ limit: 1 });
    expect(result).toMatchObject({ nextCursor: "1", data: [{ id: "gpt-5.5", displayName: "GPT-5.5", isDefault: true }] });
    expect(seen[0]?.headers.authorization).toBe("Bearer k");
    const rest = await list({ OPENAI_BASE_URL: base, OPENAI_API_KEY: "k" })({ cursor: "1" });
    expect(rest.data[0]).toMatchObject({ id: "local-model", displayName: "local-model", defaultReasoningEffort: "medium" });
  });

  it("falls back to the built-in list when the provider is unreachable or answers badly", async () => {
    const port = await closedPort();
    const visible = builtInModels().filter((model) => !model.hidden);
    const unreachable = await list({ OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` })({});
    expect(unreachable.data.map((model) => model.id)).toEqual(visible.map((model) => model.id));
    expect(unreachable.data.filter((model) => model.isDefault)).toHaveLength(1);

    const base = await serve({ error: "nope" }, 500);
    expect((await list({ OPENAI_BASE_URL: base })({})).data).toHaveLength(visible.length);
  });

  it("pages and rejects bad cursors and unknown providers like upstream", async () => {
    const port = await closedPort();
    const call = list({ OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` });
    const page = await call({ limit: 2, cursor: "1" });
    expect(page.nextCursor).toBe("3");
    await expect(call({ cursor: "abc" })).rejects.toMatchObject({ code: -32600, message: "invalid cursor: abc" });
    const total = builtInModels().filter((model) => !model.hidden).length;
    await expect(call({ cursor: "100" })).rejects.toMatchObject({ message: `cursor 100 exceeds total models ${total}` });
    await expect(call({ modelProvider: "nope" })).rejects.toMatchObject({
      code: -32600,
      data: { type: "modelProviderNotConfigured", modelProvider: "nope" },
    });
  });
});
