// Error helpers shared by the handlers: JSON-RPC errors with the codes and texts upstream clients match on,
// and the rendering of operating-system errors the way the upstream server prints them
// ("No such file or directory (os error 2)").
import os from "node:os";
import path from "node:path";
import {
  internalError,
  invalidParamsError,
  INVALID_REQUEST_ERROR_CODE,
  RpcError,
} from "@codex-ts/app-server-protocol";

/** -32600 with `message` as is (handler precondition failures; no "Invalid request:" prefix). */
export function invalidRequest(message: string, data?: unknown): RpcError {
  return new RpcError(data === undefined ? { code: INVALID_REQUEST_ERROR_CODE, message } : { code: INVALID_REQUEST_ERROR_CODE, message, data });
}

/** -32602 with `message`. */
export function invalidParams(message: string): RpcError {
  return new RpcError(invalidParamsError(message));
}

/** -32603 with `message`. */
export function internal(message: string): RpcError {
  return new RpcError(internalError(message));
}

/** The message the upstream server sends for a path that is not absolute (its deserializer's wording). */
export const RELATIVE_PATH_MESSAGE = "Invalid request: AbsolutePathBuf deserialized without a base path";

/**
 * The absolute, lexically normalised form of a wire path (`..` and `.` resolved, trailing slash dropped),
 * or a -32600 error for a relative or empty one.
 */
export function requireAbsolutePath(value: string): string {
  if (value.length === 0 || !path.isAbsolute(value)) {
    throw invalidRequest(RELATIVE_PATH_MESSAGE);
  }
  // path.resolve on an absolute path only normalises it; it never consults the working directory.
  return path.resolve(value);
}

/** C library descriptions of the errors file and process operations commonly report. */
const ERRNO_DESCRIPTIONS: Readonly<Record<string, string>> = {
  EPERM: "Operation not permitted",
  ENOENT: "No such file or directory",
  EIO: "Input/output error",
  ENOEXEC: "Exec format error",
  EBADF: "Bad file descriptor",
  EAGAIN: "Resource temporarily unavailable",
  ENOMEM: "Cannot allocate memory",
  EACCES: "Permission denied",
  EBUSY: "Device or resource busy",
  EEXIST: "File exists",
  EXDEV: "Invalid cross-device link",
  ENODEV: "No such device",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  EINVAL: "Invalid argument",
  ENFILE: "Too many open files in system",
  EMFILE: "Too many open files",
  ETXTBSY: "Text file busy",
  EFBIG: "File too large",
  ENOSPC: "No space left on device",
  EROFS: "Read-only file system",
  EMLINK: "Too many links",
  EPIPE: "Broken pipe",
  ENAMETOOLONG: "File name too long",
  ENOTEMPTY: "Directory not empty",
  ELOOP: "Too many levels of symbolic links",
  EDQUOT: "Disk quota exceeded",
  ENOTSUP: "Operation not supported",
  EOPNOTSUPP: "Operation not supported",
};

/** The errno name (`ENOENT`, ...) of a Node system error, if it has one. */
export function errnoName(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}

/**
 * An operating-system error as one line: its C library description and number
 * (`No such file or directory (os error 2)`); other errors give their message.
 */
export function describeOsError(error: unknown): string {
  const name = errnoName(error);
  const number = name === undefined ? undefined : (os.constants.errno as Record<string, number | undefined>)[name];
  if (name !== undefined && number !== undefined) {
    return `${ERRNO_DESCRIPTIONS[name] ?? libuvDescription(error, name)} (os error ${number})`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Node's own wording (`ENOENT: no such file or directory, open '/x'`), reduced to the description. */
function libuvDescription(error: unknown, name: string): string {
  const message = error instanceof Error ? error.message : "";
  const match = new RegExp(`^${name}: ([^,]+)`).exec(message);
  const text = match?.[1] ?? name;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** -32603 for a failed filesystem or process operation, worded as upstream does. */
export function osError(error: unknown): RpcError {
  return internal(describeOsError(error));
}
