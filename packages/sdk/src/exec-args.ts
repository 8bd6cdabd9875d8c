import { flattenConfigOverrides } from "./config-overrides.js";
import type { CodexConfigObject, ThreadOptions } from "./options.js";

/** Everything one `codex exec` invocation needs besides the executable. */
export type ExecRequest = ThreadOptions & {
  /** The prompt, written to the child's stdin. */
  input: string;
  /** Resume this thread (`resume <id>`) instead of starting a new one. */
  threadId?: string | null;
  /** Local image paths, one `--image` each. */
  images?: string[];
  /** Path of the JSON Schema file for `--output-schema`. */
  outputSchemaFile?: string;
  /** Flattened into leading `--config` overrides. */
  config?: CodexConfigObject;
  baseUrl?: string;
  apiKey?: string;
};

export const ORIGINATOR_ENV = "CODEX_INTERNAL_ORIGINATOR_OVERRIDE";
export const SDK_ORIGINATOR = "codex_sdk_ts";

/**
 * The argv after the executable, in the order the CLI's parser expects: global `--config` overrides,
 * the thread flags, the per-option `--config` overrides, then `resume <id>` and the images.
 */
export function buildExecArgs(request: ExecRequest): string[] {
  const args = ["exec", "--experimental-json"];
  if (request.config) {
    for (const override of flattenConfigOverrides(request.config)) args.push("--config", override);
  }
  if (request.model) args.push("--model", request.model);
  if (request.sandboxMode) args.push("--sandbox", request.sandboxMode);
  if (request.workingDirectory) args.push("--cd", request.workingDirectory);
  for (const dir of request.additionalDirectories ?? []) args.push("--add-dir", dir);
  if (request.skipGitRepoCheck) args.push("--skip-git-repo-check");
  if (request.outputSchemaFile) args.push("--output-schema", request.outputSchemaFile);
  if (request.modelReasoningEffort) {
    args.push("--config", `model_reasoning_effort="${request.modelReasoningEffort}"`);
  }
  if (request.networkAccessEnabled !== undefined) {
    args.push("--config", `sandbox_workspace_write.network_access=${request.networkAccessEnabled}`);
  }
  const webSearch =
    request.webSearchMode ??
    (request.webSearchEnabled === undefined ? undefined : request.webSearchEnabled ? "live" : "disabled");
  if (webSearch) args.push("--config", `web_search="${webSearch}"`);
  if (request.approvalPolicy) args.push("--config", `approval_policy="${request.approvalPolicy}"`);
  if (request.threadId) args.push("resume", request.threadId);
  for (const image of request.images ?? []) args.push("--image", image);
  return args;
}

/**
 * The child's environment: `envOverride` when given (nothing inherited), otherwise `process.env`;
 * plus the SDK originator unless one is set already, `OPENAI_BASE_URL` and `CODEX_API_KEY`.
 */
export function buildExecEnv(
  envOverride: Record<string, string> | undefined,
  request: Pick<ExecRequest, "baseUrl" | "apiKey">,
): Record<string, string> {
  const env: Record<string, string> = {};
  if (envOverride) {
    Object.assign(env, envOverride);
  } else {
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined) env[key] = value;
    }
  }
  if (!env[ORIGINATOR_ENV]) env[ORIGINATOR_ENV] = SDK_ORIGINATOR;
  if (request.baseUrl) env["OPENAI_BASE_URL"] = request.baseUrl;
  if (request.apiKey) env["CODEX_API_KEY"] = request.apiKey;
  return env;
}
