export { FUNCTION_ARGUMENTS_ERROR_PREFIX, ToolArguments, describeValue } from "./arguments.js";
export { describeIoError, readFileLines } from "./file-lines.js";
export {
  GREP_FILES_DEFAULT_LIMIT,
  GREP_FILES_MAX_LIMIT,
  GREP_FILES_NO_MATCHES,
  GREP_FILES_TIMEOUT_MS,
  type GrepFilesOptions,
  type GrepFilesRequest,
  parseGrepFilesArguments,
  runGrepFiles,
} from "./grep-files.js";
export {
  LIST_DIR_DEFAULT_DEPTH,
  LIST_DIR_DEFAULT_LIMIT,
  LIST_DIR_MAX_ENTRY_BYTES,
  type ListDirRequest,
  parseListDirArguments,
  runListDir,
} from "./list-dir.js";
export {
  type IndentationOptions,
  READ_FILE_DEFAULT_LIMIT,
  READ_FILE_MAX_LINE_BYTES,
  type ReadFileRequest,
  formatLine,
  parseReadFileArguments,
  runReadFile,
} from "./read-file.js";
export {
  type ShellArguments,
  type ShellCommandArguments,
  parseShellArguments,
  parseShellCommandArguments,
} from "./shell-arguments.js";
export {
  DEFAULT_TOOL_OUTPUT_POLICY,
  type ShellCommandArgvOptions,
  type ShellRunSummary,
  formatDurationSeconds,
  formatShellOutput,
  formatShellOutputJson,
  shellCommandArgv,
  shellOutputContent,
  userShellPath,
} from "./shell-output.js";
export { ToolCallError, isToolCallError } from "./tool-call-error.js";
export { UPDATE_PLAN_OUTPUT, type UpdatePlanArguments, parseUpdatePlanArguments } from "./update-plan.js";
export { type ImageMimeType, type LoadedImage, detectImageMimeType, loadImageForModel } from "./view-image.js";
export * from "./unified-exec/index.js";
