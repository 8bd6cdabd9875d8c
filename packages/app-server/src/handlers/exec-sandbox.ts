// Choosing the sandbox of a `command/exec` command and turning the command into the program to spawn.
import { createRequire } from "node:module";
import type { SandboxPolicy as WireSandboxPolicy } from "@codex-ts/app-server-protocol";
import type { LoadedConfig } from "@codex-ts/config";
import { directBwrapInvocation } from "@codex-ts/linux-sandbox";
import { type SandboxPolicy, sandboxPolicySchema } from "@codex-ts/protocol";
import { checkSandboxAvailable, sandboxPolicyFromConfig, transform } from "@codex-ts/sandboxing";
import { internal, invalidRequest } from "./rpc-errors.js";

/** A concrete program to start. */
export interface ExecInvocation {
  program: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * The policy a command runs under: the request's `sandboxPolicy`, else the configured one
 * (`sandbox_mode`, read-only by default) with the server's working directory as the workspace.
 */
export function resolveSandboxPolicy(
  requested: WireSandboxPolicy | null | undefined,
  config: LoadedConfig,
  workspace: string,
  env: NodeJS.ProcessEnv,
): SandboxPolicy {
  if (requested !== null && requested !== undefined) {
    const parsed = sandboxPolicySchema.safeParse(requested);
    if (!parsed.success) {
      throw invalidRequest(`invalid sandbox policy: ${parsed.error.issues[0]?.message ?? "not a sandbox policy"}`);
    }
    return parsed.data;
  }
  try {
    return sandboxPolicyFromConfig(config.config, {
      cwd: workspace,
      ...(env.HOME !== undefined && env.HOME !== "" ? { home: env.HOME } : {}),
    });
  } catch (error) {
    throw invalidRequest(`invalid sandbox policy: ${(error as Error).message}`);
  }
}

let helperPath: string | undefined;

/** The `codex-linux-sandbox` helper shipped with @codex-ts/linux-sandbox. */
function linuxSandboxHelper(): string {
  helperPath ??= createRequire(import.meta.url).resolve("@codex-ts/linux-sandbox/helper");
  return helperPath;
}

/**
 * The program to spawn for `command` under `policy`. Full access (and an external sandbox) runs the command
 * itself; otherwise it runs behind bubblewrap (Linux) or Seatbelt (macOS), with `workspace` as the writable
 * workspace root and `cwd` as the command's working directory. A missing or unusable sandbox is an error;
 * the command is never run unsandboxed instead.
 */
export function sandboxedInvocation(
  command: readonly string[],
  policy: SandboxPolicy,
  options: { cwd: string; workspace: string; env: NodeJS.ProcessEnv },
): ExecInvocation {
  const [program, ...args] = command;
  if (program === undefined) throw invalidRequest("command must not be empty");
  if (policy.type === "dangerFullAccess" || policy.type === "externalSandbox") {
    return { program, args, env: options.env, cwd: options.cwd };
  }
  try {
    const support = checkSandboxAvailable(process.platform, { env: options.env });
    const helper = support.platform === "linux" ? linuxSandboxHelper() : undefined;
    const invocation = transform(command, policy, {
      cwd: options.workspace,
      env: options.env,
      ...(support.platform === "linux"
        ? { linuxSandboxExe: helper, bwrapPath: support.bwrapPath, mountProc: support.mountProc }
        : {}),
    });
    const placed = { program: invocation.program, args: invocation.args, env: invocation.env, cwd: options.cwd };
    if (support.platform === "linux" && helper !== undefined) {
      return directBwrapInvocation(placed, { helperPath: helper, procMountWorks: support.mountProc });
    }
    return placed;
  } catch (error) {
    throw internal(`exec failed: ${(error as Error).message}`);
  }
}
