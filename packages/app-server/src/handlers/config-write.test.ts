import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { RpcError } from "@codex-ts/app-server-protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConfigReadHandlers } from "./config-read.js";
import type { ServerConfigSource } from "./config-loading.js";
import { createConfigWriteHandlers } from "./config-write.js";
import { TestConnection, testContext } from "./test-context.js";

let root: string;
let codexHome: string;
let userFile: string;
let source: ServerConfigSource;
let context: ReturnType<typeof testContext>;

const COMMENTED = `# My settings
model = "gpt-5.5" # the usual one

# Approvals
approval_policy = "on-request"

[features]
# keep this on
web_search_request = true
`;

beforeEach(async () => {
  root = await realpath(await mkdtemp(path.join(os.tmpdir(), "config-write-")));
  codexHome = path.join(root, "home");
  await mkdir(codexHome);
  userFile = path.join(codexHome, "config.toml");
  source = { codexHome, configOverrides: [], env: { HOME: root, CODEX_SYSTEM_CONFIG_DIR: path.join(root, "etc") } };
  context = testContext(new TestConnection(), { codexHome });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function writer(overrides: string[] = []) {
  return createConfigWriteHandlers({ ...source, configOverrides: overrides });
}

async function userVersion(): Promise<string> {
  const result = await createConfigReadHandlers(source)["config/read"]!({ includeLayers: true }, context);
  return result.layers!.find((layer) => layer.name.type === "user")!.version;
}

async function writeFailure(promise: Promise<unknown>): Promise<{ code: number; message: string; data: unknown }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RpcError);
    const rpc = error as RpcError;
    return { code: rpc.code, message: rpc.message, data: rpc.data };
  }
  throw new Error("expected the write to fail");
}

