import { fileURLToPath } from "node:url";
import { readRollout } from "@codex-ts/rollout";
import { describe, expect, it } from "vitest";
import { rebuildThread, withAbortedCallOutputs } from "./rebuild-thread.js";
import { storedTurnItem, threadItemOfStored } from "./rollout-items.js";

const fixture = (name: string) => fileURLToPath(new URL(`../../rollout/test/fixtures/${name}`, import.meta.url));

describe("rebuildThread", () => {
  it("rebuilds an upstream 0.169 exec rollout: history and turn items", async () => {
    const contents = await readRollout(fixture("upstream-exec-function-call.jsonl"));
    const rebuilt = rebuildThread(contents.records, contents.meta!.cwd);
    expect(rebuilt.turns).toHaveLength(1);
    const [turn] = rebuilt.turns;
    expect(turn!.status).toBe("completed");
    expect(turn!.items.map((item) => item.type)).toEqual(["userMessage", "reasoning", "commandExecution", "agentMessage"]);
    expect(turn!.items[2]).toMatchObject({ command: "bash -lc 'echo hello'", aggregatedOutput: "hello\n", exitCode: 0, status: "completed" });
    expect(turn!.items[3]).toMatchObject({ text: "Done: hello" });
    const types = rebuilt.history.map((item) => item.type);
    expect(types).toContain("function_call");
    expect(types).toContain("function_call_output");
    expect(rebuilt.tokenUsage?.total.inputTokens).toBe(300);
  });

  it("keeps file changes, web searches and raw reasoning of the custom-tool rollout", async () => {
    const contents = await readRollout(fixture("upstream-exec-custom-tool.jsonl"));
    const rebuilt = rebuildThread(contents.records, contents.meta!.cwd);
    const items = rebuilt.turns.flatMap((turn) => turn.items);
    expect(items.find((item) => item.type === "fileChange")).toMatchObject({ status: "failed", changes: [{ kind: { type: "add" } }] });
    expect(items.find((item) => item.type === "webSearch")).toMatchObject({ query: "weather" });
    expect(items.find((item) => item.type === "reasoning" && item.content.length > 0)).toMatchObject({ content: ["raw thinking"] });
  });

  it("keeps a turn that recorded an error failed, and takes the stored duration", () => {
    const at = (second: number) => `2026-01-01T00:00:0${second}.000Z`;
    const event = (second: number, payload: Record<string, unknown>) => ({
      known: true as const,
      lineNumber: second,
      line: { timestamp: at(second), type: "event_msg" as const, payload: payload as never },
    });
    const records = [
      event(1, { type: "task_started", turn_id: "t1" }),
      event(2, { type: "error", message: "model said no" }),
      event(3, { type: "task_complete", turn_id: "t1", last_agent_message: null, duration_ms: 1234 }),
    ];
    expect(rebuildThread(records, "/w").turns[0]).toMatchObject({
      id: "t1",
      status: "failed",
      error: { message: "model said no" },
      durationMs: 1234,
    });
  });

  it("takes the duration of the upstream rollout's task_complete", async () => {
    const contents = await readRollout(fixture("upstream-exec-function-call.jsonl"));
    expect(rebuildThread(contents.records, contents.meta!.cwd).turns[0]?.durationMs).toBe(402);
  });

  it("treats a turn without an end record as interrupted (a crash)", () => {
    const started = { known: true as const, lineNumber: 2, line: { timestamp: "2026-01-01T00:00:00.000Z", type: "event_msg" as const, payload: { type: "task_started" as const, turn_id: "t1" } } };
    expect(rebuildThread([started], "/w").turns[0]).toMatchObject({ id: "t1", status: "interrupted" });
  });
});

describe("withAbortedCallOutputs", () => {
  it("answers unanswered calls with `aborted` right after them and leaves answered ones alone", () => {
    const history = [
      { type: "function_call" as const, name: "shell", arguments: "{}", call_id: "done" },
      { type: "function_call" as const, name: "shell", arguments: "{}", call_id: "open" },
      { type: "custom_tool_call" as const, name: "apply_patch", input: "x", call_id: "patch" },
      { type: "function_call_output" as const, call_id: "done", output: "ok" },
    ];
    expect(withAbortedCallOutputs(history).map((item) => [item.type, "call_id" in item ? item.call_id : ""])).toEqual([
      ["function_call", "done"],
      ["function_call", "open"],
      ["function_call_output", "open"],
      ["custom_tool_call", "patch"],
      ["custom_tool_call_output", "patch"],
      ["function_call_output", "done"],
    ]);
    const complete = history.slice(0, 1).concat(history.slice(3));
    expect(withAbortedCallOutputs(complete)).toBe(complete);
  });
});

describe("stored turn items", () => {
  it("round-trip through the upstream TurnItem form", () => {
    const items = [
      { type: "userMessage", id: "u", clientId: null, content: [{ type: "text", text: "hi" }, { type: "localImage", path: "/a.png" }] },
      { type: "agentMessage", id: "a", text: "done" },
      { type: "reasoning", id: "r", summary: ["s"], content: [] },
      {
        type: "commandExecution",
        id: "c",
        command: "bash -lc 'echo hi'",
        cwd: "/w",
        processId: null,
        source: "agent",
        status: "completed",
        commandActions: [
          { type: "read", command: "cat a.txt", name: "a.txt", path: "a.txt" },
          { type: "search", command: "rg x", query: "x", path: null },
        ],
        aggregatedOutput: "hi\n",
        exitCode: 0,
        durationMs: 1500,
      },
      { type: "fileChange", id: "f", changes: [{ path: "/w/x", kind: { type: "update", move_path: "/w/y" }, diff: "@@ -1 +1 @@\n-a\n+b\n" }], status: "completed" },
    ] as const;
    for (const item of items) {
      const back = threadItemOfStored(storedTurnItem(item as never)!);
      expect(back).toEqual(item);
    }
  });
});
