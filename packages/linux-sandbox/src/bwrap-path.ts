import fs from "node:fs";
import path from "node:path";
import { LinuxSandboxError } from "./linux-sandbox-error.js";

export const BWRAP_INSTALL_HINT =
  "install bubblewrap (Debian/Ubuntu: `apt-get install bubblewrap`, Fedora/RHEL: `dnf install bubblewrap`)";

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The `bwrap` executable: `explicit` when given, else the first on `PATH`, else `/usr/bin/bwrap`. */
export function findBwrap(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit !== undefined) {
    if (isExecutable(explicit)) return explicit;
    throw new LinuxSandboxError(
      "SANDBOX_BWRAP_NOT_FOUND",
      `bubblewrap was not found at ${explicit}; ${BWRAP_INSTALL_HINT}.`,
    );
  }
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir === "" || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, "bwrap");
    if (isExecutable(candidate)) return candidate;
  }
  if (isExecutable("/usr/bin/bwrap")) return "/usr/bin/bwrap";
  throw new LinuxSandboxError(
    "SANDBOX_BWRAP_NOT_FOUND",
    `bubblewrap (bwrap) is required to sandbox commands on Linux but was not found; ${BWRAP_INSTALL_HINT}.`,
  );
}

/** True when the process needs `--unshare-user`: not root, and bubblewrap is not installed setuid. */
export function needsUserNamespace(bwrapPath: string): boolean {
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  if (uid === 0) return false;
  try {
    return (fs.statSync(bwrapPath).mode & 0o4000) === 0;
  } catch {
    return true;
  }
}
