export { CodexHomeError, resolveCodexHome, type CodexHomeErrorCode, type ResolveCodexHomeOptions } from "./codex-home.js";
export {
  ConfigError,
  formatSourceExcerpt,
  type ConfigErrorCode,
  type ConfigErrorLocation,
  type ConfigWarning,
  type SourceExcerpt,
  type TextPosition,
  type TextRange,
} from "./diagnostics.js";
export { ConfigEditError, type ConfigEditErrorCode } from "./edit-error.js";
export { ConfigEdits, type ConfigEditPath } from "./edits.js";
export { configJsonSchema } from "./json-schema.js";
export { formatKeyPath, formatTomlKeyPath, parseKeyPath } from "./key-path.js";
export { describeConfigLayers, describeLayerSource, flattenConfig, formatTomlValue } from "./config-display.js";
export type {
  ConfigLayer,
  ConfigLayerSource,
  ConfigOrigin,
} from "./layer-source.js";
export { ConfigLayerStack } from "./layer-stack.js";
export { DEFAULT_SYSTEM_CONFIG_DIR, loadConfig, type LoadConfigOptions, type LoadedConfig } from "./loader.js";
export { mergeTables } from "./merge.js";
export {
  ConfigOverrideError,
  overridesToTable,
  parseConfigOverride,
  type ConfigOverride,
} from "./overrides.js";
export { DEFAULT_PROJECT_ROOT_MARKERS } from "./project-layers.js";
export { readConfigFile, parseConfigText, type ConfigFileContents } from "./read-config-file.js";
export { configTomlSchema, type ConfigToml } from "./schema/config-toml.js";
export {
  approvalPolicySchema,
  sandboxModeSchema,
  type AskForApproval,
  type AuthCredentialsStoreMode,
  type ForcedLoginMethod,
  type HistoryPersistence,
  type OAuthCredentialsStoreMode,
  type ReasoningEffort,
  type ReasoningSummary,
  type SandboxMode,
  type TrustLevel,
  type UriBasedFileOpener,
  type Verbosity,
  type WebSearchMode,
  type WireApi,
} from "./schema/enums.js";
export { MCP_SERVER_NAME, mcpServerSchema, type McpServerConfig } from "./schema/mcp-server.js";
export { modelProviderSchema, type ModelProviderInfo } from "./schema/model-provider.js";
export { networkProxySchema, type NetworkProxyConfigToml } from "./schema/network-proxy.js";
export { otelSchema, type OtelConfigToml, type OtelExporterKind } from "./schema/otel.js";
export { profileSchema, type ConfigProfile } from "./schema/profile.js";
export {
  sandboxWorkspaceWriteSchema,
  shellEnvironmentPolicySchema,
  type SandboxWorkspaceWrite,
  type ShellEnvironmentPolicyToml,
} from "./schema/sandbox.js";
export type {
  FeaturesToml,
  HistoryToml,
  ProjectConfig,
  ToolsToml,
  TuiToml,
} from "./schema/sections.js";
export {
  NoopThreadConfigLoader,
  StaticThreadConfigLoader,
  type ThreadConfigContext,
  type ThreadConfigLayerInput,
  type ThreadConfigLoader,
} from "./thread-config-loader.js";
export { isTomlTable, type TomlPrimitive, type TomlTable, type TomlValue } from "./toml-value.js";
export { validateConfigTable, type ConfigValidation } from "./validation.js";
export type { ConfigIssue } from "./issue-messages.js";
