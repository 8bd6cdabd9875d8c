import { spawnSync } from "node:child_process";
import { findBwrap, needsUserNamespace } from "./bwrap-path.js";
import { isProcMountFailure } from "./proc-mount.js";

const cache = new Map<string, boolean>();

/**
 * Whether bubblewrap can mount a new `/proc` on this host (restricted containers refuse it). Runs `true` in a
 * minimal sandbox once per bubblewrap path and caches the answer for the life of the process.
 */
export function probeProcMount(bwrapPath?: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const bwrap = findBwrap(bwrapPath, env);
  const cached = cache.get(bwrap);
  if (cached !== undefined) return cached;
  const args = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-pid", "--unshare-net"];
  if (needsUserNamespace(bwrap)) args.push("--unshare-user");
  const result = spawnSync(bwrap, [...args, "--", "true"], { encoding: "utf8", env, stdio: ["ignore", "ignore", "pipe"] });
  const works = !(result.status !== 0 && isProcMountFailure(result.stderr ?? ""));
  cache.set(bwrap, works);
  return works;
}
