// MCP tools plug into a thread through McpToolSource: offered under qualified names, called, shown as items.
import { mkdir, mkdtemp, realpath, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configForMock, functionCall, message, startMockResponsesServer, turn } from "@codex-ts/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { type McpToolSource, ThreadManager } from "../src/index.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("MCP tool source", () => {
  it("offers the tools, runs a call and returns its text to the model", async () => {
    const server = await startMockResponsesServer({
      script: [turn([functionCall("mcp__docs__search", { q: "pty" }, "call_m")]), turn([message("found it")])],
    });
    cleanups.push(() => server.close());
    const root = await realpath(await mkdtemp(join(tmpdir(), "core-mcp-")));
    const home = join(root, "home");
    const work = join(root, "work");
    await mkdir(home);
    await mkdir(work);
    await writeFile(join(home, "config.toml"), configForMock(server.url, { requestMaxRetries: 0 }));
    const calls: unknown[] = [];
    const source: McpToolSource = {
      listTools: async () => [{ serverName: "docs", tool: { name: "search", description: "Search docs", inputSchema: { type: "object" } } }],
      callTool: async (serverName, toolName, args) => {
        calls.push({ serverName, toolName, args });
        return { content: [{ type: "text", text: "node-pty spawns terminals" }], structuredContent: null };
      },
    };
    const manager = new ThreadManager({
      codexHome: home,
      env: { PATH: process.env.PATH, HOME: root, OPENAI_API_KEY: "test", CODEX_SYSTEM_CONFIG_DIR: root },
      cliVersion: "0.0.0",
      originator: "test",
      source: "exec",
      mcp: source,
    });
    cleanups.push(() => manager.shutdown());
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
