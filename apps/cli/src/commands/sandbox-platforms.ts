/** The operating systems `codex sandbox` has a variant for, and their display names. */
export type Platform = "linux" | "darwin";

export const PLATFORM_NAMES: Record<Platform, string> = { linux: "Linux", darwin: "macOS" };
