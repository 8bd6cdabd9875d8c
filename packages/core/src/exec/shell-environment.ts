// The environment of a `command/exec` command: the server's environment filtered by the configured
// `[shell_environment_policy]`, then the request's own overrides.
import type { ShellEnvironmentPolicyToml } from "@codex-ts/config";

/** Variables kept by `inherit = "core"`. */
const CORE_VARIABLES = ["HOME", "LOGNAME", "PATH", "SHELL", "USER", "USERNAME", "TMPDIR", "TEMP", "TMP"];

/** Names dropped when `ignore_default_excludes = false`. */
const DEFAULT_EXCLUDES = ["*KEY*", "*SECRET*", "*TOKEN*"];

/** A case-insensitive glob (`*` and `?`) over variable names. */
function globMatcher(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

function matchesAny(name: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(name));
}

/**
 * Applies a shell environment policy to `base`: start from all, the core, or no variables; drop the
 * default excludes (only when `ignore_default_excludes` is false) and `exclude` patterns; add `set`; keep
 * only `include_only` matches when given.
 */
export function applyShellEnvironmentPolicy(
  base: NodeJS.ProcessEnv,
  policy: ShellEnvironmentPolicyToml | undefined,
): Record<string, string> {
  const inherit = policy?.inherit ?? "all";
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined) continue;
    if (inherit === "none") continue;
    if (inherit === "core" && !CORE_VARIABLES.includes(name)) continue;
    result[name] = value;
  }
  const excludes = [
    ...(policy?.ignore_default_excludes === false ? DEFAULT_EXCLUDES : []),
    ...(policy?.exclude ?? []),
  ].map(globMatcher);
  for (const name of Object.keys(result)) {
    if (matchesAny(name, excludes)) delete result[name];
  }
  for (const [name, value] of Object.entries(policy?.set ?? {})) {
    result[name] = value;
  }
  const includeOnly = (policy?.include_only ?? []).map(globMatcher);
  if (includeOnly.length > 0) {
    for (const name of Object.keys(result)) {
      if (!matchesAny(name, includeOnly)) delete result[name];
    }
  }
  return result;
}

/** Applies request overrides: a string sets the variable, `null` removes it. */
export function applyEnvOverrides(
  env: Record<string, string>,
  overrides: { [name: string]: string | null } | null | undefined,
): Record<string, string> {
  const result = { ...env };
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (value === null) delete result[name];
    else result[name] = value;
  }
  return result;
}
