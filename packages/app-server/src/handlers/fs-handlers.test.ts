import { mkdir, mkdtemp, readFile, readlink, rm, stat, symlink, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { RpcError } from "@codex-ts/app-server-protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFsHandlers } from "./fs-handlers.js";
import { TestConnection, testContext } from "./test-context.js";

const handlers = createFsHandlers();
let root: string;
let context: ReturnType<typeof testContext>;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "fs-handlers-"));
  context = testContext(new TestConnection(), { codexHome: root });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function rpcError(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RpcError);
    return { code: (error as RpcError).code, message: (error as RpcError).message };
  }
  throw new Error("expected the request to fail");
}

describe("fs/readFile and fs/writeFile", () => {
  it("round-trips binary content through base64", async () => {
    const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 10, 13]);
    const file = path.join(root, "blob.bin");
    await handlers["fs/writeFile"]!({ path: file, dataBase64: bytes.toString("base64") }, context);
    expect(await readFile(file)).toEqual(bytes);
    const read = await handlers["fs/readFile"]!({ path: file }, context);
    expect(Buffer.from(read.dataBase64, "base64")).toEqual(bytes);
  });

  it("rejects relative paths with upstream's message", async () => {
    expect(await rpcError(handlers["fs/readFile"]!({ path: "relative/file" }, context))).toEqual({
      code: -32600,
      message: "Invalid request: AbsolutePathBuf deserialized without a base path",
    });
    expect((await rpcError(handlers["fs/writeFile"]!({ path: "", dataBase64: "" }, context))).code).toBe(-32600);
  });

  it("reports missing files and directories as operating-system errors", async () => {
    expect(await rpcError(handlers["fs/readFile"]!({ path: path.join(root, "missing") }, context))).toEqual({
      code: -32603,
      message: "No such file or directory (os error 2)",
    });
    expect(await rpcError(handlers["fs/readFile"]!({ path: root }, context))).toEqual({
      code: -32600,
      message: `path \`${root}\` is not a file`,
    });
    expect(
      await rpcError(handlers["fs/writeFile"]!({ path: path.join(root, "no", "such", "dir"), dataBase64: "aGk=" }, context)),
    ).toEqual({ code: -32603, message: "No such file or directory (os error 2)" });
    expect(await rpcError(handlers["fs/writeFile"]!({ path: root, dataBase64: "aGk=" }, context))).toEqual({
      code: -32603,
      message: "Is a directory (os error 21)",
    });
  });

  it("rejects malformed base64 like upstream", async () => {
    const file = path.join(root, "x");
    const cases: Array<[string, string]> = [
      ["!!", "Invalid symbol 33, offset 0."],
      ["aGk", "Invalid padding"],
      ["aGk==", "Invalid symbol 61, offset 3."],
      ["a", "Invalid input length: 1"],
      ["aG k=", "Invalid symbol 32, offset 2."],
    ];
    for (const [input, reason] of cases) {
      expect(await rpcError(handlers["fs/writeFile"]!({ path: file, dataBase64: input }, context))).toEqual({
        code: -32600,
        message: `fs/writeFile requires valid base64 dataBase64: ${reason}`,
      });
    }
    await handlers["fs/writeFile"]!({ path: file, dataBase64: "" }, context);
    expect((await readFile(file)).length).toBe(0);
  });
});

describe("fs/createDirectory", () => {
  it("creates parents by default and succeeds when the directory exists", async () => {
    const nested = path.join(root, "a", "b", "c");
    await handlers["fs/createDirectory"]!({ path: nested }, context);
    expect((await stat(nested)).isDirectory()).toBe(true);
    await handlers["fs/createDirectory"]!({ path: nested }, context);
  });

  it("without recursive needs the parent and fails on an existing directory", async () => {
    expect(
      await rpcError(handlers["fs/createDirectory"]!({ path: path.join(root, "x", "y"), recursive: false }, context)),
    ).toEqual({ code: -32603, message: "No such file or directory (os error 2)" });
    expect(await rpcError(handlers["fs/createDirectory"]!({ path: root, recursive: false }, context))).toEqual({
      code: -32603,
      message: "File exists (os error 17)",
    });
  });

  it("fails when a file is in the way", async () => {
    const file = path.join(root, "file");
    await writeFile(file, "x");
    expect(await rpcError(handlers["fs/createDirectory"]!({ path: file }, context))).toEqual({
      code: -32603,
      message: "File exists (os error 17)",
    });
  });
});

describe("fs/getMetadata and fs/readDirectory", () => {
  it("describes files, directories and symbolic links", async () => {
    const file = path.join(root, "f.txt");
    await writeFile(file, "hello");
    await symlink(file, path.join(root, "link"));
    const meta = await handlers["fs/getMetadata"]!({ path: path.join(root, "link") }, context);
    expect(meta).toMatchObject({ isDirectory: false, isFile: true, isSymlink: true });
    expect(meta.modifiedAtMs).toBe(Math.trunc((await stat(file)).mtimeMs));
    expect(Number.isInteger(meta.createdAtMs)).toBe(true);
    expect(await handlers["fs/getMetadata"]!({ path: root }, context)).toMatchObject({
      isDirectory: true,
      isFile: false,
      isSymlink: false,
    });
    expect(await rpcError(handlers["fs/getMetadata"]!({ path: path.join(root, "nope") }, context))).toEqual({
      code: -32603,
      message: "No such file or directory (os error 2)",
    });
  });

  it("lists entries, following symbolic links and leaving dangling ones out", async () => {
    await mkdir(path.join(root, "dir"));
    await writeFile(path.join(root, "file"), "");
    await symlink(path.join(root, "dir"), path.join(root, "dirlink"));
    await symlink(path.join(root, "missing"), path.join(root, "dangling"));
    execFileSync("mkfifo", [path.join(root, "fifo")]);
    const { entries } = await handlers["fs/readDirectory"]!({ path: root }, context);
    const sorted = [...entries].sort((a, b) => a.fileName.localeCompare(b.fileName));
    expect(sorted).toEqual([
      { fileName: "dir", isDirectory: true, isFile: false },
      { fileName: "dirlink", isDirectory: true, isFile: false },
      { fileName: "fifo", isDirectory: false, isFile: false },
      { fileName: "file", isDirectory: false, isFile: true },
    ]);
  });

  it("fails for a file or a missing directory", async () => {
    await writeFile(path.join(root, "file"), "");
    expect(await rpcError(handlers["fs/readDirectory"]!({ path: path.join(root, "file") }, context))).toEqual({
      code: -32603,
      message: "Not a directory (os error 20)",
    });
    expect((await rpcError(handlers["fs/readDirectory"]!({ path: path.join(root, "nope") }, context))).message).toBe(
      "No such file or directory (os error 2)",
    );
  });
});

