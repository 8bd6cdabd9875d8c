// The `turn_context` rollout record: the settings a turn ran with, in the rollout spelling (kebab-case sandbox
// type, snake_case fields), and the part of it the model was told about.
import type { TurnContextItem } from "@codex-ts/protocol";
import type { ThreadConfig } from "./thread-config.js";

export function turnContextRecord(config: ThreadConfig, turnId: string, userInstructions: string | null): TurnContextItem {
  const policy = config.sandboxPolicy;
  const sandbox: TurnContextItem["sandbox_policy"] =
    policy.type === "workspaceWrite"
      ? {
          type: "workspace-write",
          writable_roots: policy.writableRoots ?? [],
          network_access: policy.networkAccess ?? false,
          exclude_tmpdir_env_var: policy.excludeTmpdirEnvVar ?? false,
          exclude_slash_tmp: policy.excludeSlashTmp ?? false,
        }
      : policy.type === "readOnly"
        ? { type: "read-only" }
        : policy.type === "dangerFullAccess"
          ? { type: "danger-full-access" }
          : { type: "external-sandbox", network_access: policy.networkAccess ?? "restricted" };
  return {
    turn_id: turnId,
    cwd: config.cwd,
    approval_policy: config.approvalPolicy,
    sandbox_policy: sandbox,
    model: config.model,
    effort: config.reasoningEffort,
    summary: config.reasoningSummary ?? "auto",
    user_instructions: userInstructions,
    developer_instructions: config.developerInstructions,
  };
}

/** The part of a turn context the environment context reports, as one comparable string. */
export function settingsKeyOf(context: Pick<TurnContextItem, "cwd" | "approval_policy" | "sandbox_policy">): string {
  return JSON.stringify([context.cwd, context.approval_policy, context.sandbox_policy]);
}
