export { ProcessError, ProcessSpawnError, type ProcessErrorCode } from "./errors.js";
export { buildEnv, type BaseEnv, type EnvOverrides } from "./env.js";
export {
  DEFAULT_DRAIN_TIMEOUT_MS,
  DEFAULT_KILL_GRACE_MS,
  DEFAULT_TERMINAL_NAME,
  DEFAULT_TERMINAL_SIZE,
  type OutputChunkInfo,
  type OutputListener,
  type OutputStream,
  type ProcessResult,
  type StartProcessOptions,
  type TerminalSize,
} from "./options.js";
export type { ManagedProcess } from "./managed-process.js";
export { runProcess, startProcess, type RunProcessOptions } from "./start-process.js";
export { ProcessRegistry } from "./registry.js";
export { exitStatusCode, signalName, signalNumber } from "./signals.js";
