export { archiveRollout, unarchiveRollout } from "./archive.js";
export { RolloutError, type RolloutErrorCode } from "./errors.js";
export { type FindRolloutOptions, findRolloutByThreadId } from "./find.js";
export { type ForkRolloutOptions, forkRollout } from "./fork.js";
export {
  type ListRolloutsOptions,
  type RolloutPage,
  type RolloutSummary,
  listRollouts,
  rolloutPathsNewestFirst,
} from "./list.js";
export {
  ARCHIVED_SESSIONS_SUBDIR,
  type RolloutFileNameParts,
  SESSIONS_SUBDIR,
  localStamp,
  parseRolloutFileName,
  rolloutFileName,
  sessionDayDir,
} from "./paths.js";
export {
  type ReadRolloutOptions,
  type RolloutContents,
  type RolloutIssue,
  type RolloutRecord,
  readRollout,
  readSessionMeta,
} from "./reader.js";
export {
  type GitInfoLike,
  type NewRolloutOptions,
  type ResumeRolloutOptions,
  RolloutRecorder,
  sessionGitInfo,
} from "./recorder.js";
