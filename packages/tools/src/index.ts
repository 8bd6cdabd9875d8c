export {
  APPLY_PATCH_LARK_GRAMMAR,
  APPLY_PATCH_TOOL_NAME,
  createApplyPatchFreeformTool,
  createApplyPatchFunctionTool,
} from "./apply-patch-tool.js";
export {
  type ApplyPatchToolType,
  type BuildToolSpecsOptions,
  buildToolSpecs,
  EXPERIMENTAL_TOOL_NAMES,
  type ShellToolType,
  type WebSearchMode,
  webSearchSpec,
} from "./build-tool-specs.js";
export {
  createGrepFilesTool,
  createListDirTool,
  createReadFileTool,
  createViewImageTool,
  GREP_FILES_TOOL_NAME,
  LIST_DIR_TOOL_NAME,
  READ_FILE_MODES,
  READ_FILE_TOOL_NAME,
  VIEW_IMAGE_TOOL_NAME,
  type ViewImageToolOptions,
} from "./file-tools.js";
export {
  type JsonSchema,
  type JsonSchemaArray,
  type JsonSchemaBoolean,
  type JsonSchemaNull,
  type JsonSchemaNumber,
  type JsonSchemaObject,
  type JsonSchemaString,
  sanitizeJsonSchema,
  schema,
  validateJsonSchema,
} from "./json-schema.js";
export {
  type DynamicTool,
  dynamicToolToSpec,
  MAX_TOOL_NAME_LENGTH,
  MCP_TOOL_NAME_DELIMITER,
  MCP_TOOL_NAME_PREFIX,
  type McpTool,
  mcpToolToSpec,
  type QualifiedMcpTool,
  qualifyMcpToolName,
  qualifyMcpTools,
  rawMcpToolName,
  sanitizeToolName,
} from "./mcp.js";
export { createUpdatePlanTool, PLAN_STEP_STATUSES, type PlanStepStatus, UPDATE_PLAN_TOOL_NAME } from "./plan-tool.js";
export {
  approvalParameters,
  type CommandToolOptions,
  createExecCommandTool,
  createShellCommandTool,
  createShellTool,
  createWriteStdinTool,
  EXEC_COMMAND_TOOL_NAME,
  SANDBOX_PERMISSIONS_VALUES,
  type SandboxPermissionsValue,
  SHELL_COMMAND_TOOL_NAME,
  SHELL_TOOL_NAME,
  type ShellToolOptions,
  WRITE_STDIN_TOOL_NAME,
} from "./shell-tools.js";
export {
  type FreeformToolFormat,
  type FreeformToolSpec,
  type FunctionToolSpec,
  functionTool,
  type LocalShellToolSpec,
  type ToolSpec,
  toolSpecName,
  type WebSearchToolSpec,
} from "./tool-spec.js";
