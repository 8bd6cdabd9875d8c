import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { type SessionSource, type ThreadId, parseThreadId } from "@codex-ts/protocol";
import { describe, expect, it } from "vitest";
import {
  RolloutRecorder,
  archiveRollout,
  findRolloutByThreadId,
  forkRollout,
  listRollouts,
  readRollout,
  unarchiveRollout,
} from "../src/index.js";
import { tempHome } from "./temp-home.js";

const DAY = 24 * 3600 * 1000;

async function seed(home: string, count: number, pick: (i: number) => { cwd: string; source: SessionSource }) {
  const made: { id: ThreadId; path: string }[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * DAY * 0.4);
    const id = parseThreadId(`019cb6a1-0b79-7000-8000-${String(i).padStart(12, "0")}`);
    const recorder = await RolloutRecorder.create({
      codexHome: home,
      ...pick(i),
      originator: "codex_cli_rs",
      cliVersion: "0.1.0",
      threadId: id,
      git: null,
      now: () => at,
    });
    await recorder.record({ type: "event_msg", payload: { type: "user_message", message: `prompt ${i}` } });
    await recorder.close();
    made.push({ id, path: recorder.path });
  }
  return made;
}

describe("listRollouts", () => {
  it("pages newest first with cursors that stay stable when new sessions appear", async () => {
    const home = await tempHome();
    const made = await seed(home, 7, () => ({ cwd: home, source: "cli" }));
    const newestFirst = [...made].reverse().map((m) => m.id);

    const first = await listRollouts(home, { pageSize: 3 });
    expect(first.items.map((i) => i.threadId)).toEqual(newestFirst.slice(0, 3));
    expect(first.nextCursor).toBeDefined();

    const extraAt = new Date(Date.UTC(2027, 0, 1));
    await (
      await RolloutRecorder.create({ codexHome: home, cwd: home, originator: "o", cliVersion: "v", source: "cli", git: null, now: () => extraAt })
    ).close();

    const second = await listRollouts(home, { pageSize: 3, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.threadId)).toEqual(newestFirst.slice(3, 6));
    const third = await listRollouts(home, { pageSize: 3, cursor: second.nextCursor! });
    expect(third.items.map((i) => i.threadId)).toEqual(newestFirst.slice(6));
    expect(third.nextCursor).toBeUndefined();
    expect(third.items[0]!.meta.cwd).toBe(home);

    await expect(listRollouts(home, { cursor: "garbage" })).rejects.toMatchObject({ code: "bad_cursor" });
    expect(await listRollouts(join(home, "missing"))).toEqual({ items: [] });
  });

  it("filters by cwd and source and skips files without session_meta", async () => {
    const home = await tempHome();
    const other = join(home, "other");
    const made = await seed(home, 6, (i) => ({
      cwd: i % 2 === 0 ? home : other,
      source: i % 3 === 0 ? "exec" : i === 5 ? { subagent: "review" } : "cli",
    }));
    const bad = join(home, "sessions", "2026", "01", "01", "rollout-2026-01-01T23-59-59-019cb6a1-0b79-7000-8000-00000000ffff.jsonl");
    await mkdir(join(bad, ".."), { recursive: true });
    await writeFile(bad, '{"timestamp":"t","type":"event_msg","payload":{"type":"agent_message","message":"x"}}\n');

    const inHome = await listRollouts(home, { cwd: home });
    expect(inHome.items.map((i) => i.threadId)).toEqual([made[4]!.id, made[2]!.id, made[0]!.id]);
    const execOnly = await listRollouts(home, { source: ["exec"] });
    expect(execOnly.items.map((i) => i.threadId)).toEqual([made[3]!.id, made[0]!.id]);
    const sub = await listRollouts(home, { source: ["subagent"], cwd: other });
    expect(sub.items.map((i) => i.threadId)).toEqual([made[5]!.id]);
    expect((await listRollouts(home)).items).toHaveLength(6);
  });
});

describe("find, archive and unarchive", () => {
  it("moves a rollout between sessions/ and archived_sessions/ and still finds it", async () => {
    const home = await tempHome();
    const [a, b] = await seed(home, 2, () => ({ cwd: home, source: "cli" }));
    expect(await findRolloutByThreadId(home, a!.id.toUpperCase())).toBe(a!.path);
    expect(await findRolloutByThreadId(home, "019cb6a1-0b79-7000-8000-0000000000aa")).toBeUndefined();
    await expect(findRolloutByThreadId(home, "nope")).rejects.toMatchObject({ code: "invalid_thread_id" });

    const archived = await archiveRollout(home, a!.path);
    expect(relative(home, archived)).toBe(join("archived_sessions", relative(join(a!.path, ".."), a!.path)));
    expect(existsSync(a!.path)).toBe(false);
    expect((await listRollouts(home)).items.map((i) => i.threadId)).toEqual([b!.id]);
    expect((await listRollouts(home, { archived: true })).items.map((i) => i.threadId)).toEqual([a!.id]);
    expect(await findRolloutByThreadId(home, a!.id)).toBe(archived);
    expect(await findRolloutByThreadId(home, a!.id, { includeArchived: false })).toBeUndefined();
    await expect(archiveRollout(home, archived)).rejects.toMatchObject({ code: "not_in_sessions" });
    await expect(unarchiveRollout(home, b!.path)).rejects.toMatchObject({ code: "not_in_archive" });

    const restored = await unarchiveRollout(home, archived);
    expect(restored).toBe(a!.path);
    expect((await readRollout(restored)).meta?.id).toBe(a!.id);
    await expect(archiveRollout(home, join(home, "notes.txt"))).rejects.toMatchObject({ code: "bad_file_name" });
  });
});

describe("forkRollout", () => {
  it("copies history up to a point into a new thread's file", async () => {
    const home = await tempHome();
    const source = await RolloutRecorder.create({
      codexHome: home,
      cwd: home,
      originator: "codex_cli_rs",
      cliVersion: "0.1.0",
      source: "vscode",
      modelProvider: "openai",
      git: { commit_hash: "abc", branch: "main" },
    });
    for (const message of ["one", "two", "three"]) {
      await source.record({ type: "event_msg", payload: { type: "user_message", message } });
    }
    await source.recordLines([{ timestamp: "t", type: "hologram", payload: { keep: true } }]);
    await source.close();

    const whole = await forkRollout({ codexHome: home, sourcePath: source.path });
    const copy = await readRollout(whole.path);
    expect(copy.records.slice(1).map((r) => JSON.stringify(r.line))).toEqual(
      (await readRollout(source.path)).records.slice(1).map((r) => JSON.stringify(r.line)),
    );

    const partial = await forkRollout({ codexHome: home, sourcePath: source.path, upToIndex: 3 });
    expect(partial.threadId).not.toBe(source.threadId);
    const forked = await readRollout(partial.path);
    expect(forked.meta).toMatchObject({
      id: partial.threadId,
      forked_from_id: source.threadId,
      cwd: home,
      source: "vscode",
      model_provider: "openai",
      git: { commit_hash: "abc", branch: "main" },
    });
    expect(Object.keys(forked.meta!).slice(0, 2)).toEqual(["id", "forked_from_id"]);
    expect(
      forked.records.flatMap((r) => (r.known && r.line.type === "event_msg" && r.line.payload.type === "user_message" ? [r.line.payload.message] : [])),
    ).toEqual(["one", "two"]);
    expect(await findRolloutByThreadId(home, partial.threadId)).toBe(partial.path);
    await expect(forkRollout({ codexHome: home, sourcePath: source.path, upToIndex: 99 })).rejects.toMatchObject({
      code: "bad_fork_point",
    });
  });
});
