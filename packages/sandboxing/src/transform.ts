import type { SandboxPolicy } from "@codex-ts/protocol";
import { absolutePath } from "@codex-ts/utils-absolute-path";
import { SandboxError, SandboxUnavailableError } from "./sandbox-errors.js";
import {
  NETWORK_DISABLED_VARIABLE,
  SANDBOX_VARIABLE,
  splitHelperEnvironment,
} from "./sandbox-environment.js";
import { SANDBOX_EXEC_PATH, type SandboxNetwork, sandboxExecArgs, seatbeltPolicy } from "./seatbelt-profile.js";
import { type WritableRoot, writableRootsFor } from "./writable-roots.js";

/** Which mechanism an invocation runs under. */
export type SandboxType = "none" | "linux-bubblewrap" | "macos-seatbelt";

/** A concrete program to spawn: the command itself, or the command behind the platform sandbox. */
export interface SandboxedInvocation {
  program: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  sandbox: SandboxType;
}

export interface TransformOptions {
  /** Working directory of the command; the workspace root of a workspace-write policy. */
  cwd: string;
  /** Environment of the command (already filtered by the caller's environment policy). */
  env: NodeJS.ProcessEnv;
  /** Defaults to `process.platform`. */
  platform?: NodeJS.Platform;
  /** Path of the `codex-linux-sandbox` helper; required on Linux for sandboxed policies. */
  linuxSandboxExe?: string;
  /** The node executable that runs a `.js` helper. Defaults to `process.execPath`. */
  nodePath?: string;
  /** bubblewrap to use (from `checkSandboxAvailable`); the helper searches `PATH` otherwise. */
  bwrapPath?: string;
  /** False when the host refuses a new `/proc` (from `checkSandboxAvailable`); skips the helper's retry. */
  mountProc?: boolean;
  /** Route the network through this proxy when the policy allows network access. */
  networkProxy?: { unixSocket: string };
}

/** How the sandbox treats the network: a proxy narrows allowed access; it never grants access the policy denies. */
export function sandboxNetworkFor(policy: SandboxPolicy, networkProxy?: { unixSocket: string }): SandboxNetwork {
  const allowed =
    policy.type === "dangerFullAccess" ||
    (policy.type === "externalSandbox" ? policy.networkAccess === "enabled" : policy.networkAccess);
  if (!allowed) return "disabled";
  return networkProxy === undefined ? "enabled" : "proxy";
}

/** The `codex-linux-sandbox` arguments for a policy (see the linux-sandbox README for the format). */
export function linuxHelperArgs(
  command: readonly string[],
  roots: readonly WritableRoot[],
  network: SandboxNetwork,
  options: { proxySocket?: string; bwrapPath?: string; mountProc?: boolean; setenv?: ReadonlyArray<[string, string]> },
): string[] {
  const args: string[] = [];
  for (const { root } of roots) args.push("--writable-root", root);
  for (const { readOnlySubpaths } of roots) {
    for (const subpath of readOnlySubpaths) args.push("--read-only", subpath);
  }
  args.push("--network", network);
  if (network === "proxy" && options.proxySocket !== undefined) args.push("--proxy-socket", options.proxySocket);
  if (options.mountProc === false) args.push("--no-proc");
  if (options.bwrapPath !== undefined) args.push("--bwrap", options.bwrapPath);
  for (const [name, value] of options.setenv ?? []) args.push("--setenv", `${name}=${value}`);
  return [...args, "--", ...command];
}

/**
 * Turns a command and a policy into the invocation to spawn. Full access (and an external sandbox) runs the
 * command as is. Otherwise Linux goes through the `codex-linux-sandbox` helper (bubblewrap) and macOS through
 * `sandbox-exec` with a generated Seatbelt profile; other platforms throw `SandboxUnavailableError`.
 */
export function transform(
  command: readonly string[],
  policy: SandboxPolicy,
  options: TransformOptions,
): SandboxedInvocation {
  const [program, ...rest] = command;
  if (program === undefined) {
    throw new SandboxError("SANDBOX_EMPTY_COMMAND", "There is no command to run; pass the program and its arguments.");
  }
  const cwd = absolutePath(options.cwd);
  if (policy.type === "dangerFullAccess" || policy.type === "externalSandbox") {
    return { program, args: rest, env: { ...options.env }, cwd, sandbox: "none" };
  }
  const platform = options.platform ?? process.platform;
  const network = sandboxNetworkFor(policy, options.networkProxy);
  const roots = writableRootsFor(policy, cwd, options.env);
  const env: NodeJS.ProcessEnv = { ...options.env };
  if (network === "disabled") env[NETWORK_DISABLED_VARIABLE] = "1";

  if (platform === "linux") {
    const helper = options.linuxSandboxExe;
    if (helper === undefined || helper === "") {
      throw new SandboxError(
        "SANDBOX_HELPER_MISSING",
        "The codex-linux-sandbox helper was not found; reinstall codex so that @codex-ts/linux-sandbox is present.",
      );
    }
    const { helperEnv, withheld } = splitHelperEnvironment(env);
    const helperArgs = linuxHelperArgs(command, roots, network, {
      ...(options.networkProxy !== undefined ? { proxySocket: options.networkProxy.unixSocket } : {}),
      ...(options.bwrapPath !== undefined ? { bwrapPath: options.bwrapPath } : {}),
      ...(options.mountProc !== undefined ? { mountProc: options.mountProc } : {}),
      setenv: withheld,
    });
    const runsOnNode = /\.[cm]?js$/.test(helper);
    return {
      program: runsOnNode ? (options.nodePath ?? process.execPath) : helper,
      args: runsOnNode ? [helper, ...helperArgs] : helperArgs,
      env: helperEnv,
      cwd,
      sandbox: "linux-bubblewrap",
    };
  }
  if (platform === "darwin") {
    const seatbelt = seatbeltPolicy({
      writableRoots: roots,
      network,
      ...(options.networkProxy !== undefined ? { proxySocket: options.networkProxy.unixSocket } : {}),
    });
    env[SANDBOX_VARIABLE] = "seatbelt";
    return { program: SANDBOX_EXEC_PATH, args: sandboxExecArgs(seatbelt, command), env, cwd, sandbox: "macos-seatbelt" };
  }
  throw new SandboxUnavailableError(
    `sandboxing commands is not supported on ${platform}; run with --sandbox danger-full-access only if you accept unsandboxed commands.`,
  );
}
