// Sandbox and approval settings as they appear on the wire.
import type { AbsolutePathBuf } from "./scalars.js";

/** Network access of an externally provided sandbox. */
export type NetworkAccess = "restricted" | "enabled";

/** How commands are sandboxed. Tagged by `type`. */
export type SandboxPolicy =
  | { type: "dangerFullAccess" }
  | {
      type: "readOnly";
      /** Allow outbound network access. Defaults to false. */
      networkAccess?: boolean;
    }
  | {
      type: "externalSandbox";
      /** Network access inside the external sandbox. Defaults to `restricted`. */
      networkAccess?: NetworkAccess;
    }
  | {
      type: "workspaceWrite";
      /** Extra directories that may be written besides the workspace. */
      writableRoots?: AbsolutePathBuf[];
      /** Allow outbound network access. Defaults to false. */
      networkAccess?: boolean;
      /** Do not make `$TMPDIR` writable. Defaults to false. */
      excludeTmpdirEnvVar?: boolean;
      /** Do not make `/tmp` writable. Defaults to false. */
      excludeSlashTmp?: boolean;
    };

/** Named sandbox mode, as written in config.toml (kebab-case). */
export type SandboxMode = "read-only" | "workspace-write" | "danger-full-access";

/** Per-category switches of the granular approval policy (snake_case on the wire). */
export interface GranularApprovalConfig {
  sandbox_approval: boolean;
  rules: boolean;
  mcp_elicitations: boolean;
  /** Defaults to false. */
  skill_approval?: boolean;
  /** Defaults to false. */
  request_permissions?: boolean;
}

/** When the agent must ask before acting. */
export type AskForApproval = "untrusted" | "on-request" | "never" | { granular: GranularApprovalConfig };

/** Who reviews approval requests. `guardian_subagent` is an older spelling of `auto_review`. */
export type ApprovalsReviewer = "user" | "auto_review" | "guardian_subagent";
