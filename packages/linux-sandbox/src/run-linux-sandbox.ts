import { spawn } from "node:child_process";
import fs, { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type BwrapSpec, buildBwrapArgs } from "./bwrap-args.js";
import { findBwrap, needsUserNamespace } from "./bwrap-path.js";
import { type ChildExit, waitForChild } from "./child-exit.js";
import type { LinuxSandboxRequest } from "./helper-request.js";
import { LinuxSandboxError } from "./linux-sandbox-error.js";
import { type MountPlan, planMounts } from "./mount-plan.js";
import { markerBaseDir, registerPlaceholders, releasePlaceholders } from "./placeholders.js";
import { STDERR_SPLIT_PREFIX, isProcMountFailure } from "./proc-mount.js";

export interface RunLinuxSandboxOptions {
  /** Environment of bubblewrap and, through it, of the command. Defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Working directory of the command. Defaults to `process.cwd()`. */
  cwd?: string;
  /** The proxy forwarder script run inside the sandbox. Defaults to `forwarder.js` beside this module. */
  forwarderScript?: string;
  /** The node executable for the forwarder. Defaults to `process.execPath`. */
  nodePath?: string;
  /** Receives bubblewrap's own messages. Defaults to the process's stderr. */
  writeStderr?: (text: string) => void;
}

const MAX_CAPTURED_STDERR = 64 * 1024;

/** The forwarder script shipped beside this module (`dist/forwarder.js`). */
export function defaultForwarderScript(): string {
  return fileURLToPath(new URL("./forwarder.js", import.meta.url));
}

/** The command bubblewrap runs: the user's command, behind the proxy forwarder when the network is proxied. */
export function innerCommand(
  request: LinuxSandboxRequest,
  forwarder: { script: string; node: string },
): string[] {
  if (request.network !== "proxy" || request.proxySocket === undefined) return request.command;
  const setenv = request.setenv.flatMap(([name, value]) => ["--setenv", `${name}=${value}`]);
  return [forwarder.node, forwarder.script, "--socket", request.proxySocket, ...setenv, "--", ...request.command];
}

/**
 * Plans the mounts of a request and keeps the placeholder markers read-only inside the sandbox when they live in a
 * writable root (e.g. `/tmp`): a sandboxed command must not remove another sandbox's markers.
 */
export function planSandboxMounts(request: LinuxSandboxRequest, env: NodeJS.ProcessEnv): MountPlan {
  const plan = planMounts(request);
  const base = markerBaseDir(env);
  if (plan.writableRoots.some((root) => root === "/" || base === root || base.startsWith(`${root}/`))) {
    try {
      fs.mkdirSync(base, { recursive: true, mode: 0o700 });
      const real = fs.realpathSync(base);
      if (!plan.readOnlyPaths.includes(real)) plan.readOnlyPaths.push(real);
    } catch {
      // Markers stay unprotected; clean-up may then leave a placeholder behind but never breaks the sandbox.
    }
  }
  return plan;
}

/** Builds the bubblewrap spec of a request whose mounts were just planned. */
export function bwrapSpecFor(
  request: LinuxSandboxRequest,
  plan: MountPlan,
  context: { cwd: string; bwrapPath: string; command: readonly string[] },
): BwrapSpec {
  return {
    command: context.command,
    cwd: context.cwd,
    writableRoots: plan.writableRoots,
    readOnlyPaths: plan.readOnlyPaths,
    blockedPaths: plan.blockedPaths,
    network: request.network,
    ...(request.proxySocket !== undefined ? { proxySocket: request.proxySocket } : {}),
    mountProc: request.mountProc,
    unshareUser: needsUserNamespace(context.bwrapPath),
    // With a proxy the forwarder sets these for the command; bubblewrap would also set them for the forwarder.
    setenv: request.network === "proxy" ? [] : request.setenv,
  };
}

/**
 * Runs a request under bubblewrap with the caller's stdio and returns how the command ended. Signals the caller
 * receives are passed on; placeholders for missing protected paths are removed afterwards. When the host refuses
 * a new `/proc`, the run is retried once with `/proc` masked.
 */
export async function runLinuxSandbox(
  request: LinuxSandboxRequest,
  options: RunLinuxSandboxOptions = {},
): Promise<ChildExit> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const bwrapPath = findBwrap(request.bwrapPath, env);
  const plan = planSandboxMounts(request, env);
  const forwarderScript = options.forwarderScript ?? defaultForwarderScript();
  if (request.network === "proxy" && !existsSync(forwarderScript)) {
    throw new LinuxSandboxError(
      "SANDBOX_FORWARDER_MISSING",
      `The proxy forwarder ${forwarderScript} is missing; reinstall codex (or rebuild @codex-ts/linux-sandbox).`,
    );
  }
  const command = innerCommand(request, { script: forwarderScript, node: options.nodePath ?? process.execPath });
  const writeStderr = options.writeStderr ?? ((text: string) => process.stderr.write(text));
  const registrations = registerPlaceholders(plan.placeholders, markerBaseDir(env));
  try {
    let mountProc = request.mountProc;
    for (;;) {
      const spec = bwrapSpecFor({ ...request, mountProc }, plan, { cwd, bwrapPath, command });
      if (!mountProc) {
        return await waitForChild(spawn(bwrapPath, buildBwrapArgs(spec), { cwd, env, stdio: "inherit" }));
      }
      // Keep bubblewrap's own stderr apart from the command's so a refused /proc can be recognised.
      const child = spawn(bwrapPath, buildBwrapArgs({ ...spec, command: [...STDERR_SPLIT_PREFIX, ...command] }), {
        cwd,
        env,
        stdio: ["inherit", "inherit", "pipe", 2],
      });
      let captured = "";
      const stderrDone = new Promise<void>((resolve) => {
        child.stderr?.setEncoding("utf8");
        child.stderr?.on("data", (chunk: string) => {
          if (captured.length < MAX_CAPTURED_STDERR) captured += chunk;
          else writeStderr(chunk);
        });
        child.stderr?.on("close", resolve);
      });
      const result = await waitForChild(child);
      await stderrDone;
      if (result.exitCode === 1 && isProcMountFailure(captured)) {
        mountProc = false;
        continue;
      }
      if (captured.length > 0) writeStderr(captured);
      return result;
    }
  } finally {
    releasePlaceholders(registrations);
  }
}
