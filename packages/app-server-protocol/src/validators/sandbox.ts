// Validators of sandbox and approval settings.
import { sandboxPolicySchema as domainSandboxPolicySchema } from "@codex-ts/protocol";
import { z } from "zod";
import type {
  ApprovalsReviewer,
  AskForApproval,
  GranularApprovalConfig,
  NetworkAccess,
  SandboxMode,
  SandboxPolicy,
} from "../wire/index.js";
import { absolutePath, exact } from "./exact.js";

export const networkAccessSchema = exact<NetworkAccess>()(z.enum(["restricted", "enabled"]));

const wireSandboxPolicySchema = exact<SandboxPolicy>()(
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("dangerFullAccess") }),
    z.object({ type: z.literal("readOnly"), networkAccess: z.boolean().optional() }),
    z.object({ type: z.literal("externalSandbox"), networkAccess: networkAccessSchema.optional() }),
    z.object({
      type: z.literal("workspaceWrite"),
      writableRoots: z.array(absolutePath).optional(),
      networkAccess: z.boolean().optional(),
      excludeTmpdirEnvVar: z.boolean().optional(),
      excludeSlashTmp: z.boolean().optional(),
    }),
  ]),
);

/**
 * The wire `SandboxPolicy`. Values are first checked by the domain validator of `@codex-ts/protocol`, so
 * that policies it refuses (such as the removed restricted read access) are refused here too, with its
 * message; what passes is returned in wire form (defaults not filled in).
 */
export const sandboxPolicySchema = exact<SandboxPolicy>()(
  z
    .unknown()
    .superRefine((value, context) => {
      const domain = domainSandboxPolicySchema.safeParse(value);
      if (domain.success) return;
      for (const issue of domain.error.issues) {
        context.addIssue({ code: "custom", message: issue.message, path: issue.path as PropertyKey[] });
      }
    })
    .pipe(wireSandboxPolicySchema),
);

export const sandboxModeSchema = exact<SandboxMode>()(z.enum(["read-only", "workspace-write", "danger-full-access"]));

export const granularApprovalConfigSchema = exact<GranularApprovalConfig>()(
  z.object({
    sandbox_approval: z.boolean(),
    rules: z.boolean(),
    mcp_elicitations: z.boolean(),
    skill_approval: z.boolean().optional(),
    request_permissions: z.boolean().optional(),
  }),
);

export const askForApprovalSchema = exact<AskForApproval>()(
  z.union([z.enum(["untrusted", "on-request", "never"]), z.strictObject({ granular: granularApprovalConfigSchema })]),
);

export const approvalsReviewerSchema = exact<ApprovalsReviewer>()(z.enum(["user", "auto_review", "guardian_subagent"]));
