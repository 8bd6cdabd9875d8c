export { ProcessGroupError, type ProcessGroupErrorCode } from "./errors.js";
export { spawnInProcessGroup } from "./spawn.js";
export { isProcessAlive, isProcessGroupAlive, signalProcessGroup } from "./signal.js";
export {
  DEFAULT_KILL_GRACE_MS,
  DEFAULT_KILL_TIMEOUT_MS,
  childExited,
  killChildProcessGroup,
  killProcessGroup,
  type KillProcessGroupOptions,
  type KillProcessGroupResult,
} from "./kill.js";
export { hasProcFs, parseProcStat, processGroupMembers, type ProcessGroupMember } from "./group-members.js";
