import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Decision } from "./exec-policy.js";

/** `prefix_rule(pattern=["git", "pull"], decision="allow")`: one line in the format Codex writes. */
export function renderPrefixRule(prefix: readonly string[], decision: Decision = "allow"): string {
  if (prefix.length === 0) throw new RangeError("a prefix rule needs at least one token");
  return `prefix_rule(pattern=[${prefix.map((token) => JSON.stringify(token)).join(", ")}], decision=${JSON.stringify(decision)})`;
}

/**
 * Appends a prefix rule to a rules file (creating the file and its directory), unless the file already
 * has exactly that line. Returns whether the file changed.
 */
export async function appendPrefixRule(file: string, prefix: readonly string[], decision: Decision = "allow"): Promise<boolean> {
  const line = renderPrefixRule(prefix, decision);
  let existing = "";
  try {
    existing = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (existing.split("\n").some((candidate) => candidate.trim() === line)) return false;
  await mkdir(path.dirname(file), { recursive: true });
  const separator = existing === "" || existing.endsWith("\n") ? "" : "\n";
  await appendFile(file, `${separator}${line}\n`, "utf8");
  return true;
}
