import { z } from "zod";
import {
  approvalPolicySchema,
  authCredentialsStoreSchema,
  fileOpenerSchema,
  forcedLoginMethodSchema,
  oauthCredentialsStoreSchema,
  reasoningEffortSchema,
  reasoningSummarySchema,
  sandboxModeSchema,
  verbositySchema,
  webSearchModeSchema,
} from "./enums.js";
import { mcpServersSchema } from "./mcp-server.js";
import { modelProviderSchema } from "./model-provider.js";
import { networkProxySchema } from "./network-proxy.js";
import { otelSchema } from "./otel.js";
import { profilesSchema } from "./profile.js";
import { sandboxWorkspaceWriteSchema, shellEnvironmentPolicySchema } from "./sandbox.js";
import { featuresSchema, historySchema, projectsSchema, toolsSchema, tuiSchema } from "./sections.js";
import { absolutePathString, anyTable, closedTable, count } from "./table-kinds.js";

function passthrough() {
  return anyTable().optional().describe("Settings read by another component; accepted as written.");
}

/** Tables owned by other packages or product areas: accepted as they are. */
const passthroughTables = {
  agents: passthrough(),
  analytics: passthrough(),
  apps: passthrough(),
  audio: passthrough(),
  auto_review: passthrough(),
  debug: passthrough(),
  desktop: passthrough(),
  feedback: passthrough(),
  ghost_snapshot: passthrough(),
  hooks: passthrough(),
  marketplaces: passthrough(),
  memories: passthrough(),
  notice: passthrough(),
  permissions: passthrough(),
  plugins: passthrough(),
  realtime: passthrough(),
  skills: passthrough(),
  tool_suggest: passthrough(),
  windows: passthrough(),
};

/** The shape of `config.toml` (every key optional). */
export const configTomlSchema = closedTable({
  model: z.string().optional().describe("Model to use (for example `gpt-5.1-codex`)."),
  review_model: z.string().optional().describe("Model used for reviews."),
  model_provider: z.string().optional().describe("Key into `model_providers`; default `openai`."),
  model_providers: z
    .record(z.string(), modelProviderSchema)
    .optional()
    .describe("Extra model providers by id."),
  model_context_window: count().optional().describe("Context window of the model, in tokens."),
  model_auto_compact_token_limit: z
    .int()
    .optional()
    .describe("Token count that triggers automatic compaction."),
  model_auto_compact_token_limit_scope: z.string().optional(),
  model_reasoning_effort: reasoningEffortSchema.optional(),
  plan_mode_reasoning_effort: reasoningEffortSchema.optional(),
  model_reasoning_summary: reasoningSummarySchema.optional(),
  model_verbosity: verbositySchema.optional(),
  model_supports_reasoning_summaries: z.boolean().optional().describe("Send reasoning settings even for unknown models."),
  model_catalog_json: z.string().optional(),
  model_instructions_file: absolutePathString()
    .optional()
    .describe("File whose text replaces the built-in base instructions."),
  experimental_instructions_file: absolutePathString()
    .optional()
    .describe("Legacy name of `model_instructions_file`."),
  instructions: z.string().optional().describe("Extra instructions for the model."),
  developer_instructions: z.string().optional().describe("Extra developer message sent to the model."),
  compact_prompt: z.string().optional().describe("Prompt used for compaction."),
  experimental_compact_prompt_file: absolutePathString()
    .optional()
    .describe("File holding the compaction prompt."),
  approval_policy: approvalPolicySchema.optional(),
  approvals_reviewer: z.string().optional().describe("Who decides on escalations (user or auto_review)."),
  sandbox_mode: sandboxModeSchema.optional(),
  sandbox_workspace_write: sandboxWorkspaceWriteSchema.optional(),
  shell_environment_policy: shellEnvironmentPolicySchema.optional(),
  default_permissions: z.string().optional(),
  allow_login_shell: z.boolean().optional().describe("Let shell tools use login shells."),
  background_terminal_max_timeout: count().optional().describe("Longest wait, in milliseconds, on a background terminal."),
  mcp_servers: mcpServersSchema.optional(),
  mcp_oauth_credentials_store: oauthCredentialsStoreSchema.optional(),
  mcp_oauth_callback_port: z.int().min(0).max(65535).optional().describe("Local port for MCP OAuth callbacks."),
  mcp_oauth_callback_url: z.string().optional().describe("Callback URL for MCP OAuth."),
  features: featuresSchema.optional(),
  profile: z.string().optional().describe("Profile selected when --profile is not given."),
  profiles: profilesSchema.optional(),
  projects: projectsSchema.optional(),
  project_doc_max_bytes: count().optional().describe("Maximum bytes read from AGENTS.md files."),
  project_doc_fallback_filenames: z
    .array(z.string())
    .optional()
    .describe("Files read when a folder has no AGENTS.md."),
  project_root_markers: z
    .array(z.string())
    .optional()
    .describe("Names whose presence marks a project root; default [\".git\"]."),
  notify: z
    .array(z.string())
    .optional()
    .describe("Program (and arguments) run with a JSON argument after each turn."),
  history: historySchema.optional(),
  otel: otelSchema.optional(),
  network_proxy: networkProxySchema.optional(),
  cli_auth_credentials_store: authCredentialsStoreSchema.optional(),
  forced_login_method: forcedLoginMethodSchema.optional(),
  forced_chatgpt_workspace_id: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe("Only allow logins to this ChatGPT workspace (or any of these)."),
  chatgpt_base_url: z.string().optional().describe("Base URL of the ChatGPT backend."),
  openai_base_url: z.string().optional().describe("Base URL of the OpenAI API for the built-in provider."),
  oss_provider: z.string().optional().describe("Local provider used by --oss (lmstudio or ollama)."),
  hide_agent_reasoning: z.boolean().optional().describe("Hide reasoning events from the output."),
  show_raw_agent_reasoning: z.boolean().optional().describe("Show raw reasoning content when available."),
  tool_output_token_limit: count().optional().describe("Token budget for stored tool output."),
  web_search: webSearchModeSchema.optional(),
  tools: toolsSchema.optional(),
  tui: tuiSchema.optional(),
  file_opener: fileOpenerSchema.optional(),
  log_dir: absolutePathString().optional().describe("Folder for log files."),
  sqlite_home: absolutePathString().optional().describe("Folder for the state database."),
  check_for_update_on_startup: z.boolean().optional().describe("Check for a newer version at startup."),
  disable_paste_burst: z.boolean().optional().describe("Turn off paste-burst detection in the terminal UI."),
  suppress_unstable_features_warning: z.boolean().optional().describe("Do not warn about enabled unstable features."),
  personality: z.string().optional().describe("Response style (none, friendly or pragmatic)."),
  service_tier: z.string().optional().describe("Service tier requested from the API."),
  apps_mcp_product_sku: z.string().optional(),
  experimental_thread_config_endpoint: z.string().optional(),
  experimental_thread_store: z.unknown().optional(),
  experimental_use_unified_exec_tool: z.boolean().optional(),
  include_apps_instructions: z.boolean().optional(),
  include_collaboration_mode_instructions: z.boolean().optional(),
  include_environment_context: z.boolean().optional(),
  include_permissions_instructions: z.boolean().optional(),
  ...passthroughTables,
});
export type ConfigToml = z.output<typeof configTomlSchema>;
