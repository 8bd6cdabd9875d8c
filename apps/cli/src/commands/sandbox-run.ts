import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import { type ChildExit, parseHelperArgs, runLinuxSandbox, waitForChild } from "@codex-ts/linux-sandbox";
import type { NetworkProxyConfigInput } from "@codex-ts/network-proxy";
import {
  type SandboxConfigInput,
  type SandboxedInvocation,
  checkSandboxAvailable,
  sandboxNetworkFor,
  sandboxPolicyFromConfig,
  transform,
} from "@codex-ts/sandboxing";
import { CliUsageError } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { PLATFORM_NAMES, type Platform } from "./sandbox-platforms.js";

// What `codex sandbox` does once its arguments are parsed; loaded only when the command runs.


/** The config keys `codex sandbox` reads: the sandbox tables and `[network_proxy]`. */
export type SandboxCommandConfig = SandboxConfigInput & { network_proxy?: NetworkProxyConfigInput | null };


/** The shell convention for a child's end: its exit code, or 128 + the number of the signal that killed it. */
function exitCodeOf(result: ChildExit): number {
  if (result.signal !== null) return 128 + (os.constants.signals[result.signal] ?? 0);
  return result.exitCode ?? 1;
}

/** The `codex-linux-sandbox` helper shipped by @codex-ts/linux-sandbox. */
function linuxSandboxHelperPath(): string {
  return createRequire(import.meta.url).resolve("@codex-ts/linux-sandbox/helper");
}

/** The `[network_proxy]` table when it turns the proxy on (`enabled = true`). */
function enabledNetworkProxy(config: SandboxCommandConfig): NetworkProxyConfigInput | undefined {
  const table = config.network_proxy;
  return table !== undefined && table !== null && typeof table === "object" && table.enabled === true ? table : undefined;
}

export async function runSandboxed(
  io: CliIo,
  platform: Platform,
  command: string[],
  options: { fullAuto?: boolean },
  config: SandboxCommandConfig,
): Promise<number> {
  if (process.platform !== platform) {
    throw new CliUsageError(
      `\`codex sandbox ${platform === "linux" ? "linux" : "macos"}\` only runs on ${PLATFORM_NAMES[platform]}; this is ${process.platform}.`,
    );
  }
  const policy = sandboxPolicyFromConfig(config, {
    cwd: io.cwd,
    ...(io.env.HOME !== undefined ? { home: io.env.HOME } : {}),
    overrides: { sandboxMode: options.fullAuto === true ? "workspace-write" : "read-only" },
  });
  const support = checkSandboxAvailable(platform, { env: io.env });
  const helperPath = platform === "linux" ? linuxSandboxHelperPath() : undefined;
  const runUnder = (networkProxy?: { unixSocket: string }): Promise<number> => {
    const invocation = transform(command, policy, {
      cwd: io.cwd,
      env: io.env,
      platform,
      ...(support.platform === "linux"
        ? { linuxSandboxExe: helperPath, bwrapPath: support.bwrapPath, mountProc: support.mountProc }
        : {}),
      ...(networkProxy !== undefined ? { networkProxy } : {}),
    });
    return runInvocation(invocation, helperPath);
  };
  const proxyTable = enabledNetworkProxy(config);
  // The proxy only narrows network access the policy grants; without that access there is nothing to proxy.
  if (proxyTable === undefined || sandboxNetworkFor(policy, { unixSocket: "" }) !== "proxy") return runUnder();
  const { withSandboxNetworkProxy } = await import("./sandbox-network-proxy.js");
  return withSandboxNetworkProxy(io, proxyTable, (unixSocket) => runUnder({ unixSocket }));
}

async function runInvocation(invocation: SandboxedInvocation, helperPath: string | undefined): Promise<number> {
  if (invocation.sandbox === "linux-bubblewrap") {
    // Do in this process what the helper would do: one node process fewer per run.
    const helperArgs = invocation.args[0] === helperPath ? invocation.args.slice(1) : invocation.args;
    return exitCodeOf(await runLinuxSandbox(parseHelperArgs(helperArgs), { env: invocation.env, cwd: invocation.cwd }));
  }
  const child = spawn(invocation.program, invocation.args, { cwd: invocation.cwd, env: invocation.env, stdio: "inherit" });
  return exitCodeOf(await waitForChild(child));
}
