import { z } from "zod";
import {
  approvalPolicySchema,
  reasoningEffortSchema,
  reasoningSummarySchema,
  sandboxModeSchema,
  verbositySchema,
  webSearchModeSchema,
} from "./enums.js";
import { featuresSchema, toolsSchema } from "./sections.js";
import { absolutePathString, anyTable, closedTable, count } from "./table-kinds.js";

/** `[profiles.<name>]`: the subset of settings a profile may set; a selected profile overrides them. */
export const profileSchema = closedTable({
  model: z.string().optional(),
  review_model: z.string().optional(),
  model_provider: z.string().optional(),
  approval_policy: approvalPolicySchema.optional(),
  sandbox_mode: sandboxModeSchema.optional(),
  model_reasoning_effort: reasoningEffortSchema.optional(),
  plan_mode_reasoning_effort: reasoningEffortSchema.optional(),
  model_reasoning_summary: reasoningSummarySchema.optional(),
  model_verbosity: verbositySchema.optional(),
  model_context_window: count().optional(),
  model_auto_compact_token_limit: z.int().optional(),
  model_instructions_file: absolutePathString().optional(),
  experimental_instructions_file: absolutePathString().optional(),
  experimental_compact_prompt_file: absolutePathString().optional(),
  developer_instructions: z.string().optional(),
  chatgpt_base_url: z.string().optional(),
  oss_provider: z.string().optional(),
  personality: z.string().optional(),
  service_tier: z.string().optional(),
  web_search: webSearchModeSchema.optional(),
  features: featuresSchema.optional(),
  tools: toolsSchema.optional(),
  tools_web_search: z.boolean().optional(),
  tools_view_image: z.boolean().optional(),
  include_apply_patch_tool: z.boolean().optional(),
  experimental_use_unified_exec_tool: z.boolean().optional(),
  analytics: anyTable().optional(),
  windows: anyTable().optional(),
});
export type ConfigProfile = z.output<typeof profileSchema>;

export const profilesSchema = z
  .record(z.string(), profileSchema)
  .describe("Named sets of settings, selected with --profile or `profile`.");
