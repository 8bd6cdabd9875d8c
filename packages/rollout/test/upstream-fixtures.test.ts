import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RolloutRecorder, readRollout } from "../src/index.js";
import { tempHome } from "./temp-home.js";

// Rollouts written by the released upstream 0.169 `codex exec` against a scripted mock model: one turn with a
// reasoning item, a function call and its output; one with a web search, a custom tool call (apply_patch) and raw
// reasoning content. The third began as a rollout written by this package (first six lines), which the upstream
// binary then resumed with `codex exec resume <id>`, sending that history to the model and appending its turn.
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const FILES = [
  { name: "upstream-exec-function-call.jsonl", originator: "codex_exec", version: "0.169.0", calls: 1 },
  { name: "upstream-exec-custom-tool.jsonl", originator: "codex_exec", version: "0.169.0", calls: 1 },
  { name: "ours-resumed-by-upstream.jsonl", originator: "codex_cli_rs", version: "0.1.0", calls: 1 },
];

describe.each(FILES)("upstream rollout $name", ({ name, originator, version, calls: callCount }) => {
  const path = join(fixtures, name);

  it("types every record and re-serialises each line byte for byte", async () => {
    const text = await readFile(path, "utf8");
    const contents = await readRollout(path);
    expect(contents.issues).toEqual([]);
    expect(contents.truncatedTail).toBe(false);
    const unknown = contents.records.filter((r) => !r.known).map((r) => [r.lineNumber, r.line.type, !r.known && r.reason]);
    expect(unknown).toEqual([]);
    expect(`${contents.records.map((r) => JSON.stringify(r.line)).join("\n")}\n`).toBe(text);
    expect(contents.meta?.originator).toBe(originator);
    expect(contents.meta?.cli_version).toBe(version);
    expect(contents.meta?.source).toBe("exec");
  });

  it("holds the history items upstream persists", async () => {
    const { records } = await readRollout(path);
    const kinds = new Set(
      records.map((r) => (r.known && (r.line.type === "response_item" || r.line.type === "event_msg") ? `${r.line.type}:${r.line.payload.type}` : r.line.type)),
    );
    for (const kind of ["session_meta", "turn_context", "response_item:message", "event_msg:task_started", "event_msg:token_count", "event_msg:task_complete"]) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    const calls = records.flatMap((r) =>
      r.known && r.line.type === "response_item" && (r.line.payload.type === "function_call" || r.line.payload.type === "custom_tool_call")
        ? [r.line.payload.call_id]
        : [],
    );
    expect(calls).toHaveLength(callCount);
  });

  it("copies into a file of ours byte for byte", async () => {
    const home = await tempHome();
    const { records } = await readRollout(path);
    const recorder = await RolloutRecorder.create({
      codexHome: home,
      cwd: home,
      originator: "codex_cli_rs",
      cliVersion: "0.1.0",
      source: "cli",
      git: null,
    });
    await recorder.recordLines(records.map((r) => r.line));
    await recorder.close();
    const ours = (await readFile(recorder.path, "utf8")).split("\n").slice(1).join("\n");
    expect(ours).toBe(await readFile(path, "utf8"));
  });
});
