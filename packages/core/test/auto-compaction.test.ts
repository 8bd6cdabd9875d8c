// A thread near its token limit compacts itself between requests and goes on from the summary.
import { mkdir, mkdtemp, realpath, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configForMock, functionCall, message, startMockResponsesServer, turn } from "@codex-ts/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { ThreadManager } from "../src/index.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("automatic compaction", () => {
  it("summarises the history when the last response reached the limit, then continues the turn", async () => {
    const server = await startMockResponsesServer({
      script: [
        turn([functionCall("update_plan", { plan: [{ step: "look", status: "in_progress" }] }, "call_plan")]),
        turn([message("SUMMARY: the plan has one step")]),
        turn([message("done")]),
      ],
    });
    cleanups.push(() => server.close());
    const root = await realpath(await mkdtemp(join(tmpdir(), "core-compact-")));
    const home = join(root, "home");
    const work = join(root, "work");
    await mkdir(home);
    await mkdir(work);
    await writeFile(join(home, "config.toml"), `model_auto_compact_token_limit = 1\n${configForMock(server.url, { requestMaxRetries: 0 })}`);
    const manager = new ThreadManager({
      codexHome: home,
      env: { PATH: process.env.PATH, HOME: root, OPENAI_API_KEY: "test", CODEX_SYSTEM_CONFIG_DIR: root },
      cliVersion: "0.0.0",
      originator: "test",
      source: "exec",
    });
    cleanups.push(() => manager.shutdown());
    const thread = await manager.startThread({ cwd: work });
    const items: string[] = [];
    thread.subscribe((event) => {
      if (event.type === "item_completed") items.push(event.item.type);
    });
    await thread.startTurn([{ type: "text", text: "plan it" }]);
    await thread.waitForIdle();

    expect(thread.turns.at(-1)?.status).toBe("completed");
    expect(server.responsesRequests).toHaveLength(3);
    const compactRequest = JSON.stringify(server.responsesRequests[1]!.body);
    expect(compactRequest).toContain("handing this task over");
    const after = JSON.stringify((server.responsesRequests[2]!.body as { input: unknown }).input);
    expect(after).toContain("SUMMARY: the plan has one step");
    expect(after).toContain("plan it");
    expect(after).not.toContain("call_plan");
    expect(items).toContain("contextCompaction");
    expect(items.at(-1)).toBe("agentMessage");
  });
});
