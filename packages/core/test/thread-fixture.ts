// A ThreadManager over a temp CODEX_HOME whose config points at a fresh mock Responses server.
import { mkdir, mkdtemp, realpath, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MockResponsesServer, type ScriptEntry, configForMock, startMockResponsesServer } from "@codex-ts/test-support";
import { type McpToolSource, ThreadManager } from "../src/index.js";

export interface ThreadFixture {
  server: MockResponsesServer;
  manager: ThreadManager;
  /** The workspace threads start in. */
  work: string;
  close(): Promise<void>;
}

/** `configPrefix` goes before the mock provider's tables (top-level keys such as token limits). */
export async function threadFixture(options: { script: ScriptEntry[]; configPrefix?: string; mcp?: McpToolSource }): Promise<ThreadFixture> {
  const server = await startMockResponsesServer({ script: options.script });
  const root = await realpath(await mkdtemp(join(tmpdir(), "core-thread-")));
  const home = join(root, "home");
  const work = join(root, "work");
  await mkdir(home);
  await mkdir(work);
  await writeFile(join(home, "config.toml"), `${options.configPrefix ?? ""}${configForMock(server.url, { requestMaxRetries: 0 })}`);
  const manager = new ThreadManager({
    codexHome: home,
    env: { PATH: process.env.PATH, HOME: root, OPENAI_API_KEY: "test", CODEX_SYSTEM_CONFIG_DIR: root },
    cliVersion: "0.0.0",
    originator: "test",
    source: "exec",
    ...(options.mcp ? { mcp: options.mcp } : {}),
  });
  return {
    server,
    manager,
    work,
    close: async () => {
      await manager.shutdown();
      await server.close();
    },
  };
}
