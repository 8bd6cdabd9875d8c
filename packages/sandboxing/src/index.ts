export { type PreflightOptions, type SandboxSupport, checkSandboxAvailable, resetSandboxPreflight } from "./preflight.js";
export {
  HELPER_WITHHELD_VARIABLES,
  NETWORK_DISABLED_VARIABLE,
  SANDBOX_VARIABLE,
  splitHelperEnvironment,
} from "./sandbox-environment.js";
export { SandboxError, type SandboxErrorCode, SandboxUnavailableError } from "./sandbox-errors.js";
export {
  DEFAULT_SANDBOX_MODE,
  type SandboxConfigInput,
  type SandboxPolicyContext,
  type SandboxPolicyOverrides,
  type SandboxWorkspaceWriteConfig,
  sandboxPolicyFromConfig,
} from "./sandbox-policy-from-config.js";
export {
  SANDBOX_EXEC_PATH,
  type SandboxNetwork,
  type SeatbeltPolicy,
  type SeatbeltSpec,
  sandboxExecArgs,
  seatbeltPolicy,
} from "./seatbelt-profile.js";
export {
  type SandboxType,
  type SandboxedInvocation,
  type TransformOptions,
  linuxHelperArgs,
  sandboxNetworkFor,
  transform,
} from "./transform.js";
export { PROTECTED_NAMES, type WritableRoot, isWritableUnder, writableRootsFor } from "./writable-roots.js";
