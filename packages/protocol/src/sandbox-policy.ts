import type { AbsolutePath } from "@codex-ts/utils-absolute-path";
import { z } from "zod";
import { absolutePathSchema } from "./absolute-path-schema.js";

/** Network setting of an `externalSandbox` policy. */
export type NetworkAccess = "restricted" | "enabled";

/** No restrictions: commands run as plain child processes. */
export interface DangerFullAccessSandboxPolicy {
  type: "dangerFullAccess";
}

/** Read anything, write nothing; network only when `networkAccess` is true. */
export interface ReadOnlySandboxPolicy {
  type: "readOnly";
  networkAccess: boolean;
}

/** Codex already runs inside a sandbox it does not manage; full disk access, network as declared. */
export interface ExternalSandboxSandboxPolicy {
  type: "externalSandbox";
  networkAccess: NetworkAccess;
}

/**
 * Read anything; write the working directory, `writableRoots`, `$TMPDIR` (unless `excludeTmpdirEnvVar`) and
 * `/tmp` (unless `excludeSlashTmp`). `.git`, `.codex` and `.agents` inside writable roots stay read-only.
 */
export interface WorkspaceWriteSandboxPolicy {
  type: "workspaceWrite";
  writableRoots: AbsolutePath[];
  networkAccess: boolean;
  excludeTmpdirEnvVar: boolean;
  excludeSlashTmp: boolean;
}

/** What a sandboxed command may touch. Tagged by `type` (camelCase), camelCase fields. */
export type SandboxPolicy =
  | DangerFullAccessSandboxPolicy
  | ReadOnlySandboxPolicy
  | ExternalSandboxSandboxPolicy
  | WorkspaceWriteSandboxPolicy;

export type SandboxPolicyType = SandboxPolicy["type"];

const LEGACY_READ_ACCESS_HINT = "is no longer supported; use permissionProfile for restricted reads";

/** The removed `access` / `readOnlyAccess` fields: `{type: "fullAccess"}` is ignored, anything else rejected. */
function legacyReadAccess(field: string) {
  return z.unknown().superRefine((value, context) => {
    if (value === undefined) return;
    const type = typeof value === "object" && value !== null ? (value as { type?: unknown }).type : undefined;
    if (type !== "fullAccess") {
      context.addIssue({ code: "custom", message: `${field} ${LEGACY_READ_ACCESS_HINT}` });
    }
  });
}

const variants = z.discriminatedUnion("type", [
  z.object({ type: z.literal("dangerFullAccess") }),
  z.object({
    type: z.literal("readOnly"),
    networkAccess: z.boolean().default(false),
    access: legacyReadAccess("readOnly.access").optional(),
  }),
  z.object({
    type: z.literal("externalSandbox"),
    networkAccess: z.enum(["restricted", "enabled"]).default("restricted"),
  }),
  z.object({
    type: z.literal("workspaceWrite"),
    writableRoots: z.array(absolutePathSchema).default([]),
    networkAccess: z.boolean().default(false),
    excludeTmpdirEnvVar: z.boolean().default(false),
    excludeSlashTmp: z.boolean().default(false),
    readOnlyAccess: legacyReadAccess("workspaceWrite.readOnlyAccess").optional(),
  }),
]);

/**
 * Validates a wire `SandboxPolicy`: fills the defaults (`false`, `[]`, `"restricted"`), normalises the writable
 * roots, drops unknown fields and the legacy `{type: "fullAccess"}` read access, rejects restricted read access.
 */
export const sandboxPolicySchema: z.ZodType<SandboxPolicy> = variants.transform((policy): SandboxPolicy => {
  switch (policy.type) {
    case "dangerFullAccess":
      return { type: "dangerFullAccess" };
    case "readOnly":
      return { type: "readOnly", networkAccess: policy.networkAccess };
    case "externalSandbox":
      return { type: "externalSandbox", networkAccess: policy.networkAccess };
    case "workspaceWrite":
      return {
        type: "workspaceWrite",
        writableRoots: policy.writableRoots,
        networkAccess: policy.networkAccess,
        excludeTmpdirEnvVar: policy.excludeTmpdirEnvVar,
        excludeSlashTmp: policy.excludeSlashTmp,
      };
  }
});

/** A read-only policy; network off unless asked for. */
export function readOnlySandboxPolicy(options: { networkAccess?: boolean } = {}): ReadOnlySandboxPolicy {
  return { type: "readOnly", networkAccess: options.networkAccess ?? false };
}

/** A workspace-write policy with every unspecified field at its default. */
export function workspaceWriteSandboxPolicy(
  options: Partial<Omit<WorkspaceWriteSandboxPolicy, "type">> = {},
): WorkspaceWriteSandboxPolicy {
  return {
    type: "workspaceWrite",
    writableRoots: options.writableRoots ?? [],
    networkAccess: options.networkAccess ?? false,
    excludeTmpdirEnvVar: options.excludeTmpdirEnvVar ?? false,
    excludeSlashTmp: options.excludeSlashTmp ?? false,
  };
}

/** The policy without any sandbox. */
export function dangerFullAccessSandboxPolicy(): DangerFullAccessSandboxPolicy {
  return { type: "dangerFullAccess" };
}
