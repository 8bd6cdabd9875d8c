import { createApplyPatchFreeformTool, createApplyPatchFunctionTool } from "./apply-patch-tool.js";
import { createGrepFilesTool, createListDirTool, createReadFileTool, createViewImageTool } from "./file-tools.js";
import { type DynamicTool, dynamicToolToSpec, type McpTool, qualifyMcpTools } from "./mcp.js";
import { createUpdatePlanTool } from "./plan-tool.js";
import {
  createExecCommandTool,
  createShellCommandTool,
  createShellTool,
  createWriteStdinTool,
} from "./shell-tools.js";
import type { ToolSpec, WebSearchToolSpec } from "./tool-spec.js";

/** How the model runs commands (the model catalog's `shell_type`, possibly overridden by features). */
export type ShellToolType = "default" | "local" | "unified_exec" | "shell_command" | "disabled";
export type ApplyPatchToolType = "freeform" | "function";
/** `cached` searches an index, `live` may fetch pages; `disabled` offers no web search. */
export type WebSearchMode = "disabled" | "cached" | "live";
/** Tools offered only when the model lists them in `experimental_supported_tools`. */
export const EXPERIMENTAL_TOOL_NAMES = ["grep_files", "read_file", "list_dir"] as const;

export interface BuildToolSpecsOptions {
  /** Default `"default"` (the legacy `shell` tool). */
  shellType?: ShellToolType;
  /** Offer `login` on exec_command/shell_command. Default true. */
  allowLoginShell?: boolean;
  /** The exec-permission-approvals feature: extra sandbox permission arguments. Default false. */
  execPermissionApprovals?: boolean;
  /** Omit for no apply_patch tool. */
  applyPatchToolType?: ApplyPatchToolType;
  /** The plan tool; default true. */
  planTool?: boolean;
  /** view_image; default true. */
  viewImage?: boolean;
  /** Offer view_image's `detail: "original"` argument. Default false. */
  viewImageOriginalDetail?: boolean;
  /** Default `"disabled"`. */
  webSearchMode?: WebSearchMode;
  /** From the model catalog; enables read_file / list_dir / grep_files. */
  experimentalSupportedTools?: readonly string[];
  /** MCP tools, converted with qualified names and sorted by them. */
  mcpTools?: readonly { serverName: string; tool: McpTool }[];
  /** Client-supplied dynamic tools, appended last. */
  dynamicTools?: readonly DynamicTool[];
}

/** The `tools` array for a Responses API request, in upstream's order. */
export function buildToolSpecs(options: BuildToolSpecsOptions = {}): ToolSpec[] {
  const specs: ToolSpec[] = [];
  const commandOptions = {
    allowLoginShell: options.allowLoginShell ?? true,
    execPermissionApprovals: options.execPermissionApprovals ?? false,
  };
  switch (options.shellType ?? "default") {
    case "default":
      specs.push(createShellTool(commandOptions));
      break;
    case "local":
      specs.push({ type: "local_shell" });
      break;
    case "unified_exec":
      specs.push(createExecCommandTool(commandOptions), createWriteStdinTool());
      break;
    case "shell_command":
      specs.push(createShellCommandTool(commandOptions));
      break;
    case "disabled":
      break;
  }
  if (options.planTool ?? true) specs.push(createUpdatePlanTool());
  if (options.applyPatchToolType === "freeform") specs.push(createApplyPatchFreeformTool());
  if (options.applyPatchToolType === "function") specs.push(createApplyPatchFunctionTool());

  const experimental = new Set(options.experimentalSupportedTools ?? []);
  if (experimental.has("grep_files")) specs.push(createGrepFilesTool());
  if (experimental.has("read_file")) specs.push(createReadFileTool());
  if (experimental.has("list_dir")) specs.push(createListDirTool());

  const webSearch = webSearchSpec(options.webSearchMode ?? "disabled");
  if (webSearch) specs.push(webSearch);
  if (options.viewImage ?? true) {
    specs.push(createViewImageTool({ canRequestOriginalDetail: options.viewImageOriginalDetail ?? false }));
  }

  const mcp = qualifyMcpTools(options.mcpTools ?? []);
  mcp.sort((a, b) => (a.qualifiedName < b.qualifiedName ? -1 : a.qualifiedName > b.qualifiedName ? 1 : 0));
  for (const entry of mcp) specs.push(entry.spec);
  for (const tool of options.dynamicTools ?? []) specs.push(dynamicToolToSpec(tool));
  return specs;
}

/** The built-in web search tool for a mode, or undefined when disabled. */
export function webSearchSpec(mode: WebSearchMode): WebSearchToolSpec | undefined {
  if (mode === "disabled") return undefined;
  return { type: "web_search", external_web_access: mode === "live" };
}
