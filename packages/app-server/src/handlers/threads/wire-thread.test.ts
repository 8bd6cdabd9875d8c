import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { wireThreadFromRollout } from "./wire-thread.js";

const upstreamRollout = fileURLToPath(new URL("../../../../rollout/test/fixtures/upstream-exec-function-call.jsonl", import.meta.url));

describe("wireThreadFromRollout", () => {
  it("takes the preview from the first stored user message item (rollouts without user_message events)", async () => {
    const thread = await wireThreadFromRollout(upstreamRollout, { includeTurns: true });
    expect(thread.preview).toBe("say hello");
    expect(thread.status).toEqual({ type: "notLoaded" });
    expect(thread.turns[0]?.items[0]).toMatchObject({ type: "userMessage", content: [{ type: "text", text: "say hello" }] });
  });
});
