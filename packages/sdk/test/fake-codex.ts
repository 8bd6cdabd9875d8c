import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** What the fake CLI does on its next run. */
export type FakeScenario = {
  /** stdout lines: objects are printed as JSON, strings as they are. */
  lines?: (object | string)[];
  stderr?: string;
  exitCode?: number;
  /** Print the lines, then keep running until killed. */
  hang?: boolean;
};

/** What one run of the fake CLI received. */
export type FakeRecord = {
  pid: number;
  argv: string[];
  env: Record<string, string>;
  stdin: string;
  schema: { path: string; exists: boolean; content: string | null } | null;
};

export type FakeCodex = {
  /** The executable to pass as `codexPathOverride`. */
  path: string;
  setScenario(scenario: FakeScenario): Promise<void>;
  /** Every run so far, oldest first. */
  records(): Promise<FakeRecord[]>;
  cleanup(): Promise<void>;
};

const SOURCE = fileURLToPath(new URL("./fake-codex.mjs", import.meta.url));

/**
 * Copies the fake `codex` into a fresh directory and makes it executable. The shebang names the current
 * Node.js binary so the fake starts even when the SDK's `env` option leaves out PATH.
 */
export async function createFakeCodex(scenario: FakeScenario = {}): Promise<FakeCodex> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "codex-sdk-fake-"));
  const executable = path.join(dir, "codex");
  const source = await readFile(SOURCE, "utf8");
  await writeFile(executable, source.replace(/^#!.*\n/, `#!${process.execPath}\n`));
  await chmod(executable, 0o755);
  const fake: FakeCodex = {
    path: executable,
    setScenario: (next) => writeFile(path.join(dir, "scenario.json"), JSON.stringify(next)),
    records: async () => {
      const text = await readFile(path.join(dir, "records.jsonl"), "utf8").catch(() => "");
      return text
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as FakeRecord);
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
  await fake.setScenario(scenario);
  return fake;
}

/** The event lines of an ordinary successful turn. */
export function successfulTurn(threadId = "thread_fake_1", text = "Done."): object[] {
  return [
    { type: "thread.started", thread_id: threadId },
    { type: "turn.started" },
    {
      type: "item.started",
      item: { id: "item_0", type: "command_execution", command: "bash -lc ls", aggregated_output: "", status: "in_progress" },
    },
    {
      type: "item.completed",
      item: {
        id: "item_0",
        type: "command_execution",
        command: "bash -lc ls",
        aggregated_output: "a\nb\n",
        exit_code: 0,
        status: "completed",
      },
    },
    { type: "item.completed", item: { id: "item_1", type: "reasoning", text: "Listing files." } },
    { type: "item.completed", item: { id: "item_2", type: "agent_message", text: "Looking." } },
    { type: "item.completed", item: { id: "item_3", type: "agent_message", text } },
    { type: "turn.completed", usage: { input_tokens: 42, cached_input_tokens: 12, cache_write_input_tokens: 0, output_tokens: 7, reasoning_output_tokens: 3 } },
  ];
}
