// Validators of `config/read` and the config layer types.
import { z } from "zod";
import type {
  AnalyticsConfig,
  AppConfig,
  AppLinkConfig,
  AppLinksConfig,
  AppsConfig,
  AppsDefaultConfig,
  AppToolApproval,
  AppToolConfig,
  AppToolsConfig,
  AutoCompactTokenLimitScope,
  Config,
  ConfigLayer,
  ConfigLayerMetadata,
  ConfigLayerSource,
  ConfigReadParams,
  ConfigReadResponse,
  ForcedChatgptWorkspaceIds,
  ForcedLoginMethod,
  SandboxWorkspaceWrite,
  ToolExposureSurface,
  ToolsV2,
} from "../wire/index.js";
import {
  browserUseConfigSchema,
  computerUseConfigSchema,
  reasoningEffortSchema,
  reasoningSummarySchema,
  verbositySchema,
  webSearchModeSchema,
  webSearchProviderSchema,
  webSearchToolConfigSchema,
} from "./common.js";
import { absolutePath, exact, int64, jsonValue, nullish } from "./exact.js";
import { approvalsReviewerSchema, askForApprovalSchema, sandboxModeSchema } from "./sandbox.js";

export const configLayerSourceSchema = exact<ConfigLayerSource>()(
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("packagedDefaults"), file: absolutePath }),
    z.object({ type: z.literal("mdm"), domain: z.string(), key: z.string() }),
    z.object({ type: z.literal("system"), file: absolutePath }),
    z.object({ type: z.literal("enterpriseManaged"), id: z.string(), name: z.string() }),
    z.object({ type: z.literal("user"), file: absolutePath, profile: nullish(z.string()) }),
    z.object({ type: z.literal("project"), dotCodexFolder: absolutePath }),
    z.object({ type: z.literal("sessionFlags") }),
    z.object({ type: z.literal("legacyManagedConfigTomlFromFile"), file: absolutePath }),
    z.object({ type: z.literal("legacyManagedConfigTomlFromMdm") }),
  ]),
);

export const configLayerMetadataSchema = exact<ConfigLayerMetadata>()(
  z.object({ name: configLayerSourceSchema, version: z.string() }),
);

export const configLayerSchema = exact<ConfigLayer>()(
  z.object({
    name: configLayerSourceSchema,
    version: z.string(),
    config: jsonValue,
    disabledReason: nullish(z.string()),
  }),
);

export const appToolApprovalSchema = exact<AppToolApproval>()(z.enum(["auto", "prompt", "writes", "approve"]));
export const toolExposureSurfaceSchema = exact<ToolExposureSurface>()(z.enum(["code_mode", "deferred", "direct"]));
export const appToolConfigSchema = exact<AppToolConfig>()(
  z.object({ enabled: nullish(z.boolean()), approval_mode: nullish(appToolApprovalSchema) }),
);
export const appToolsConfigSchema = exact<AppToolsConfig>()(z.record(z.string(), appToolConfigSchema));
export const appLinkConfigSchema = exact<AppLinkConfig>()(
  z.object({
    approvals_reviewer: nullish(approvalsReviewerSchema),
    default_tools_approval_mode: nullish(appToolApprovalSchema),
  }),
);
export const appLinksConfigSchema = exact<AppLinksConfig>()(z.record(z.string(), appLinkConfigSchema));
export const appConfigSchema = exact<AppConfig>()(
  z.object({
    enabled: z.boolean().optional(),
    destructive_enabled: nullish(z.boolean()),
    open_world_enabled: nullish(z.boolean()),
    default_tools_enabled: nullish(z.boolean()),
    default_tools_approval_mode: nullish(appToolApprovalSchema),
    approvals_reviewer: nullish(approvalsReviewerSchema),
    omit_tools_from: nullish(z.array(toolExposureSurfaceSchema)),
    tools: nullish(appToolsConfigSchema),
    links: nullish(appLinksConfigSchema),
  }),
);
export const appsDefaultConfigSchema = exact<AppsDefaultConfig>()(
  z.object({
    enabled: z.boolean().optional(),
    destructive_enabled: z.boolean().optional(),
    open_world_enabled: z.boolean().optional(),
    default_tools_approval_mode: nullish(appToolApprovalSchema),
    approvals_reviewer: nullish(approvalsReviewerSchema),
  }),
);
export const appsConfigSchema = exact<AppsConfig>()(
  z
    .object({ _default: nullish(appsDefaultConfigSchema) })
    .catchall(z.union([appConfigSchema, appsDefaultConfigSchema, z.null(), z.undefined()])),
);

export const autoCompactTokenLimitScopeSchema = exact<AutoCompactTokenLimitScope>()(
  z.enum(["total", "body_after_prefix"]),
);
export const forcedChatgptWorkspaceIdsSchema = exact<ForcedChatgptWorkspaceIds>()(
  z.union([z.string(), z.array(z.string())]),
);
export const forcedLoginMethodSchema = exact<ForcedLoginMethod>()(z.enum(["chatgpt", "api"]));
export const sandboxWorkspaceWriteSchema = exact<SandboxWorkspaceWrite>()(
  z.object({
    writable_roots: z.array(z.string()).optional(),
    network_access: z.boolean().optional(),
    exclude_tmpdir_env_var: z.boolean().optional(),
    exclude_slash_tmp: z.boolean().optional(),
  }),
);
export const toolsV2Schema = exact<ToolsV2>()(z.object({ web_search: nullish(webSearchToolConfigSchema) }));
export const analyticsConfigSchema = exact<AnalyticsConfig>()(
  z.object({ enabled: nullish(z.boolean()) }).catchall(jsonValue),
);

export const configSchema = exact<Config>()(
  z
    .object({
      model: nullish(z.string()),
      review_model: nullish(z.string()),
      model_context_window: nullish(int64),
      model_auto_compact_token_limit: nullish(int64),
      model_auto_compact_token_limit_scope: nullish(autoCompactTokenLimitScopeSchema),
      model_provider: nullish(z.string()),
      approval_policy: nullish(askForApprovalSchema),
      approvals_reviewer: nullish(approvalsReviewerSchema),
      sandbox_mode: nullish(sandboxModeSchema),
      sandbox_workspace_write: nullish(sandboxWorkspaceWriteSchema),
      forced_chatgpt_workspace_id: nullish(forcedChatgptWorkspaceIdsSchema),
      forced_login_method: nullish(forcedLoginMethodSchema),
      web_search: nullish(webSearchModeSchema),
      client_search_provider: nullish(webSearchProviderSchema),
      tools: nullish(toolsV2Schema),
      instructions: nullish(z.string()),
      developer_instructions: nullish(z.string()),
      compact_prompt: nullish(z.string()),
      model_reasoning_effort: nullish(reasoningEffortSchema),
      model_reasoning_summary: nullish(reasoningSummarySchema),
      model_verbosity: nullish(verbositySchema),
      service_tier: nullish(z.string()),
      analytics: nullish(analyticsConfigSchema),
      browser_use: nullish(browserUseConfigSchema),
      computer_use: nullish(computerUseConfigSchema),
      apps: nullish(appsConfigSchema),
      desktop: nullish(z.record(z.string(), jsonValue)),
    })
    .catchall(jsonValue),
);

export const configReadParamsSchema = exact<ConfigReadParams>()(
  z.object({ includeLayers: z.boolean().optional(), cwd: nullish(z.string()) }),
);

export const configReadResponseSchema = exact<ConfigReadResponse>()(
  z.object({
    config: configSchema,
    origins: z.record(z.string(), configLayerMetadataSchema),
    layers: nullish(z.array(configLayerSchema)),
  }),
);
