// Host filesystem access: `fs/*` methods and the `fs/changed` notification.
import type { AbsolutePathBuf, Int64 } from "./scalars.js";

/** Read a whole file. */
export interface FsReadFileParams {
  /** Absolute path of the file. */
  path: AbsolutePathBuf;
}

/** Contents of the file that was read. */
export interface FsReadFileResponse {
  /** File bytes, base64-encoded. */
  dataBase64: string;
}

/** Create or replace a file. */
export interface FsWriteFileParams {
  /** Absolute path of the file. */
  path: AbsolutePathBuf;
  /** New file bytes, base64-encoded. */
  dataBase64: string;
}

/** Empty result of `fs/writeFile`. */
export type FsWriteFileResponse = Record<string, never>;

/** Create a directory. */
export interface FsCreateDirectoryParams {
  /** Absolute path of the directory. */
  path: AbsolutePathBuf;
  /** Also create missing parent directories. Defaults to true. */
  recursive?: boolean | null;
}

/** Empty result of `fs/createDirectory`. */
export type FsCreateDirectoryResponse = Record<string, never>;

/** Look up what a path is. */
export interface FsGetMetadataParams {
  /** Absolute path to inspect. */
  path: AbsolutePathBuf;
}

/** Facts about a path. */
export interface FsGetMetadataResponse {
  /** True when the path leads to a directory. */
  isDirectory: boolean;
  /** True when the path leads to a regular file. */
  isFile: boolean;
  /** True when the path itself is a symbolic link. */
  isSymlink: boolean;
  /** Creation time in Unix milliseconds, or 0 when the platform does not report it. */
  createdAtMs: Int64;
  /** Last modification time in Unix milliseconds, or 0 when unknown. */
  modifiedAtMs: Int64;
}

/** List a directory. */
export interface FsReadDirectoryParams {
  /** Absolute path of the directory. */
  path: AbsolutePathBuf;
}

/** One child of a listed directory. */
export interface FsReadDirectoryEntry {
  /** Name of the child, without its directory. */
  fileName: string;
  isDirectory: boolean;
  isFile: boolean;
}

/** Children of the listed directory. */
export interface FsReadDirectoryResponse {
  entries: FsReadDirectoryEntry[];
}

/** Delete a file or directory. */
export interface FsRemoveParams {
  /** Absolute path to delete. */
  path: AbsolutePathBuf;
  /** Delete directory contents too. Defaults to true. */
  recursive?: boolean | null;
  /** Succeed when the path does not exist. Defaults to true. */
  force?: boolean | null;
}

/** Empty result of `fs/remove`. */
export type FsRemoveResponse = Record<string, never>;

/** Copy a file or directory. */
export interface FsCopyParams {
  /** Absolute path of what to copy. */
  sourcePath: AbsolutePathBuf;
  /** Absolute path of the copy. */
  destinationPath: AbsolutePathBuf;
  /** Must be true to copy a directory; has no effect on files. */
  recursive?: boolean;
}

/** Empty result of `fs/copy`. */
export type FsCopyResponse = Record<string, never>;

/** Start watching a path; changes arrive as `fs/changed` notifications. */
export interface FsWatchParams {
  /** Identifier chosen by the client, unique on this connection; used by `fs/unwatch` and `fs/changed`. */
  watchId: string;
  /** Absolute path of the file or directory to watch. */
  path: AbsolutePathBuf;
}

/** The watch that was started. */
export interface FsWatchResponse {
  /** Canonical form of the watched path. */
  path: AbsolutePathBuf;
}

/** Stop a watch started with `fs/watch`. */
export interface FsUnwatchParams {
  watchId: string;
}

/** Empty result of `fs/unwatch`. */
export type FsUnwatchResponse = Record<string, never>;

/** Paths that changed under a watch. */
export interface FsChangedNotification {
  /** The `watchId` given to `fs/watch`. */
  watchId: string;
  /** Files or directories affected by the change. */
  changedPaths: AbsolutePathBuf[];
}
