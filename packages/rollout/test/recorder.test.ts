import { appendFile, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { parseThreadId } from "@codex-ts/protocol";
import { describe, expect, it } from "vitest";
import { RolloutError, RolloutRecorder, localStamp, readRollout, sessionGitInfo } from "../src/index.js";
import { steppingClock, tempHome } from "./temp-home.js";

const base = { originator: "codex_cli_rs", cliVersion: "0.1.0", source: "cli" as const, git: null };

describe("RolloutRecorder", () => {
  it("writes sessions/YYYY/MM/DD/rollout-<local stamp>-<id>.jsonl and reads it back", async () => {
    const home = await tempHome();
    const start = Date.UTC(2026, 2, 4, 5, 6, 7, 89);
    const threadId = parseThreadId("019cb6a1-0b79-7000-8000-000000000001");
    const recorder = await RolloutRecorder.create({
      ...base,
      codexHome: home,
      cwd: home,
      threadId,
      modelProvider: "openai",
      baseInstructions: "Be brief.",
      now: steppingClock(start),
    });
    const created = new Date(start);
    const day = `${created.getFullYear()}/${String(created.getMonth() + 1).padStart(2, "0")}/${String(created.getDate()).padStart(2, "0")}`;
    expect(relative(home, recorder.path)).toBe(join("sessions", day, `rollout-${localStamp(created)}-${threadId}.jsonl`));

    await recorder.record(
      { type: "event_msg", payload: { type: "user_message", message: "hi" } },
      { type: "response_item", payload: { type: "message", role: "user", content: [{ type: "input_text", text: "hi" }] } },
    );
    await recorder.record({
      type: "response_item",
      payload: { type: "function_call", name: "shell", arguments: "{}", call_id: "c1" },
    });
    await recorder.close();
    await expect(recorder.record({ type: "compacted", payload: { message: "x" } })).rejects.toMatchObject({
      code: "recorder_closed",
    });

    const text = await readFile(recorder.path, "utf8");
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!)).toEqual({
      timestamp: "2026-03-04T05:06:07.089Z",
      type: "session_meta",
      payload: {
        id: threadId,
        timestamp: "2026-03-04T05:06:07.089Z",
        cwd: home,
        originator: "codex_cli_rs",
        cli_version: "0.1.0",
        source: "cli",
        model_provider: "openai",
        base_instructions: { text: "Be brief." },
      },
    });
    expect(Object.keys(JSON.parse(lines[1]!))).toEqual(["timestamp", "type", "payload"]);

    const contents = await readRollout(recorder.path);
    expect(contents.issues).toEqual([]);
    expect(contents.truncatedTail).toBe(false);
    expect(contents.meta?.id).toBe(threadId);
    expect(contents.records.map((r) => [r.known, r.line.type, r.lineNumber])).toEqual([
      [true, "session_meta", 1],
      [true, "event_msg", 2],
      [true, "response_item", 3],
      [true, "response_item", 4],
    ]);
    expect(contents.records.map((r) => JSON.stringify(r.line))).toEqual(lines);
  });

  it("records git facts converted from git-utils' shape", async () => {
    const home = await tempHome();
    const git = sessionGitInfo({ commitHash: "0a1b2c", branch: "main", repositoryUrl: "https://example.com/r.git" });
    expect(sessionGitInfo(undefined)).toBeNull();
    expect(sessionGitInfo({ branch: "dev" })).toEqual({ branch: "dev" });
    const recorder = await RolloutRecorder.create({ ...base, git, codexHome: home, cwd: home });
    await recorder.close();
    const meta = (await readRollout(recorder.path)).meta!;
    expect(meta.git).toEqual({ commit_hash: "0a1b2c", branch: "main", repository_url: "https://example.com/r.git" });
    expect(Object.keys(meta).at(-1)).toBe("git");
  });

  it("refuses to overwrite an existing rollout", async () => {
    const home = await tempHome();
    const options = { ...base, codexHome: home, cwd: home, threadId: parseThreadId("019cb6a1-0b79-7000-8000-000000000002"), now: () => new Date(0) };
    await (await RolloutRecorder.create(options)).close();
    await expect(RolloutRecorder.create(options)).rejects.toBeInstanceOf(RolloutError);
  });

  it("ignores a truncated last line, reports other corrupt lines with file:line, and resumes cleanly", async () => {
    const home = await tempHome();
    const recorder = await RolloutRecorder.create({ ...base, codexHome: home, cwd: home });
    await recorder.record({ type: "event_msg", payload: { type: "agent_message", message: "one" } });
    await recorder.close();
    await appendFile(recorder.path, '{"timestamp":"2026-01-01T00:00:00.000Z","type":"event_msg","payload":{"type":"agent_mes');

    const truncated = await readRollout(recorder.path);
    expect(truncated.truncatedTail).toBe(true);
    expect(truncated.issues).toEqual([]);
    expect(truncated.records).toHaveLength(2);

    const resumed = await RolloutRecorder.resume(recorder.path);
    expect(resumed.threadId).toBe(recorder.threadId);
    await resumed.record({ type: "event_msg", payload: { type: "agent_message", message: "two" } });
    await resumed.close();
    const after = await readRollout(recorder.path);
    expect(after.truncatedTail).toBe(false);
    expect(after.records.map((r) => r.lineNumber)).toEqual([1, 2, 4]);
    expect(after.issues).toHaveLength(1);
    expect(after.issues[0]!.message).toMatch(new RegExp(`^${escapeRegExp(recorder.path)}:3: not valid JSON`));
    await expect(readRollout(recorder.path, { strict: true })).rejects.toMatchObject({ code: "corrupt_line" });
  });

  it("keeps well-formed lines of unknown types and reports non-rollout objects", async () => {
    const home = await tempHome();
    const path = join(home, "rollout-2026-01-01T00-00-00-019cb6a1-0b79-7000-8000-000000000003.jsonl");
    await writeFile(path, ['{"timestamp":"t","type":"hologram","payload":{"z":1,"a":2}}', '{"nope":true}', ""].join("\n"));
    const contents = await readRollout(path);
    expect(contents.records).toHaveLength(1);
    expect(contents.records[0]!.known).toBe(false);
    expect(JSON.stringify(contents.records[0]!.line)).toBe('{"timestamp":"t","type":"hologram","payload":{"z":1,"a":2}}');
    expect(contents.issues.map((i) => i.message)).toEqual([expect.stringMatching(/:2: not a rollout line/)]);
    expect(contents.meta).toBeUndefined();
    expect(basename(dirname(path))).toBe(basename(home));
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
