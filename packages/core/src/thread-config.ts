// The settings a thread runs with, resolved from the layered config plus the caller's overrides.
import { readFile } from "node:fs/promises";
import type { LoadedConfig, ShellEnvironmentPolicyToml } from "@codex-ts/config";
import { type ReasoningEffort, type ReasoningSummary, type ResolvedProvider, resolveProvider } from "@codex-ts/model-client";
import type { AskForApproval, SandboxMode, SandboxPolicy } from "@codex-ts/protocol";
import { sandboxPolicyFromConfig } from "@codex-ts/sandboxing";
import type { ApplyPatchToolType, ShellToolType, WebSearchMode } from "@codex-ts/tools";
import { BASE_INSTRUCTIONS } from "./prompt/base-instructions.js";

export const DEFAULT_MODEL = "gpt-6.1-sol";
export const DEFAULT_CONTEXT_WINDOW = 272_000;

export interface ThreadConfig {
  model: string;
  provider: ResolvedProvider;
  cwd: string;
  approvalPolicy: AskForApproval;
  sandboxPolicy: SandboxPolicy;
  reasoningEffort: ReasoningEffort | null;
  reasoningSummary: ReasoningSummary | null;
  baseInstructions: string;
  developerInstructions: string | null;
  shellEnvironmentPolicy: ShellEnvironmentPolicyToml | undefined;
  shellType: ShellToolType;
  applyPatchToolType: ApplyPatchToolType;
  webSearchMode: WebSearchMode;
  /** Tools only some models get (`read_file`, `list_dir`, `grep_files`). */
  experimentalSupportedTools: string[];
  parallelToolCalls: boolean;
  modelContextWindow: number | null;
  autoCompactTokenLimit: number | null;
  compactPrompt: string | null;
  projectDocMaxBytes: number | undefined;
  projectDocFallbackFilenames: string[];
  projectRootMarkers: string[];
  /** `[projects."<path>"] trust_level` of the cwd's project, when set. */
  serviceTier: string | null;
}

/** What callers (app-server params, exec flags) may set on top of the config. */
export interface ThreadOverrides {
  model?: string | null;
  modelProvider?: string | null;
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  sandboxMode?: SandboxMode | null;
  sandboxPolicy?: SandboxPolicy | null;
  additionalWritableRoots?: readonly string[];
  reasoningEffort?: ReasoningEffort | null;
  reasoningSummary?: ReasoningSummary | null;
  baseInstructions?: string | null;
  developerInstructions?: string | null;
}

async function readInstructionsFile(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  const text = await readFile(path, "utf8");
  return text.trim() === "" ? undefined : text;
}

/** Resolves a thread's settings from loaded config and overrides (the overrides win). */
export async function resolveThreadConfig(
  loaded: LoadedConfig,
  overrides: ThreadOverrides,
  env: NodeJS.ProcessEnv,
): Promise<ThreadConfig> {
  const config = loaded.config;
  const cwd = overrides.cwd ?? loaded.cwd;
  const providerId = overrides.modelProvider ?? config.model_provider;
  const provider = resolveProvider({ ...config, ...(providerId ? { model_provider: providerId } : {}) }, env);
  const sandboxPolicy = sandboxPolicyFromConfig(config, {
    cwd,
    ...(env.HOME ? { home: env.HOME } : {}),
    overrides: {
      ...(overrides.sandboxMode ? { sandboxMode: overrides.sandboxMode } : {}),
      ...(overrides.sandboxPolicy ? { sandboxPolicy: overrides.sandboxPolicy } : {}),
      ...(overrides.additionalWritableRoots ? { additionalWritableRoots: overrides.additionalWritableRoots } : {}),
    },
  });
  const fileInstructions = await readInstructionsFile(config.model_instructions_file ?? config.experimental_instructions_file);
  const compactFile = await readInstructionsFile(config.experimental_compact_prompt_file);
  const features = (config.features ?? {}) as Record<string, unknown>;
  const unifiedExec = features["unified_exec"] !== false && config.experimental_use_unified_exec_tool !== false;
  const webSearch = config.web_search ?? (features["web_search_request"] === true ? "live" : "disabled");
  const toolsTable = (config.tools ?? {}) as Record<string, unknown>;
  return {
    model: overrides.model ?? config.model ?? DEFAULT_MODEL,
    provider,
    cwd,
    approvalPolicy: (overrides.approvalPolicy ?? config.approval_policy ?? "on-request") as AskForApproval,
    sandboxPolicy,
    reasoningEffort: overrides.reasoningEffort ?? config.model_reasoning_effort ?? null,
    reasoningSummary: overrides.reasoningSummary ?? config.model_reasoning_summary ?? null,
    baseInstructions: overrides.baseInstructions ?? fileInstructions ?? BASE_INSTRUCTIONS,
    developerInstructions: overrides.developerInstructions ?? config.developer_instructions ?? null,
    shellEnvironmentPolicy: config.shell_environment_policy,
    shellType: unifiedExec ? "unified_exec" : "default",
    applyPatchToolType: "freeform",
    webSearchMode: toolsTable["web_search"] === true ? "live" : (webSearch as WebSearchMode),
    experimentalSupportedTools: ["read_file", "list_dir", "grep_files"],
    parallelToolCalls: true,
    modelContextWindow: config.model_context_window ?? DEFAULT_CONTEXT_WINDOW,
    autoCompactTokenLimit: config.model_auto_compact_token_limit ?? null,
    compactPrompt: config.compact_prompt ?? compactFile ?? null,
    projectDocMaxBytes: config.project_doc_max_bytes,
    projectDocFallbackFilenames: [...(config.project_doc_fallback_filenames ?? [])],
    projectRootMarkers: [...(config.project_root_markers ?? [".git"])],
    serviceTier: config.service_tier ?? null,
  };
}

/** The token count at which a thread compacts itself: the configured limit, else 90% of the window. */
export function autoCompactLimit(config: ThreadConfig): number | null {
  if (config.autoCompactTokenLimit !== null) return config.autoCompactTokenLimit;
  return config.modelContextWindow === null ? null : Math.floor(config.modelContextWindow * 0.9);
}
