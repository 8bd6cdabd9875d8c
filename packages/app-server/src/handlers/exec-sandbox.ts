// Choosing the sandbox policy of a `command/exec` command.
import type { SandboxPolicy as WireSandboxPolicy } from "@codex-ts/app-server-protocol";
import type { LoadedConfig } from "@codex-ts/config";
import { type SandboxPolicy, sandboxPolicySchema } from "@codex-ts/protocol";
import { sandboxPolicyFromConfig } from "@codex-ts/sandboxing";
import { invalidRequest } from "./rpc-errors.js";

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
