import { z } from "zod";

/** Every `SandboxMode`, in order of increasing permission. */
export const SANDBOX_MODES = ["read-only", "workspace-write", "danger-full-access"] as const;

/**
 * How much a command may touch, as chosen in config (`sandbox_mode`), on the command line (`--sandbox`) or in
 * `thread/start.sandbox`. Kebab-case on the wire.
 */
export type SandboxMode = (typeof SANDBOX_MODES)[number];

export const sandboxModeSchema: z.ZodType<SandboxMode> = z.enum(SANDBOX_MODES);

/** True when `value` is one of the `SandboxMode` strings. */
export function isSandboxMode(value: unknown): value is SandboxMode {
  return typeof value === "string" && (SANDBOX_MODES as readonly string[]).includes(value);
}
