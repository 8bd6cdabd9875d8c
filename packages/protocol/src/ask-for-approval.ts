import { z } from "zod";

/** The string forms of `AskForApproval`. `on-failure` is deprecated but still accepted. */
export const ASK_FOR_APPROVAL_MODES = ["untrusted", "on-failure", "on-request", "never"] as const;

export type AskForApprovalMode = (typeof ASK_FOR_APPROVAL_MODES)[number];

/**
 * Per-category approval switches of the `granular` policy. `false` auto-rejects requests of that category
 * instead of asking. The field names are snake_case on the wire.
 */
export interface GranularApprovalConfig {
  sandbox_approval: boolean;
  rules: boolean;
  mcp_elicitations: boolean;
  /** Defaults to `false`. */
  skill_approval: boolean;
  /** Defaults to `false`. */
  request_permissions: boolean;
}

/** When the user is asked before a command runs. */
export type AskForApproval = AskForApprovalMode | { granular: GranularApprovalConfig };

export const granularApprovalConfigSchema: z.ZodType<GranularApprovalConfig> = z.object({
  sandbox_approval: z.boolean(),
  rules: z.boolean(),
  mcp_elicitations: z.boolean(),
  skill_approval: z.boolean().default(false),
  request_permissions: z.boolean().default(false),
});

export const askForApprovalSchema: z.ZodType<AskForApproval> = z.union([
  z.enum(ASK_FOR_APPROVAL_MODES),
  z.strictObject({ granular: granularApprovalConfigSchema }),
]);

/** True when `value` is one of the string forms of `AskForApproval`. */
export function isAskForApprovalMode(value: unknown): value is AskForApprovalMode {
  return typeof value === "string" && (ASK_FOR_APPROVAL_MODES as readonly string[]).includes(value);
}
