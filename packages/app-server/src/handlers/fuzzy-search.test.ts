import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFuzzySearchHandlers } from "./fuzzy-search.js";
import { TestConnection, testContext } from "./test-context.js";

let root: string;
let connection: TestConnection;
let context: ReturnType<typeof testContext>;
let handlers: ReturnType<typeof createFuzzySearchHandlers>;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "fuzzy-search-"));
  await mkdir(path.join(root, "src", "server"), { recursive: true });
  await writeFile(path.join(root, "src", "server", "main.rs"), "");
  await writeFile(path.join(root, "README.md"), "");
  await writeFile(path.join(root, "notes.txt"), "");
  connection = new TestConnection();
  context = testContext(connection, { codexHome: root });
  handlers = createFuzzySearchHandlers();
});

afterEach(async () => {
  await connection.close();
  await rm(root, { recursive: true, force: true });
});

describe("fuzzyFileSearch", () => {
  it("returns ranked matches in the wire shape", async () => {
    const { files } = await handlers.fuzzyFileSearch!({ query: "main", roots: [root], cancellationToken: "t" }, context);
    expect(files[0]).toMatchObject({
      root,
      path: path.join("src", "server", "main.rs"),
      match_type: "file",
      file_name: "main.rs",
      indices: expect.any(Array),
    });
    expect(await handlers.fuzzyFileSearch!({ query: "", roots: [root] }, context)).toEqual({ files: [] });
    expect(await handlers.fuzzyFileSearch!({ query: "main", roots: [] }, context)).toEqual({ files: [] });
  });

  it("answers a search superseded under the same token with no files", async () => {
    const first = handlers.fuzzyFileSearch!({ query: "main", roots: [root], cancellationToken: "same" }, context);
    const second = handlers.fuzzyFileSearch!({ query: "notes", roots: [root], cancellationToken: "same" }, context);
    expect(await first).toEqual({ files: [] });
    expect((await second).files[0]?.file_name).toBe("notes.txt");
  });
});

describe("fuzzyFileSearch sessions", () => {
  it("streams updates and completion for each query", async () => {
    await handlers["fuzzyFileSearch/sessionStart"]!({ sessionId: "s1", roots: [root] }, context);
    await handlers["fuzzyFileSearch/sessionUpdate"]!({ sessionId: "s1", query: "readme" }, context);
    const updated = await connection.waitFor(
      "fuzzyFileSearch/sessionUpdated",
      (params) => params.query === "readme" && params.files.length > 0,
    );
    expect(updated).toMatchObject({ sessionId: "s1", files: [{ path: "README.md", file_name: "README.md" }] });
    await connection.waitFor("fuzzyFileSearch/sessionCompleted", (params) => params.sessionId === "s1");

    await handlers["fuzzyFileSearch/sessionUpdate"]!({ sessionId: "s1", query: "srvmain" }, context);
    const next = await connection.waitFor("fuzzyFileSearch/sessionUpdated", (params) => params.query === "srvmain");
    expect(next.files.map((file) => file.file_name)).toContain("main.rs");
  });

  it("stops sessions and reports unknown ones", async () => {
    await handlers["fuzzyFileSearch/sessionStart"]!({ sessionId: "s2", roots: [root] }, context);
    expect(await handlers["fuzzyFileSearch/sessionStop"]!({ sessionId: "s2" }, context)).toEqual({});
    expect(await handlers["fuzzyFileSearch/sessionStop"]!({ sessionId: "never" }, context)).toEqual({});
    await expect(handlers["fuzzyFileSearch/sessionUpdate"]!({ sessionId: "s2", query: "x" }, context)).rejects.toMatchObject({
      code: -32600,
      message: "fuzzy file search session not found: s2",
    });
    await expect(handlers["fuzzyFileSearch/sessionStart"]!({ sessionId: "s3", roots: [] }, context)).rejects.toMatchObject({
      code: -32603,
      message: "failed to start fuzzy file search session: at least one search directory is required",
    });
  });

  it("ends a connection's sessions when it closes", async () => {
    await handlers["fuzzyFileSearch/sessionStart"]!({ sessionId: "s4", roots: [root] }, context);
    await connection.close();
    const other = new TestConnection();
    await expect(
      handlers["fuzzyFileSearch/sessionUpdate"]!({ sessionId: "s4", query: "x" }, testContext(other, { codexHome: root })),
    ).rejects.toMatchObject({ message: "fuzzy file search session not found: s4" });
    await other.close();
  });
});
