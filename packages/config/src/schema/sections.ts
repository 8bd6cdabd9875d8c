import { z } from "zod";
import { historyPersistenceSchema, trustLevelSchema } from "./enums.js";
import { anyTable, closedTable, count, openTable } from "./table-kinds.js";

/** `[features]`: feature flags by key; a flag is a boolean, a few accept a table. Unknown keys are allowed. */
export const featuresSchema = z
  .record(z.string(), z.union([z.boolean(), anyTable()]))
  .describe("Feature flags: key = true/false.");
export type FeaturesToml = z.output<typeof featuresSchema>;

/** `[history]`: the message history file. */
export const historySchema = closedTable({
  persistence: historyPersistenceSchema.optional().describe("save-all keeps history.jsonl; none disables it."),
  max_bytes: count().optional().describe("Trim history.jsonl when it grows past this size."),
}).describe("Message history settings.");
export type HistoryToml = z.output<typeof historySchema>;

/** `[projects."<path>"]`: per-project settings. */
export const projectSchema = closedTable({
  trust_level: trustLevelSchema
    .optional()
    .describe("trusted enables the project's .codex/config.toml and relaxes default approvals."),
});
export type ProjectConfig = z.output<typeof projectSchema>;

export const projectsSchema = z
  .record(z.string(), projectSchema)
  .describe("Per-project settings keyed by absolute path.");

/** `[tools]`: tool switches. */
export const toolsSchema = openTable({
  web_search: z.union([z.boolean(), anyTable()]).optional(),
  view_image: z.boolean().optional(),
}).describe("Tool settings.");
export type ToolsToml = z.output<typeof toolsSchema>;

/** `[tui]`: terminal UI settings (owned by the TUI; only a few keys are checked here). */
export const tuiSchema = openTable({
  notifications: z.union([z.boolean(), z.array(z.string())]).optional(),
  animations: z.boolean().optional(),
}).describe("Terminal UI settings.");
export type TuiToml = z.output<typeof tuiSchema>;