describe("config/value/write", () => {
  it("changes one value and keeps every comment", async () => {
    await writeFile(userFile, COMMENTED);
    const result = await writer()["config/value/write"]!({ keyPath: "model", value: "o3", mergeStrategy: "replace" }, context);
    expect(result).toEqual({ status: "ok", version: await userVersion(), filePath: userFile, overriddenMetadata: null });
    expect(await readFile(userFile, "utf8")).toBe(COMMENTED.replace('"gpt-5.5"', '"o3"'));
  });

  it("adds keys inside existing tables and creates missing ones", async () => {
    await writeFile(userFile, COMMENTED);
    await writer()["config/value/write"]!({ keyPath: "features.shell_snapshot", value: false, mergeStrategy: "replace" }, context);
    await writer()["config/value/write"]!(
      { keyPath: "sandbox_workspace_write", value: { network_access: true, writable_roots: ["/data"] }, mergeStrategy: "replace" },
      context,
    );
    const text = await readFile(userFile, "utf8");
    expect(text).toContain("# keep this on\nweb_search_request = true\nshell_snapshot = false");
    expect(text).toContain("# My settings");
    const config = (await createConfigReadHandlers(source)["config/read"]!({}, context)).config;
    expect(config.sandbox_workspace_write).toMatchObject({ network_access: true, writable_roots: ["/data"] });
  });

  it("merges tables with upsert and replaces them with replace", async () => {
    await writeFile(userFile, COMMENTED);
    await writer()["config/value/write"]!({ keyPath: "features", value: { shell_snapshot: true }, mergeStrategy: "upsert" }, context);
    let features = (await createConfigReadHandlers(source)["config/read"]!({}, context)).config.features as Record<string, unknown>;
    expect(features).toMatchObject({ web_search_request: true, shell_snapshot: true });
    expect(await readFile(userFile, "utf8")).toContain("# keep this on");

    await writer()["config/value/write"]!({ keyPath: "features", value: { undo: true }, mergeStrategy: "replace" }, context);
    features = (await createConfigReadHandlers(source)["config/read"]!({}, context)).config.features as Record<string, unknown>;
    expect(features.web_search_request).toBeUndefined();
    expect(features.undo).toBe(true);
  });

  it("removes a key when the value is null and reports a missing parent", async () => {
    await writeFile(userFile, COMMENTED);
    await writer()["config/value/write"]!({ keyPath: "model", value: null, mergeStrategy: "replace" }, context);
    expect(await readFile(userFile, "utf8")).not.toContain("gpt-5.5");
    expect(await writeFailure(writer()["config/value/write"]!({ keyPath: "nope.deeper", value: null, mergeStrategy: "replace" }, context))).toEqual({
      code: -32600,
      message: "Path not found",
      data: { config_write_error_code: "configPathNotFound" },
    });
  });

  it("checks expectedVersion and rejects a stale one", async () => {
    await writeFile(userFile, COMMENTED);
    const version = await userVersion();
    const first = await writer()["config/value/write"]!(
      { keyPath: "model", value: "a", mergeStrategy: "replace", expectedVersion: version },
      context,
    );
    expect(first.version).not.toBe(version);
    expect(
      await writeFailure(
        writer()["config/value/write"]!({ keyPath: "model", value: "b", mergeStrategy: "replace", expectedVersion: version }, context),
      ),
    ).toEqual({
      code: -32600,
      message: "Configuration was modified since last read. Fetch latest version and retry.",
      data: { config_write_error_code: "configVersionConflict" },
    });
    expect(await readFile(userFile, "utf8")).toContain('model = "a"');
  });

  it("validates values against the config model and leaves the file alone on failure", async () => {
    await writeFile(userFile, COMMENTED);
    const badPolicy = await writeFailure(
      writer()["config/value/write"]!({ keyPath: "approval_policy", value: "sometimes", mergeStrategy: "replace" }, context),
    );
    expect(badPolicy.code).toBe(-32600);
    expect(badPolicy.data).toEqual({ config_write_error_code: "configValidationError" });
    expect(badPolicy.message).toMatch(/^Invalid configuration: unknown variant `sometimes`, expected one of .*\nin `approval_policy`\n$/);

    const badType = await writeFailure(
      writer()["config/value/write"]!({ keyPath: "model_context_window", value: "big", mergeStrategy: "replace" }, context),
    );
    expect(badType.message).toMatch(/^Invalid configuration: invalid type: string "big", expected .*\nin `model_context_window`\n$/);
    expect(await readFile(userFile, "utf8")).toBe(COMMENTED);

    expect(await writeFailure(writer()["config/value/write"]!({ keyPath: " ", value: 1, mergeStrategy: "replace" }, context))).toEqual({
      code: -32600,
      message: "keyPath must not be empty",
      data: { config_write_error_code: "configValidationError" },
    });
  });

  it("only writes the user config", async () => {
    const other = path.join(root, "other.toml");
    expect(
      await writeFailure(writer()["config/value/write"]!({ keyPath: "model", value: "x", mergeStrategy: "replace", filePath: other }, context)),
    ).toEqual({
      code: -32600,
      message: "Only writes to the user config are allowed",
      data: { config_write_error_code: "configLayerReadonly" },
    });
    const explicit = await writer()["config/value/write"]!(
      { keyPath: "model", value: "x", mergeStrategy: "replace", filePath: userFile },
      context,
    );
    expect(explicit.filePath).toBe(userFile);
  });

  it("creates a missing config.toml", async () => {
    const result = await writer()["config/value/write"]!({ keyPath: "model", value: "o3", mergeStrategy: "replace" }, context);
    expect(result.status).toBe("ok");
    expect(await readFile(userFile, "utf8")).toContain('model = "o3"');
  });

  it("says when a higher layer overrides the written value", async () => {
    const result = await writer(["model=o3"])["config/value/write"]!({ keyPath: "model", value: "x", mergeStrategy: "replace" }, context);
    expect(result.status).toBe("okOverridden");
    expect(result.overriddenMetadata).toEqual({
      message: "Overridden by session flags",
      overridingLayer: { name: { type: "sessionFlags" }, version: expect.stringMatching(/^sha256:/) },
      effectiveValue: "o3",
    });
  });
});

describe("config/batchWrite", () => {
  it("applies every edit or none", async () => {
    await writeFile(userFile, COMMENTED);
    const result = await writer()["config/batchWrite"]!(
      {
        edits: [
          { keyPath: "model", value: "o4", mergeStrategy: "replace" },
          { keyPath: "model_reasoning_effort", value: "high", mergeStrategy: "replace" },
        ],
        expectedVersion: await userVersion(),
      },
      context,
    );
    expect(result.version).toBe(await userVersion());
    const text = await readFile(userFile, "utf8");
    expect(text).toContain('model = "o4" # the usual one');
    expect(text).toContain('model_reasoning_effort = "high"');

    const failed = await writeFailure(
      writer()["config/batchWrite"]!(
        {
          edits: [
            { keyPath: "model", value: "o5", mergeStrategy: "replace" },
            { keyPath: "sandbox_mode", value: "everything", mergeStrategy: "replace" },
          ],
        },
        context,
      ),
    );
    expect(failed.data).toEqual({ config_write_error_code: "configValidationError" });
    expect(await readFile(userFile, "utf8")).toBe(text);
  });
});
