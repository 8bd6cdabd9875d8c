import { describeIssues, type ConfigIssue } from "./issue-messages.js";
import { configTomlSchema, type ConfigToml } from "./schema/config-toml.js";
import type { TomlTable } from "./toml-value.js";

export type ConfigValidation =
  | { ok: true; config: ConfigToml }
  | { ok: false; issues: ConfigIssue[] };

/**
 * Validates a merged table (relative paths already resolved) against the config model. Unknown keys are
 * kept in the result; they are reported separately (see `findUnknownKeys`).
 */
export function validateConfigTable(table: TomlTable): ConfigValidation {
  const result = configTomlSchema.safeParse(table);
  if (result.success) {
    return { ok: true, config: result.data };
  }
  return { ok: false, issues: describeIssues(result.error.issues, table) };
}
