// The unix control socket's path: the default under CODEX_HOME, preparing the path (private parent
// directory, stale socket replaced, live socket refused), and paths too long for `sun_path`, which are bound
// in a short private directory with a symlink at the requested path.
import { createHash } from "node:crypto";
import { chmod, lstat, mkdir, readlink, realpath, stat, symlink, unlink } from "node:fs/promises";
import { connect } from "node:net";
import path from "node:path";

export const CONTROL_SOCKET_DIR_NAME = "app-server-control";
export const CONTROL_SOCKET_FILE_NAME = "app-server-control.sock";

/** Longest socket path the platform's `sun_path` takes (without the terminating NUL). */
export const MAX_SOCKET_PATH_BYTES = process.platform === "linux" ? 107 : 103;

/** `$CODEX_HOME/app-server-control/app-server-control.sock`. */
export function defaultControlSocketPath(codexHome: string): string {
  return path.join(codexHome, CONTROL_SOCKET_DIR_NAME, CONTROL_SOCKET_FILE_NAME);
}

export class ControlSocketError extends Error {
  constructor(
    message: string,
    readonly code: "CONTROL_SOCKET_IN_USE" | "CONTROL_SOCKET_NOT_A_SOCKET",
  ) {
    super(message);
    this.name = "ControlSocketError";
  }
}

function tooLong(socketPath: string): boolean {
  return Buffer.byteLength(socketPath) > MAX_SOCKET_PATH_BYTES;
}

/** Where a long socket path is actually bound: a short private directory keyed by the requested path. */
function shortBindPath(socketPath: string): string {
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  const digest = createHash("sha256").update(socketPath).digest("hex").slice(0, 32);
  return path.join("/tmp", `codex-daemon-${uid}`, digest);
}

/** The path to hand to `connect()`: a too-long path is resolved through its symlink. */
export async function connectableSocketPath(socketPath: string): Promise<string> {
  if (!tooLong(socketPath)) return socketPath;
  try {
    return await realpath(socketPath);
  } catch {
    return socketPath;
  }
}

type Probe = "listening" | "missing" | "refused" | { error: NodeJS.ErrnoException };

function probe(socketPath: string): Promise<Probe> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    socket.once("connect", () => {
      socket.destroy();
      resolve("listening");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      socket.destroy();
      if (error.code === "ENOENT") resolve("missing");
      else if (error.code === "ECONNREFUSED") resolve("refused");
      else resolve({ error });
    });
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

async function removeStale(socketPath: string): Promise<void> {
  const link = await lstat(socketPath);
  if (link.isSymbolicLink()) {
    const target = path.resolve(path.dirname(socketPath), await readlink(socketPath));
    const info = await stat(target).catch(() => undefined);
    if (info !== undefined && !info.isSocket()) {
      throw new ControlSocketError(`app-server control socket path exists and is not a socket: ${socketPath}`, "CONTROL_SOCKET_NOT_A_SOCKET");
    }
    if (info !== undefined) await unlink(target);
    await unlink(socketPath);
    return;
  }
  if (!link.isSocket()) {
    throw new ControlSocketError(`app-server control socket path exists and is not a socket: ${socketPath}`, "CONTROL_SOCKET_NOT_A_SOCKET");
  }
  await unlink(socketPath);
}

/**
 * Makes `socketPath` ready to bind: creates its parent (mode 0700), refuses when a server already listens
 * there, and removes a stale socket (or a dangling symlink) left by a server that is gone. Resolves to the
 * path to bind, which differs from `socketPath` when that is too long for the platform.
 */
export async function prepareControlSocketPath(socketPath: string): Promise<{ bindPath: string; linkPath?: string }> {
  await mkdir(path.dirname(socketPath), { recursive: true, mode: 0o700 });
  const state = await probe(await connectableSocketPath(socketPath));
  if (state === "listening") {
    throw new ControlSocketError(`app-server control socket is already in use at ${socketPath}`, "CONTROL_SOCKET_IN_USE");
  }
  if (state === "refused") await removeStale(socketPath);
  else if (state === "missing") {
    if (await exists(socketPath)) await unlink(socketPath);
  } else if (await exists(socketPath)) {
    const info = await stat(socketPath).catch(() => undefined);
    if (info !== undefined && !info.isSocket()) {
      throw new ControlSocketError(`app-server control socket path exists and is not a socket: ${socketPath}`, "CONTROL_SOCKET_NOT_A_SOCKET");
    }
    throw state.error;
  }
  if (!tooLong(socketPath)) return { bindPath: socketPath };
  const bindPath = shortBindPath(socketPath);
  await mkdir(path.dirname(bindPath), { recursive: true, mode: 0o700 });
  await chmod(path.dirname(bindPath), 0o700);
  await unlink(bindPath).catch(() => undefined);
  await symlink(bindPath, socketPath);
  return { bindPath, linkPath: socketPath };
}
