import { createRequire } from "node:module";
import path from "node:path";

/** What node-pty's native `fork` returns: the master fd, the child pid and the slave device path. */
export interface NativePtyFork {
  fd: number;
  pid: number;
  pty: string;
}

/** The POSIX half of node-pty's native binding (node-pty 1.1.0), which its `UnixTerminal` is built on. */
interface NativePtyModule {
  fork(
    file: string,
    args: string[],
    env: string[],
    cwd: string,
    cols: number,
    rows: number,
    uid: number,
    gid: number,
    utf8: boolean,
    helperPath: string,
    onExit: (exitCode: number, signal: number) => void,
  ): NativePtyFork;
  resize(fd: number, cols: number, rows: number): void;
}

interface NativeBinding {
  module: NativePtyModule;
  helperPath: string;
}

let binding: NativeBinding | undefined;

/**
 * Loads node-pty's compiled binding the way node-pty itself does (build/Release, build/Debug, then prebuilds).
 * The binding is used directly so that this package controls when the terminal's master side is closed.
 */
export function loadNativePty(): NativeBinding {
  if (binding !== undefined) return binding;
  const require = createRequire(import.meta.url);
  const libDir = path.dirname(require.resolve("node-pty/lib/utils.js"));
  const utils = require("node-pty/lib/utils.js") as {
    loadNativeModule(name: string): { dir: string; module: NativePtyModule };
  };
  const native = utils.loadNativeModule("pty");
  // Used on macOS only, where the child is started through node-pty's spawn-helper.
  const helperPath = path
    .resolve(libDir, native.dir, "spawn-helper")
    .replace("app.asar", "app.asar.unpacked")
    .replace("node_modules.asar", "node_modules.asar.unpacked");
  binding = { module: native.module, helperPath };
  return binding;
}

export interface ForkPtyRequest {
  program: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  cols: number;
  rows: number;
}

/**
 * Forks `program` as a session leader on a new PTY whose line discipline treats input as UTF-8 (IUTF8).
 * `onExit` runs on the main thread once the child has been reaped. Throws if forkpty fails.
 */
export function forkPty(request: ForkPtyRequest, onExit: (exitCode: number, signal: number) => void): NativePtyFork {
  const { module, helperPath } = loadNativePty();
  const env = Object.entries(request.env).map(([name, value]) => `${name}=${value}`);
  return module.fork(request.program, request.args, env, request.cwd, request.cols, request.rows, -1, -1, true, helperPath, onExit);
}

/** Sets the terminal size of the PTY behind master `fd` (the kernel sends SIGWINCH to its foreground group). */
export function resizePty(fd: number, cols: number, rows: number): void {
  loadNativePty().module.resize(fd, cols, rows);
}
