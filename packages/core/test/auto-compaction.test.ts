// A thread near its token limit compacts itself between requests and goes on from the summary.
import { functionCall, message, turn } from "@codex-ts/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { threadFixture } from "./thread-fixture.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("automatic compaction", () => {
  it("summarises the history when the last response reached the limit, then continues the turn", async () => {
    const { server, manager, work, close } = await threadFixture({
      script: [
        turn([functionCall("update_plan", { plan: [{ step: "look", status: "in_progress" }] }, "call_plan")]),
        turn([message("SUMMARY: the plan has one step")]),
        turn([message("done")]),
      ],
      configPrefix: "model_auto_compact_token_limit = 1\n",
    });
    cleanups.push(close);
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
