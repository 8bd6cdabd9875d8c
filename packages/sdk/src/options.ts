/** A value that can be written as a TOML literal in a `--config key=value` override. */
export type CodexConfigValue = string | number | boolean | CodexConfigValue[] | CodexConfigObject;

/** A (nested) table of config overrides; nested objects become dotted keys. */
export type CodexConfigObject = { [key: string]: CodexConfigValue };

/** Options of the `Codex` client, shared by every thread it starts. */
export type CodexOptions = {
  /**
   * The `codex` executable to run. Defaults to the `@codex-ts/cli` package when it can be resolved from
   * this package, otherwise to `codex` on `PATH`. A path ending in `.js`, `.mjs` or `.cjs` is run with
   * the current Node.js binary.
   */
  codexPathOverride?: string;
  /** Responses API base URL, passed to the CLI as `OPENAI_BASE_URL`. */
  baseUrl?: string;
  /** API key, passed to the CLI as `CODEX_API_KEY`. */
  apiKey?: string;
  /**
   * Config overrides, flattened to dotted keys and passed as `--config key=<TOML literal>`, e.g.
   * `{ sandbox_workspace_write: { network_access: true } }` → `sandbox_workspace_write.network_access=true`.
   */
  config?: CodexConfigObject;
  /** The CLI's whole environment. When given, `process.env` is not inherited. */
  env?: Record<string, string>;
};

/** When the agent asks before running a command. */
export type ApprovalMode = "never" | "on-request" | "on-failure" | "untrusted";

/** What commands run by the agent may touch. */
export type SandboxMode = "read-only" | "workspace-write" | "danger-full-access";

/** How hard the model thinks. */
export type ModelReasoningEffort = "minimal" | "low" | "medium" | "high" | "xhigh";

/** Whether the model may search the web, and whether results come from a cache or live. */
export type WebSearchMode = "disabled" | "cached" | "live";

/** Options of one thread, applied to each of its turns. */
export type ThreadOptions = {
  /** `--model` */
  model?: string;
  /** `--sandbox` */
  sandboxMode?: SandboxMode;
  /** `--cd` */
  workingDirectory?: string;
  /** `--skip-git-repo-check`: allow a working directory that is not inside a git repository. */
  skipGitRepoCheck?: boolean;
  /** `--config model_reasoning_effort="…"` */
  modelReasoningEffort?: ModelReasoningEffort;
  /** `--config sandbox_workspace_write.network_access=…` */
  networkAccessEnabled?: boolean;
  /** `--config web_search="…"`; takes precedence over `webSearchEnabled`. */
  webSearchMode?: WebSearchMode;
  /** Older switch: `true` means `web_search="live"`, `false` means `web_search="disabled"`. */
  webSearchEnabled?: boolean;
  /** `--config approval_policy="…"` */
  approvalPolicy?: ApprovalMode;
  /** `--add-dir`, once per directory: extra writable roots. */
  additionalDirectories?: string[];
};

/** Options of one turn. */
export type TurnOptions = {
  /** A JSON Schema (plain object) the final agent message must satisfy; sent as `--output-schema FILE`. */
  outputSchema?: unknown;
  /** Aborting kills the `codex exec` process and rejects the turn. */
  signal?: AbortSignal;
};
