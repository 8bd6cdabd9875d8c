import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SandboxUnavailableError } from "./sandbox-errors.js";
import { SANDBOX_EXEC_PATH } from "./seatbelt-profile.js";

/** What `checkSandboxAvailable` found: enough to build invocations without probing again. */
export type SandboxSupport =
  | { platform: "linux"; bwrapPath: string; mountProc: boolean }
  | { platform: "darwin"; sandboxExecPath: string };

export interface PreflightOptions {
  env?: NodeJS.ProcessEnv;
  /** Use this bubblewrap instead of the one on `PATH`. */
  bwrapPath?: string;
}

const INSTALL_BWRAP =
  "install it with `apt-get install bubblewrap` (Debian/Ubuntu) or `dnf install bubblewrap` (Fedora/RHEL)";

const cache = new Map<string, SandboxSupport>();

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir !== "" && path.isAbsolute(dir) && isExecutableFile(path.join(dir, name))) return path.join(dir, name);
  }
  const fallback = `/usr/bin/${name}`;
  return isExecutableFile(fallback) ? fallback : undefined;
}

function probeBwrap(bwrapPath: string, env: NodeJS.ProcessEnv, mountProc: boolean) {
  const args = ["--ro-bind", "/", "/", "--dev", "/dev", "--unshare-pid", "--unshare-net"];
  if (mountProc) args.push("--proc", "/proc");
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  if (uid !== 0 && (fs.statSync(bwrapPath).mode & 0o4000) === 0) args.push("--unshare-user");
  return spawnSync(bwrapPath, [...args, "--", "true"], {
    encoding: "utf8",
    env,
    stdio: ["ignore", "ignore", "pipe"],
    timeout: 10_000,
  });
}

function checkLinux(options: PreflightOptions): SandboxSupport {
  const env = options.env ?? process.env;
  const bwrapPath = options.bwrapPath ?? findOnPath("bwrap", env);
  if (bwrapPath === undefined || !isExecutableFile(bwrapPath)) {
    const where = options.bwrapPath === undefined ? "" : ` at ${options.bwrapPath}`;
    throw new SandboxUnavailableError(
      `bubblewrap (bwrap) is required to sandbox commands on Linux but was not found${where}; ${INSTALL_BWRAP}.`,
    );
  }
  if (probeBwrap(bwrapPath, env, true).status === 0) return { platform: "linux", bwrapPath, mountProc: true };
  // Some containers refuse a new /proc but allow everything else; the sandbox then runs with /proc masked.
  const withoutProc = probeBwrap(bwrapPath, env, false);
  if (withoutProc.status === 0) return { platform: "linux", bwrapPath, mountProc: false };
  const reason = (withoutProc.stderr ?? "").trim().split("\n")[0] || withoutProc.error?.message || "no output";
  throw new SandboxUnavailableError(
    `bubblewrap at ${bwrapPath} cannot create a sandbox here (${reason}); allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or kernel.apparmor_restrict_unprivileged_userns=0 on Ubuntu) or reinstall bubblewrap with \`apt-get install bubblewrap\` / \`dnf install bubblewrap\`.`,
  );
}

function checkDarwin(): SandboxSupport {
  if (!isExecutableFile(SANDBOX_EXEC_PATH)) {
    throw new SandboxUnavailableError(
      `${SANDBOX_EXEC_PATH} is missing, so commands cannot be sandboxed on this Mac; run with --sandbox danger-full-access only if you accept unsandboxed commands.`,
    );
  }
  return { platform: "darwin", sandboxExecPath: SANDBOX_EXEC_PATH };
}

/**
 * Checks once per process (per platform and bubblewrap path) that commands can be sandboxed here, and throws a
 * `SandboxUnavailableError` (code `SANDBOX_UNAVAILABLE`) that says how to fix it when they cannot. Callers must
 * not fall back to running commands unsandboxed.
 */
export function checkSandboxAvailable(
  platform: NodeJS.Platform = process.platform,
  options: PreflightOptions = {},
): SandboxSupport {
  const key = `${platform}:${options.bwrapPath ?? ""}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let support: SandboxSupport;
  if (platform === "linux") support = checkLinux(options);
  else if (platform === "darwin") support = checkDarwin();
  else {
    throw new SandboxUnavailableError(
      `sandboxing commands is not supported on ${platform}; run with --sandbox danger-full-access only if you accept unsandboxed commands.`,
    );
  }
  cache.set(key, support);
  return support;
}

/** Forgets cached preflight results (tests, or after installing bubblewrap). */
export function resetSandboxPreflight(): void {
  cache.clear();
}
