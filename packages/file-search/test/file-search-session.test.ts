import { afterEach, describe, expect, it } from "vitest";
import {
  FileSearchSession,
  type FileSearchSessionOptions,
  type SessionCompletedEvent,
  type SessionUpdatedEvent,
} from "../src/index.js";
import { type TempTree, makeTree } from "./tree.js";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tree(files: Record<string, string>): TempTree {
  const created = makeTree(files);
  cleanups.push(() => created.remove());
  return created;
}

/** A session whose events are recorded; `completion(n)` resolves on the n-th completion. */
function recordedSession(options: Omit<FileSearchSessionOptions, "onUpdated" | "onCompleted">) {
  const updates: SessionUpdatedEvent[] = [];
  const completions: SessionCompletedEvent[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const session = FileSearchSession.start({
    ...options,
    onUpdated: (event) => updates.push(event),
    onCompleted: (event) => {
      completions.push(event);
      for (const waiter of waiters.filter((w) => completions.length >= w.count)) waiter.resolve();
    },
  });
  cleanups.push(() => session.stop());
  const completion = (count: number) =>
    new Promise<void>((resolve) => {
      if (completions.length >= count) resolve();
      else waiters.push({ count, resolve });
    });
  return { session, updates, completions, completion };
}

const names = (event: SessionUpdatedEvent | undefined) => (event?.files ?? []).map((f) => f.path);

describe("FileSearchSession", () => {
  it("streams results while the walk runs, then completes", async () => {
    const files: Record<string, string> = { "file.txt": "" };
    for (let i = 0; i < 600; i += 1) files[`dir${i % 60}/file-${i}.txt`] = "";
    const t = tree(files);
    const { session, updates, completions, completion } = recordedSession({
      roots: [t.root],
      concurrency: 1,
      updateIntervalMs: 0,
    });
    session.update("file");
    await completion(1);
    expect(completions).toEqual([{ query: "file" }]);
    expect(updates.some((u) => !u.walkComplete)).toBe(true);
    expect(updates.every((u) => u.query === "file")).toBe(true);
    const last = session.snapshot();
    expect(last.walkComplete).toBe(true);
    expect(last.totalMatchCount).toBe(601);
    expect(last.scannedCount).toBe(661);
    expect(last.files).toHaveLength(50);
    expect(names(updates.at(-1))).toEqual(last.files.map((f) => f.path));
    expect(last.files[0]?.path).toBe("file.txt");
  });

  it("re-ranks without walking again and completes once per query", async () => {
    const t = tree({ "alpha.txt": "", "beta.txt": "", "alphabet.md": "" });
    const { session, updates, completions, completion } = recordedSession({ roots: [t.root] });
    session.update("alpha");
    await completion(1);
    expect(names(updates.at(-1))).toEqual(["alpha.txt", "alphabet.md"]);
    const before = updates.length;
    session.update("beta");
    await completion(2);
    expect(updates.length).toBeGreaterThan(before);
    expect(names(updates.at(-1))).toEqual(["beta.txt"]);
    expect(completions.map((c) => c.query)).toEqual(["alpha", "beta"]);
    expect(session.snapshot().scannedCount).toBe(3);
  });

  it("narrows an extended query to the earlier matches with the same results as a fresh search", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i += 1) files[`pkg${i % 7}/mod_${i}/source-${i}.ts`] = "";
    const t = tree(files);
    const { session, updates, completion } = recordedSession({ roots: [t.root], limit: 20 });
    session.update("so");
    await completion(1);
    session.update("sou");
    await completion(2);
    session.update("sou 1");
    await completion(3);
    const narrowed = updates.at(-1);
    const fresh = recordedSession({ roots: [t.root], limit: 20 });
    fresh.session.update("sou 1");
    await fresh.completion(1);
    expect(narrowed?.files).toEqual(fresh.updates.at(-1)?.files);
    expect(narrowed?.totalMatchCount).toBe(fresh.session.snapshot().totalMatchCount);
  });

  it("reports an update and a completion again for a repeated or unmatched query", async () => {
    const t = tree({ "one.txt": "" });
    const { session, updates, completions, completion } = recordedSession({ roots: [t.root] });
    session.update("zzzz");
    await completion(1);
    session.update("zzzzq");
    await completion(2);
    session.update("zzzzq");
    await completion(3);
    expect(completions.map((c) => c.query)).toEqual(["zzzz", "zzzzq", "zzzzq"]);
    expect(updates.map((u) => [u.query, u.files.length])).toEqual([
      ["zzzz", 0],
      ["zzzzq", 0],
      ["zzzzq", 0],
    ]);
  });

  it("reports an empty query with no files", async () => {
    const t = tree({ "one.txt": "" });
    const { session, updates, completion } = recordedSession({ roots: [t.root] });
    session.update("");
    await completion(1);
    expect(updates.map((u) => [u.query, u.files])).toEqual([["", []]]);
    expect(session.snapshot().walkComplete).toBe(true);
  });

  it("stays silent before the first query and after stop()", async () => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`d${i % 30}/x${i}.txt`, ""]));
    const t = tree(files);
    const { session, updates, completions } = recordedSession({ roots: [t.root], concurrency: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    session.update("x1");
    session.stop();
    await session.walkDone;
    expect(session.isStopped).toBe(true);
    expect(updates).toEqual([]);
    expect(completions).toEqual([]);
    expect(() => session.update("x")).toThrow(expect.objectContaining({ code: "SESSION_STOPPED" }));
  });

  it("keeps the event loop turning while it walks", async () => {
    const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`d${i}/f${i}.txt`, ""]));
    const t = tree(files);
    let timerFiredBeforeCompletion = false;
    let completed = false;
    const { session, completion } = recordedSession({ roots: [t.root], concurrency: 1 });
    session.update("f1");
    setTimeout(() => {
      timerFiredBeforeCompletion = !completed;
    }, 0);
    await completion(1);
    completed = true;
    expect(timerFiredBeforeCompletion).toBe(true);
  });

  it("emits nothing while no query has been set", async () => {
    const t = tree({ "a.txt": "" });
    const { session, updates, completions } = recordedSession({ roots: [t.root] });
    await session.walkDone;
    await new Promise((resolve) => setImmediate(resolve));
    expect(session.walkComplete).toBe(true);
    expect(updates).toEqual([]);
    expect(completions).toEqual([]);
  });
});
