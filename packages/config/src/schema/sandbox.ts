import { z } from "zod";
import { absolutePathString, closedTable, stringMap } from "./table-kinds.js";

/** `[sandbox_workspace_write]`: settings for `sandbox_mode = "workspace-write"`. */
export const sandboxWorkspaceWriteSchema = closedTable({
  writable_roots: z
    .array(absolutePathString())
    .optional()
    .describe("Extra folders the sandbox may write to (relative paths resolve against the config file)."),
  network_access: z.boolean().optional().describe("Allow network access from sandboxed commands."),
  exclude_tmpdir_env_var: z.boolean().optional().describe("Do not make $TMPDIR writable."),
  exclude_slash_tmp: z.boolean().optional().describe("Do not make /tmp writable."),
}).describe("Settings for the workspace-write sandbox.");
export type SandboxWorkspaceWrite = z.output<typeof sandboxWorkspaceWriteSchema>;

/** `[shell_environment_policy]`: which environment variables commands see. */
export const shellEnvironmentPolicySchema = closedTable({
  inherit: z
    .enum(["all", "core", "none"])
    .optional()
    .describe("Start from all variables, a core set (HOME, PATH, ...) or none."),
  ignore_default_excludes: z
    .boolean()
    .optional()
    .describe("Keep variables whose names contain KEY, SECRET or TOKEN."),
  exclude: z.array(z.string()).optional().describe("Patterns of variable names to drop."),
  include_only: z.array(z.string()).optional().describe("Keep only variables matching these patterns."),
  set: stringMap().optional().describe("Variables to set."),
  experimental_use_profile: z.boolean().optional(),
}).describe("Environment passed to commands the agent runs.");
export type ShellEnvironmentPolicyToml = z.output<typeof shellEnvironmentPolicySchema>;
