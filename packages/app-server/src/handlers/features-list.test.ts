import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { FEATURES } from "@codex-ts/features";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFeaturesListHandlers } from "./features-list.js";
import { paginate } from "./pagination.js";
import { TestConnection, testContext } from "./test-context.js";

let root: string;
let list: ReturnType<typeof createFeaturesListHandlers>["experimentalFeature/list"];
let context: ReturnType<typeof testContext>;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "features-list-"));
  const codexHome = path.join(root, "home");
  await mkdir(codexHome);
  await writeFile(path.join(codexHome, "config.toml"), "[features]\napply_patch_streaming_events = true\nshell_tool = false\n");
  list = createFeaturesListHandlers({ codexHome, configOverrides: [], env: { CODEX_SYSTEM_CONFIG_DIR: path.join(root, "etc") } })[
    "experimentalFeature/list"
  ];
  context = testContext(new TestConnection(), { codexHome });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("experimentalFeature/list", () => {
  it("lists every feature with its wire stage and configured state", async () => {
    const { data, nextCursor } = await list!({}, context);
    expect(nextCursor).toBeNull();
    expect(data.map((feature) => feature.name)).toEqual(FEATURES.map((spec) => spec.key));
    expect(data.find((feature) => feature.name === "apply_patch_streaming_events")).toMatchObject({ enabled: true, defaultEnabled: false });
    expect(data.find((feature) => feature.name === "shell_tool")).toMatchObject({ enabled: false, defaultEnabled: true });
    for (const feature of data) {
      expect(["beta", "underDevelopment", "stable", "deprecated", "removed"]).toContain(feature.stage);
      if (feature.stage === "beta") {
        expect(feature.displayName).toEqual(expect.any(String));
        expect(feature.description).toEqual(expect.any(String));
        expect(feature.announcement).toBe("");
      } else {
        expect([feature.displayName, feature.description, feature.announcement]).toEqual([null, null, null]);
      }
    }
  });

  it("pages with offset cursors", async () => {
    const first = await list!({ limit: 2 }, context);
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).toBe("2");
    const second = await list!({ limit: 0, cursor: "2" }, context);
    expect(second.data.map((feature) => feature.name)).toEqual([FEATURES[2]!.key]);
    await expect(list!({ cursor: "x" }, context)).rejects.toMatchObject({ code: -32600, message: "invalid cursor: x" });
    await expect(list!({ cursor: "1000" }, context)).rejects.toMatchObject({
      code: -32600,
      message: `cursor 1000 exceeds total feature flags ${FEATURES.length}`,
    });
  });

  it("reports unknown threads", async () => {
    await expect(list!({ threadId: "0194c3a2-1234-7abc-8def-0123456789ab" }, context)).rejects.toMatchObject({
      code: -32600,
      message: "thread not found: 0194c3a2-1234-7abc-8def-0123456789ab",
    });
    await expect(list!({ threadId: "abc" }, context)).rejects.toMatchObject({ code: -32600, message: expect.stringMatching(/^invalid thread id: /) });
  });
});

describe("paginate", () => {
  it("returns everything without a limit and an empty page at the end", () => {
    expect(paginate([1, 2, 3], undefined, undefined, "things")).toEqual({ data: [1, 2, 3], nextCursor: null });
    expect(paginate([1, 2, 3], "3", 5, "things")).toEqual({ data: [], nextCursor: null });
    expect(paginate([], "7", 5, "things")).toEqual({ data: [], nextCursor: null });
    expect(() => paginate([1], "-1", 1, "things")).toThrow("invalid cursor: -1");
  });
});
