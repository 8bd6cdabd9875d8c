// `fs/readFile`, `fs/writeFile`, `fs/createDirectory`, `fs/getMetadata`, `fs/readDirectory`, `fs/remove`
// and `fs/copy`: direct access to the host filesystem with absolute paths and base64 payloads.
import { lstat, mkdir, opendir, readFile, rm, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FsReadDirectoryEntry } from "@codex-ts/app-server-protocol";
import { Base64DecodeError, decodeBase64Strict } from "./base64.js";
import type { RequestHandlers } from "./context.js";
import { copyPath } from "./fs-copy.js";
import { errnoName, invalidRequest, osError, requireAbsolutePath } from "./rpc-errors.js";

type FsHandlers = Pick<
  RequestHandlers,
  | "fs/readFile"
  | "fs/writeFile"
  | "fs/createDirectory"
  | "fs/getMetadata"
  | "fs/readDirectory"
  | "fs/remove"
  | "fs/copy"
>;

/** Entries of a listed directory examined at once. */
const STAT_BATCH = 64;

async function attempt<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    throw osError(error);
  }
}

/** Whole milliseconds since the epoch, or 0 when the platform reports no time. */
function unixMs(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.trunc(value) : 0;
}

export function createFsHandlers(): FsHandlers {
  return {
    "fs/readFile": async (params) => {
      const file = requireAbsolutePath(params.path);
      const info = await attempt(stat(file));
      if (!info.isFile()) {
        throw invalidRequest(`path \`${file}\` is not a file`);
      }
      const bytes = await attempt(readFile(file));
      return { dataBase64: bytes.toString("base64") };
    },

    "fs/writeFile": async (params) => {
      const file = requireAbsolutePath(params.path);
      let bytes: Buffer;
      try {
        bytes = decodeBase64Strict(params.dataBase64);
      } catch (error) {
        if (error instanceof Base64DecodeError) {
          throw invalidRequest(`fs/writeFile requires valid base64 dataBase64: ${error.message}`);
        }
        throw error;
      }
      await attempt(writeFile(file, bytes));
      return {};
    },

    "fs/createDirectory": async (params) => {
      const directory = requireAbsolutePath(params.path);
      if (params.recursive ?? true) {
        await attempt(mkdir(directory, { recursive: true }));
        // mkdir -p succeeds silently when a file is in the way only on some platforms; be explicit.
        const info = await attempt(stat(directory));
        if (!info.isDirectory()) {
          throw osError(Object.assign(new Error("EEXIST"), { code: "EEXIST" }));
        }
      } else {
        await attempt(mkdir(directory));
      }
      return {};
    },

    "fs/getMetadata": async (params) => {
      const target = requireAbsolutePath(params.path);
      const info = await attempt(stat(target));
      const link = await attempt(lstat(target));
      return {
        isDirectory: info.isDirectory(),
        isFile: info.isFile(),
        isSymlink: link.isSymbolicLink(),
        createdAtMs: unixMs(info.birthtimeMs),
        modifiedAtMs: unixMs(info.mtimeMs),
      };
    },

    "fs/readDirectory": async (params) => {
      const directory = requireAbsolutePath(params.path);
      const handle = await attempt(opendir(directory));
      const names: string[] = [];
      try {
        for await (const entry of handle) names.push(entry.name);
      } catch (error) {
        throw osError(error);
      }
      const entries: FsReadDirectoryEntry[] = [];
      // Stat a batch at a time: large directories stay fast without flooding the thread pool.
      for (let start = 0; start < names.length; start += STAT_BATCH) {
        const batch = names.slice(start, start + STAT_BATCH);
        const infos = await Promise.all(batch.map((name) => stat(path.join(directory, name)).catch(() => undefined)));
        batch.forEach((fileName, index) => {
          const info = infos[index];
          // Symbolic links are described by what they point to; dangling ones are left out.
          if (info !== undefined) entries.push({ fileName, isDirectory: info.isDirectory(), isFile: info.isFile() });
        });
      }
      return { entries };
    },

    "fs/remove": async (params) => {
      const target = requireAbsolutePath(params.path);
      const recursive = params.recursive ?? true;
      const force = params.force ?? true;
      let info;
      try {
        info = await lstat(target);
      } catch (error) {
        if (force && errnoName(error) === "ENOENT") return {};
        throw osError(error);
      }
      if (info.isDirectory()) {
        await attempt(recursive ? rm(target, { recursive: true }) : rmdir(target));
      } else {
        await attempt(unlink(target));
      }
      return {};
    },

    "fs/copy": async (params) => {
      const source = requireAbsolutePath(params.sourcePath);
      const destination = requireAbsolutePath(params.destinationPath);
      await copyPath(source, destination, params.recursive ?? false);
      return {};
    },
  };
}
