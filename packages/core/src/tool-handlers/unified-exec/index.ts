export {
  type ApprovalArguments,
  type ExecCommandArguments,
  type SandboxPermissions,
  type WriteStdinArguments,
  parseApprovalArguments,
  parseExecCommandArguments,
  parseWriteStdinArguments,
} from "./arguments.js";
export {
  DEFAULT_EXEC_YIELD_TIME_MS,
  DEFAULT_MAX_BACKGROUND_TERMINAL_TIMEOUT_MS,
  DEFAULT_MAX_OUTPUT_TOKENS,
  DEFAULT_WRITE_STDIN_YIELD_TIME_MS,
  MAX_UNIFIED_EXEC_SESSIONS,
  MAX_YIELD_TIME_MS,
  MIN_EMPTY_YIELD_TIME_MS,
  MIN_YIELD_TIME_MS,
  PROTECTED_RECENT_SESSIONS,
  UNIFIED_EXEC_ENV,
  UNIFIED_EXEC_OUTPUT_MAX_BYTES,
  WARNING_UNIFIED_EXEC_SESSIONS,
  execYieldTimeMs,
  writeStdinYieldTimeMs,
} from "./constants.js";
export { HeadTailBuffer } from "./head-tail-buffer.js";
export {
  type ExecCommandParams,
  type LaunchRequest,
  type Launcher,
  type UnifiedExecHooks,
  type UnifiedExecManagerOptions,
  type UnifiedExecResult,
  type WriteStdinParams,
  UnifiedExecManager,
  formatUnifiedExecResult,
  generateChunkId,
} from "./manager.js";
export { type PruneCandidate, sessionToPrune } from "./prune.js";
