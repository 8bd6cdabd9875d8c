export {
  type ExecApprovalRequirement,
  type SandboxPermissions,
  canRetryWithoutSandbox,
  commandKey,
  execApprovalRequirement,
  looksLikeSandboxDenial,
} from "./approvals/exec-approval.js";
export { DEFAULT_COMPACT_PROMPT } from "./compaction.js";
export { type McpToolSource, mcpResultText } from "./mcp-tools.js";
export { type CommandInvocation, SandboxSetupError, linuxSandboxHelperPath, sandboxedCommand } from "./exec/sandboxed-command.js";
export { applyEnvOverrides, applyShellEnvironmentPolicy } from "./exec/shell-environment.js";
export {
  AGENTS_MD,
  AGENTS_OVERRIDE_MD,
  DEFAULT_PROJECT_DOC_MAX_BYTES,
  type InstructionSource,
  type UserInstructions,
  findProjectRoot,
  loadUserInstructions,
} from "./prompt/agents-md.js";
export { BASE_INSTRUCTIONS } from "./prompt/base-instructions.js";
export { rebuildThread, type RebuiltThread } from "./rebuild-thread.js";
export { NoActiveTurnError, Thread, ThreadBusyError, type ThreadInit, type ThreadListener, type TurnOptions } from "./thread.js";
export { DEFAULT_MODEL, type ThreadConfig, type ThreadOverrides, resolveThreadConfig } from "./thread-config.js";
export { type StartThreadOptions, ThreadManager, type ThreadManagerOptions, ThreadNotFoundError } from "./thread-manager.js";
export type { TurnRecord } from "./turn-record.js";
