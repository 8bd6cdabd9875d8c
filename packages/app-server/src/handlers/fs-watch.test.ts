import { appendFile, mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { RpcError } from "@codex-ts/app-server-protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFsWatchHandlers } from "./fs-watch.js";
import { TestConnection, testContext } from "./test-context.js";

let root: string;
let connection: TestConnection;
let context: ReturnType<typeof testContext>;
const handlers = createFsWatchHandlers({ debounceMs: 50 });

beforeEach(async () => {
  root = await realpath(await mkdtemp(path.join(os.tmpdir(), "fs-watch-")));
  connection = new TestConnection();
  context = testContext(connection, { codexHome: root });
});

afterEach(async () => {
  await connection.close();
  await rm(root, { recursive: true, force: true });
});

/** Repeats a change until a notification arrives, since a watcher may start a moment after the request. */
async function changeUntilNotified<T>(change: () => Promise<void>, waiting: Promise<T>): Promise<T> {
  let done = false;
  const result = waiting.finally(() => {
    done = true;
  });
  const poke = async (): Promise<void> => {
    for (let attempt = 0; attempt < 50 && !done; attempt += 1) {
      await change();
      await Promise.race([result.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 100))]);
    }
  };
  await Promise.all([poke(), result]);
  return result;
}

describe("fs/watch", () => {
  it("reports changes to the direct entries of a directory, coalesced and sorted", async () => {
    const dir = path.join(root, "d");
    await mkdir(path.join(dir, "sub"), { recursive: true });
    const response = await handlers["fs/watch"]!({ watchId: "w1", path: `${dir}/../d` }, context);
    expect(response).toEqual({ path: dir });
    const notified = await changeUntilNotified(
      async () => {
        await appendFile(path.join(dir, "b.txt"), "x");
        await appendFile(path.join(dir, "a.txt"), "x");
      },
      connection.waitFor("fs/changed", (params) => params.changedPaths.length >= 2),
    );
    expect(notified.watchId).toBe("w1");
    expect(notified.changedPaths).toEqual([path.join(dir, "a.txt"), path.join(dir, "b.txt")]);
  });

  it("watches a single file and a path that does not exist yet", async () => {
    const file = path.join(root, "file.txt");
    await writeFile(file, "a");
    await writeFile(path.join(root, "other.txt"), "a");
    await handlers["fs/watch"]!({ watchId: "file", path: file }, context);
    await handlers["fs/watch"]!({ watchId: "later", path: path.join(root, "later", "deep.txt") }, context);

    const fileChange = await changeUntilNotified(
      async () => {
        await appendFile(path.join(root, "other.txt"), "x");
        await appendFile(file, "x");
      },
      connection.waitFor("fs/changed", (params) => params.watchId === "file"),
    );
    expect(fileChange.changedPaths).toEqual([file]);

    const created = await changeUntilNotified(
      async () => {
        await mkdir(path.join(root, "later"), { recursive: true });
        await appendFile(path.join(root, "later", "deep.txt"), "x");
      },
      connection.waitFor("fs/changed", (params) => params.watchId === "later"),
    );
    expect(created.changedPaths).toEqual([path.join(root, "later", "deep.txt")]);
    expect(connection.received("fs/changed").every((params) => params.watchId !== "file" || params.changedPaths.every((p) => p === file))).toBe(true);
  });

  it("rejects a duplicate watchId and relative paths", async () => {
    await handlers["fs/watch"]!({ watchId: "same", path: root }, context);
    await expect(handlers["fs/watch"]!({ watchId: "same", path: root }, context)).rejects.toMatchObject({
      code: -32600,
      message: "watchId already exists: same",
    });
    await expect(handlers["fs/watch"]!({ watchId: "rel", path: "some/dir" }, context)).rejects.toBeInstanceOf(RpcError);
  });

  it("stops notifying after fs/unwatch and after the connection closes", async () => {
    await handlers["fs/watch"]!({ watchId: "w", path: root }, context);
    await changeUntilNotified(
      () => appendFile(path.join(root, "one"), "x"),
      connection.waitFor("fs/changed", (params) => params.watchId === "w"),
    );
    expect(await handlers["fs/unwatch"]!({ watchId: "w" }, context)).toEqual({});
    expect(await handlers["fs/unwatch"]!({ watchId: "unknown" }, context)).toEqual({});
    const before = connection.received("fs/changed").length;

    // A second watch proves that events still flow while the removed one stays silent.
    await handlers["fs/watch"]!({ watchId: "probe", path: root }, context);
    await changeUntilNotified(
      () => appendFile(path.join(root, "two"), "x"),
      connection.waitFor("fs/changed", (params) => params.watchId === "probe"),
    );
    expect(connection.received("fs/changed").slice(before).every((params) => params.watchId === "probe")).toBe(true);

    // The same id can be reused once released.
    await handlers["fs/watch"]!({ watchId: "w", path: root }, context);
    await connection.close();
    await appendFile(path.join(root, "three"), "x");
    expect(connection.closed).toBe(true);
  });
});
