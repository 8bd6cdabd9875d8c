export { absolutePathSchema } from "./absolute-path-schema.js";
export {
  ASK_FOR_APPROVAL_MODES,
  type AskForApproval,
  type AskForApprovalMode,
  type GranularApprovalConfig,
  askForApprovalSchema,
  granularApprovalConfigSchema,
  isAskForApprovalMode,
} from "./ask-for-approval.js";
export { SANDBOX_MODES, type SandboxMode, isSandboxMode, sandboxModeSchema } from "./sandbox-mode.js";
export {
  type DangerFullAccessSandboxPolicy,
  type ExternalSandboxSandboxPolicy,
  type NetworkAccess,
  type ReadOnlySandboxPolicy,
  type SandboxPolicy,
  type SandboxPolicyType,
  type WorkspaceWriteSandboxPolicy,
  dangerFullAccessSandboxPolicy,
  readOnlySandboxPolicy,
  sandboxPolicySchema,
  workspaceWriteSandboxPolicy,
} from "./sandbox-policy.js";