describe("fs/remove", () => {
  it("removes trees by default and ignores missing paths unless force is false", async () => {
    await mkdir(path.join(root, "t", "sub"), { recursive: true });
    await writeFile(path.join(root, "t", "sub", "f"), "x");
    await handlers["fs/remove"]!({ path: path.join(root, "t") }, context);
    await expect(stat(path.join(root, "t"))).rejects.toThrow();
    await handlers["fs/remove"]!({ path: path.join(root, "t") }, context);
    expect(await rpcError(handlers["fs/remove"]!({ path: path.join(root, "t"), force: false }, context))).toEqual({
      code: -32603,
      message: "No such file or directory (os error 2)",
    });
  });

  it("without recursive removes only empty directories", async () => {
    await mkdir(path.join(root, "empty"));
    await mkdir(path.join(root, "full"));
    await writeFile(path.join(root, "full", "f"), "x");
    await handlers["fs/remove"]!({ path: path.join(root, "empty"), recursive: false }, context);
    expect(await rpcError(handlers["fs/remove"]!({ path: path.join(root, "full"), recursive: false }, context))).toEqual({
      code: -32603,
      message: "Directory not empty (os error 39)",
    });
  });

  it("removes a symbolic link, not its target", async () => {
    await mkdir(path.join(root, "target"));
    await symlink(path.join(root, "target"), path.join(root, "link"));
    await handlers["fs/remove"]!({ path: path.join(root, "link") }, context);
    expect((await stat(path.join(root, "target"))).isDirectory()).toBe(true);
  });
});

describe("fs/copy", () => {
  it("copies files and needs recursive for directories", async () => {
    await mkdir(path.join(root, "src", "sub"), { recursive: true });
    await writeFile(path.join(root, "src", "a.txt"), "a");
    await writeFile(path.join(root, "src", "sub", "b.bin"), Buffer.from([0, 255]));
    await symlink("a.txt", path.join(root, "src", "ln"));
    await handlers["fs/copy"]!({ sourcePath: path.join(root, "src", "a.txt"), destinationPath: path.join(root, "a2") }, context);
    expect(await readFile(path.join(root, "a2"), "utf8")).toBe("a");

    expect(
      await rpcError(handlers["fs/copy"]!({ sourcePath: path.join(root, "src"), destinationPath: path.join(root, "c1") }, context)),
    ).toEqual({ code: -32600, message: "fs/copy requires recursive: true when sourcePath is a directory" });

    await handlers["fs/copy"]!(
      { sourcePath: path.join(root, "src"), destinationPath: path.join(root, "c2"), recursive: true },
      context,
    );
    expect(await readFile(path.join(root, "c2", "sub", "b.bin"))).toEqual(Buffer.from([0, 255]));
    expect(await readlink(path.join(root, "c2", "ln"))).toBe("a.txt");
  });

  it("refuses to copy a directory into itself", async () => {
    await mkdir(path.join(root, "src"));
    expect(
      await rpcError(
        handlers["fs/copy"]!(
          { sourcePath: path.join(root, "src"), destinationPath: path.join(root, "src", "deeper", "inside"), recursive: true },
          context,
        ),
      ),
    ).toEqual({ code: -32600, message: "fs/copy cannot copy a directory to itself or one of its descendants" });
  });

  it("copies a symbolic link as a link and reports errors like upstream", async () => {
    await symlink(path.join(root, "missing"), path.join(root, "dangling"));
    await handlers["fs/copy"]!({ sourcePath: path.join(root, "dangling"), destinationPath: path.join(root, "d2") }, context);
    expect(await readlink(path.join(root, "d2"))).toBe(path.join(root, "missing"));

    expect(
      await rpcError(handlers["fs/copy"]!({ sourcePath: path.join(root, "nope"), destinationPath: path.join(root, "x") }, context)),
    ).toEqual({ code: -32603, message: "No such file or directory (os error 2)" });

    execFileSync("mkfifo", [path.join(root, "fifo")]);
    expect(
      await rpcError(handlers["fs/copy"]!({ sourcePath: path.join(root, "fifo"), destinationPath: path.join(root, "f2") }, context)),
    ).toEqual({ code: -32600, message: "fs/copy only supports regular files, directories, and symlinks" });

    await writeFile(path.join(root, "file"), "x");
    await mkdir(path.join(root, "dir"));
    expect(
      await rpcError(handlers["fs/copy"]!({ sourcePath: path.join(root, "file"), destinationPath: path.join(root, "dir") }, context)),
    ).toEqual({ code: -32603, message: "Is a directory (os error 21)" });
  });
});
