// Turning a command into the program to spawn under a sandbox policy. Every command the agent runs goes
// through here; a missing or unusable sandbox is an error, never an unsandboxed fallback.
import { createRequire } from "node:module";
import { directBwrapInvocation } from "@codex-ts/linux-sandbox";
import type { SandboxPolicy } from "@codex-ts/protocol";
import { checkSandboxAvailable, transform } from "@codex-ts/sandboxing";

/** A concrete program to start. */
export interface CommandInvocation {
  program: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when the command runs behind bubblewrap or Seatbelt. */
  sandboxed: boolean;
}

export class SandboxSetupError extends Error {
  readonly code = "SANDBOX_SETUP";
}

let helperPath: string | undefined;

/** The `codex-linux-sandbox` helper shipped with @codex-ts/linux-sandbox. */
export function linuxSandboxHelperPath(): string {
  helperPath ??= createRequire(import.meta.url).resolve("@codex-ts/linux-sandbox/helper");
  return helperPath;
}

/**
 * The program to spawn for `command` under `policy`. Full access (and an external sandbox) runs the command
 * itself; otherwise it runs behind bubblewrap (Linux) or Seatbelt (macOS), with `workspace` as the writable
 * workspace root and `cwd` as the command's working directory.
 */
export function sandboxedCommand(
  command: readonly string[],
  policy: SandboxPolicy,
  options: { cwd: string; workspace: string; env: NodeJS.ProcessEnv },
): CommandInvocation {
  const [program, ...args] = command;
  if (program === undefined) throw new SandboxSetupError("command must not be empty");
  if (policy.type === "dangerFullAccess" || policy.type === "externalSandbox") {
    return { program, args, env: options.env, cwd: options.cwd, sandboxed: false };
  }
  try {
    const support = checkSandboxAvailable(process.platform, { env: options.env });
    const helper = support.platform === "linux" ? linuxSandboxHelperPath() : undefined;
    const invocation = transform(command, policy, {
      cwd: options.workspace,
      env: options.env,
      ...(support.platform === "linux"
        ? { linuxSandboxExe: helper, bwrapPath: support.bwrapPath, mountProc: support.mountProc }
        : {}),
    });
    const placed = { program: invocation.program, args: invocation.args, env: invocation.env, cwd: options.cwd };
    if (support.platform === "linux" && helper !== undefined) {
      return { ...directBwrapInvocation(placed, { helperPath: helper, procMountWorks: support.mountProc }), sandboxed: true };
    }
    return { ...placed, sandboxed: true };
  } catch (error) {
    throw new SandboxSetupError((error as Error).message);
  }
}
