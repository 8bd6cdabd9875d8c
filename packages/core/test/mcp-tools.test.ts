// MCP tools plug into a thread through McpToolSource: offered under qualified names, called, shown as items.
import { functionCall, message, turn } from "@codex-ts/test-support";
import { afterEach, describe, expect, it } from "vitest";
import type { McpToolSource } from "../src/index.js";
import { threadFixture } from "./thread-fixture.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("MCP tool source", () => {
  it("offers the tools, runs a call and returns its text to the model", async () => {
    const calls: unknown[] = [];
    const source: McpToolSource = {
      listTools: async () => [{ serverName: "docs", tool: { name: "search", description: "Search docs", inputSchema: { type: "object" } } }],
      callTool: async (serverName, toolName, args) => {
        calls.push({ serverName, toolName, args });
        return { content: [{ type: "text", text: "node-pty spawns terminals" }], structuredContent: null };
      },
    };
    const { server, manager, work, close } = await threadFixture({
      script: [turn([functionCall("mcp__docs__search", { q: "pty" }, "call_m")]), turn([message("found it")])],
      mcp: source,
    });
    cleanups.push(close);
    const thread = await manager.startThread({ cwd: work, ephemeral: true });
    const events: string[] = [];
    thread.subscribe((event) => {
      if (event.type === "item_started" || event.type === "item_completed") {
        if (event.item.type === "mcpToolCall") events.push(`${event.type}:${event.item.status}`);
      }
    });
    await thread.startTurn([{ type: "text", text: "search" }]);
    await thread.waitForIdle();

    const tools = (server.responsesRequests[0]!.body as { tools: Array<{ name?: string }> }).tools.map((tool) => tool.name);
    expect(tools).toContain("mcp__docs__search");
    expect(calls).toEqual([{ serverName: "docs", toolName: "search", args: { q: "pty" } }]);
    expect(events).toEqual(["item_started:inProgress", "item_completed:completed"]);
    const second = (server.responsesRequests[1]!.body as { input: Array<{ type: string; output?: string }> }).input;
    expect(second.find((item) => item.type === "function_call_output")?.output).toBe("node-pty spawns terminals");
  });
});
