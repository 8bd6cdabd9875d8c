import {
  SANDBOX_MODES,
  type SandboxMode,
  type SandboxPolicy,
  isSandboxMode,
  readOnlySandboxPolicy,
  workspaceWriteSandboxPolicy,
} from "@codex-ts/protocol";
import { type AbsolutePath, absolutePath, resolveAbsolutePath } from "@codex-ts/utils-absolute-path";
import { SandboxError } from "./sandbox-errors.js";

/** The `[sandbox_workspace_write]` table of config.toml. */
export interface SandboxWorkspaceWriteConfig {
  writable_roots?: readonly string[];
  network_access?: boolean;
  exclude_tmpdir_env_var?: boolean;
  exclude_slash_tmp?: boolean;
}

/** The sandbox keys of the merged config (any object with these fields will do). */
export interface SandboxConfigInput {
  sandbox_mode?: string;
  sandbox_workspace_write?: SandboxWorkspaceWriteConfig;
}

/** Per-thread or per-command choices that win over config. */
export interface SandboxPolicyOverrides {
  /** `--sandbox`, `--full-auto`, `thread/start.sandbox`: replaces `sandbox_mode`. */
  sandboxMode?: SandboxMode;
  /** `turn/start.sandboxPolicy`, `command/exec.sandboxPolicy`: used as is, config is ignored. */
  sandboxPolicy?: SandboxPolicy;
  /** `--add-dir`: extra writable roots under workspace-write (ignored by the other modes). */
  additionalWritableRoots?: readonly string[];
}

export interface SandboxPolicyContext {
  /** Relative writable roots are resolved against this folder. */
  cwd: AbsolutePath | string;
  /** Expands `~/` in writable roots. */
  home?: string;
  overrides?: SandboxPolicyOverrides;
}

/** The default mode when neither config nor overrides choose one. */
export const DEFAULT_SANDBOX_MODE: SandboxMode = "read-only";

/**
 * The effective `SandboxPolicy`: an explicit policy override, else the mode (override, then `sandbox_mode`, then
 * read-only) with `sandbox_workspace_write` and `--add-dir` roots for workspace-write.
 */
export function sandboxPolicyFromConfig(config: SandboxConfigInput, context: SandboxPolicyContext): SandboxPolicy {
  const overrides = context.overrides ?? {};
  if (overrides.sandboxPolicy !== undefined) return overrides.sandboxPolicy;
  const mode = overrides.sandboxMode ?? configuredMode(config.sandbox_mode);
  switch (mode) {
    case "danger-full-access":
      return { type: "dangerFullAccess" };
    case "read-only":
      return readOnlySandboxPolicy();
    case "workspace-write": {
      const table = config.sandbox_workspace_write ?? {};
      const base = absolutePath(context.cwd);
      const writableRoots: AbsolutePath[] = [];
      for (const root of [...(table.writable_roots ?? []), ...(overrides.additionalWritableRoots ?? [])]) {
        const resolved = resolveAbsolutePath(root, base, context.home);
        if (!writableRoots.includes(resolved)) writableRoots.push(resolved);
      }
      return workspaceWriteSandboxPolicy({
        writableRoots,
        networkAccess: table.network_access ?? false,
        excludeTmpdirEnvVar: table.exclude_tmpdir_env_var ?? false,
        excludeSlashTmp: table.exclude_slash_tmp ?? false,
      });
    }
  }
}

function configuredMode(value: string | undefined): SandboxMode {
  if (value === undefined) return DEFAULT_SANDBOX_MODE;
  if (isSandboxMode(value)) return value;
  throw new SandboxError(
    "SANDBOX_INVALID_MODE",
    `sandbox_mode must be one of ${SANDBOX_MODES.join(", ")}, got ${JSON.stringify(value)}.`,
  );
}
