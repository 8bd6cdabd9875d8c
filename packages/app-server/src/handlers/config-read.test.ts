import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConfigReadHandlers } from "./config-read.js";
import type { ServerConfigSource } from "./config-loading.js";
import { TestConnection, testContext } from "./test-context.js";

let root: string;
let codexHome: string;
let source: ServerConfigSource;

// The same contents were read by the upstream 0.169 server, which reported these versions.
const USER_CONFIG = `# top comment
model = "gpt-5.5"  # trailing
approval_policy = "never"

[features]
web_search_request = true

[projects."PROJECT"]
trust_level = "trusted"

[model_providers.foo]
name = "Foo"
base_url = "http://x"
`;
const PROJECT_CONFIG = `model_reasoning_effort = "high"
[sandbox_workspace_write]
network_access = true
`;
const PROJECT_VERSION = "sha256:0f08269fff50c6d70a7b15715a89040cc343078fdc167456f7cef1466e163273";
const EMPTY_VERSION = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

beforeEach(async () => {
  root = await realpath(await mkdtemp(path.join(os.tmpdir(), "config-read-")));
  codexHome = path.join(root, "home");
  await mkdir(codexHome);
  source = {
    codexHome,
    configOverrides: [],
    env: { HOME: root, PATH: process.env.PATH, CODEX_SYSTEM_CONFIG_DIR: path.join(root, "etc") },
  };
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function read(params: { cwd?: string; includeLayers?: boolean }, overrides: string[] = []) {
  const handlers = createConfigReadHandlers({ ...source, configOverrides: overrides });
  return handlers["config/read"]!(params, testContext(new TestConnection(), { codexHome }));
}

async function makeProject(trusted: boolean): Promise<string> {
  const project = path.join(root, "proj");
  await mkdir(path.join(project, ".codex"), { recursive: true });
  await mkdir(path.join(project, ".git"));
  await writeFile(path.join(project, ".codex", "config.toml"), PROJECT_CONFIG);
  await writeFile(path.join(codexHome, "config.toml"), USER_CONFIG.replace("PROJECT", trusted ? project : "/elsewhere"));
  return project;
}

describe("config/read", () => {
  it("reports the effective config, dotted origins and the layers highest precedence first", async () => {
    const project = await makeProject(true);
    const result = await read({ cwd: project, includeLayers: true });

    expect(result.config).toMatchObject({
      model: "gpt-5.5",
      approval_policy: "never",
      model_reasoning_effort: "high",
      review_model: null,
      sandbox_mode: null,
      sandbox_workspace_write: { writable_roots: [], network_access: true, exclude_tmpdir_env_var: false, exclude_slash_tmp: false },
      model_providers: { foo: { name: "Foo", base_url: "http://x" } },
    });
    expect(result.config.features).toMatchObject({ web_search_request: true, apps: true, tool_search: expect.any(Boolean) });

    const userSource = { type: "user", file: path.join(codexHome, "config.toml"), profile: null };
    const projectSource = { type: "project", dotCodexFolder: path.join(project, ".codex") };
    expect(result.origins.model).toEqual({ name: userSource, version: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(result.origins[`projects.${project}.trust_level`]?.name).toEqual(userSource);
    expect(result.origins["sandbox_workspace_write.network_access"]).toEqual({ name: projectSource, version: PROJECT_VERSION });

    expect(result.layers?.map((layer) => layer.name)).toEqual([
      projectSource,
      userSource,
      { type: "system", file: path.join(root, "etc", "config.toml") },
    ]);
    expect(result.layers?.[0]).toEqual({
      name: projectSource,
      version: PROJECT_VERSION,
      config: { model_reasoning_effort: "high", sandbox_workspace_write: { network_access: true } },
    });
    expect(result.layers?.[2]?.version).toBe(EMPTY_VERSION);
    expect(result.layers?.[1]?.version).toBe(result.origins.model?.version);
  });

  it("computes layer versions exactly as upstream does", async () => {
    await writeFile(path.join(codexHome, "config.toml"), USER_CONFIG.replace("PROJECT", "/tmp/proj"));
    const result = await read({});
    expect(result.origins.model?.version).toBe("sha256:047be21fe88cb7efb97218e6ddc36d78ab8a81ea0d28dd8a7e504e02288529d7");
  });

  it("leaves project layers out without a cwd, and omits layers unless asked", async () => {
    await makeProject(true);
    const result = await read({});
    expect(result.layers).toBeUndefined();
    expect(result.config.model_reasoning_effort).toBeNull();
    expect(Object.values(result.origins).some((origin) => origin.name.type === "project")).toBe(false);
  });

  it("lists an untrusted project layer as disabled without applying it", async () => {
    const project = await makeProject(false);
    const result = await read({ cwd: project, includeLayers: true });
    expect(result.config.model_reasoning_effort).toBeNull();
    const projectLayer = result.layers?.find((layer) => layer.name.type === "project");
    expect(projectLayer?.disabledReason).toEqual(expect.any(String));
  });

  it("includes the server's -c overrides as the session flags layer", async () => {
    const result = await read({ includeLayers: true }, ["model=o3", "sandbox_workspace_write.network_access=true"]);
    expect(result.config.model).toBe("o3");
    expect(result.origins.model?.name).toEqual({ type: "sessionFlags" });
    expect(result.layers?.[0]?.name).toEqual({ type: "sessionFlags" });
    expect(result.layers?.at(-1)?.name.type).toBe("system");
  });
});
