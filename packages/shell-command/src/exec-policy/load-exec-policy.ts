import type { Dirent } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { ExecPolicyError } from "./exec-policy-error.js";
import { ExecPolicyParser, type ExecPolicyParserOptions } from "./exec-policy-parser.js";
import type { ExecPolicy } from "./exec-policy.js";

export const RULES_FILE_EXTENSION = ".rules";

export interface LoadExecPolicyOptions extends ExecPolicyParserOptions {
  /** Directories whose `*.rules` files are loaded in name order; missing directories are skipped. */
  directories?: readonly string[];
  /** Extra rules files, loaded after the directories; each must exist. */
  files?: readonly string[];
}

/** The `*.rules` files of a directory, sorted by name; empty when the directory does not exist. */
export async function listRulesFiles(directory: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw readError(directory, error, "cannot list the rules directory");
  }
  return entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith(RULES_FILE_EXTENSION))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => path.join(directory, name));
}

/**
 * Loads rules from `$CODEX_HOME/rules`-style directories and explicit files into one policy. Throws
 * `ExecPolicyError` (`EXEC_POLICY_READ` or `EXEC_POLICY_PARSE`) naming the offending file.
 */
export async function loadExecPolicy(options: LoadExecPolicyOptions = {}): Promise<ExecPolicy> {
  const files: string[] = [];
  for (const directory of options.directories ?? []) files.push(...(await listRulesFiles(directory)));
  files.push(...(options.files ?? []));
  const parser = new ExecPolicyParser(options);
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw readError(file, error, "cannot read the rules file");
    }
    parser.add(file, text);
  }
  return parser.build();
}

function readError(file: string, error: unknown, what: string): ExecPolicyError {
  const code = (error as NodeJS.ErrnoException).code;
  const detail = code === "ENOENT" ? "it does not exist" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "it is a directory" : String((error as Error).message ?? error);
  return new ExecPolicyError("EXEC_POLICY_READ", file, 0, 0, `${what}: ${detail}`);
}
