import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** How to start the CLI: the program and the arguments that go before `exec ...`. */
export type CodexCommand = { command: string; prefixArgs: string[] };

const CLI_PACKAGE = "@codex-ts/cli";
const SCRIPT_EXTENSION = /\.(?:js|mjs|cjs)$/;

/**
 * Resolves the executable: the override when given, else the `codex` bin of `@codex-ts/cli` when that
 * package can be resolved from here (it is not a dependency), else `codex` on `PATH`. JavaScript files
 * are run with the current Node.js binary.
 */
export function resolveCodexCommand(
  override?: string | null,
  locateCli: () => string | null = () => findCliScript(import.meta.url),
): CodexCommand {
  const target = override || locateCli() || "codex";
  if (SCRIPT_EXTENSION.test(target)) return { command: process.execPath, prefixArgs: [target] };
  return { command: target, prefixArgs: [] };
}

/** The absolute path of the `codex` bin of `@codex-ts/cli` as resolved from `resolveFrom`, or null. */
export function findCliScript(resolveFrom: string): string | null {
  try {
    const require = createRequire(resolveFrom);
    const manifestPath = require.resolve(`${CLI_PACKAGE}/package.json`);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin?: string | Record<string, string> };
    const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.["codex"];
    return bin ? path.resolve(path.dirname(manifestPath), bin) : null;
  } catch {
    return null;
  }
}
