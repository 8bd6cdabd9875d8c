import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RolloutRecorder } from "@codex-ts/rollout";
import { afterEach, describe, expect, it } from "vitest";
import { threadPage } from "./thread-listing.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A CODEX_HOME with one rollout per entry of `cwds`, the first oldest; returns their ids newest first. */
async function home(cwds: string[]): Promise<{ codexHome: string; newestFirst: Array<{ id: string; cwd: string }> }> {
  const codexHome = await mkdtemp(join(tmpdir(), "thread-listing-"));
  dirs.push(codexHome);
  const made: Array<{ id: string; cwd: string }> = [];
  for (const [index, cwd] of cwds.entries()) {
    const recorder = await RolloutRecorder.create({
      codexHome,
      cwd,
      originator: "test",
      cliVersion: "0.0.0",
      source: "vscode",
      now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, index)),
    });
    await recorder.close();
    made.push({ id: recorder.threadId, cwd });
  }
  return { codexHome, newestFirst: made.reverse() };
}

describe("threadPage", () => {
  it("filters on several directories, paging with a cursor just after each page's last match", async () => {
    const { codexHome, newestFirst } = await home(["/a", "/b", "/c", "/a", "/c", "/b", "/a"]);
    const wanted = newestFirst.filter((entry) => entry.cwd !== "/c").map((entry) => entry.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await threadPage(codexHome, { limit: 2, cwds: ["/a", "/b"], ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.threadId));
      expect(page.items.length).toBeLessThanOrEqual(2);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(wanted);
  });

  it("uses the listing's own filter for one directory", async () => {
    const { codexHome, newestFirst } = await home(["/a", "/b", "/a"]);
    const page = await threadPage(codexHome, { limit: 10, cwds: ["/a"] });
    expect(page.items.map((item) => item.threadId)).toEqual(newestFirst.filter((entry) => entry.cwd === "/a").map((entry) => entry.id));
    expect(page.nextCursor).toBeUndefined();
  });
});
