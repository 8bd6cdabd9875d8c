import { resolveAbsolutePath, type AbsolutePath } from "@codex-ts/utils-absolute-path";
import { isTomlTable, setTableKey, type TomlTable, type TomlValue } from "./toml-value.js";

/**
 * Keys that hold filesystem paths. `*` matches any table key; `[]` marks a list of paths. Relative paths
 * resolve against the folder of the file that set them.
 */
const PATH_KEYS: ReadonlyArray<readonly string[]> = [
  ["model_instructions_file"],
  ["experimental_instructions_file"],
  ["experimental_compact_prompt_file"],
  ["log_dir"],
  ["sqlite_home"],
  ["sandbox_workspace_write", "writable_roots", "[]"],
  ["mcp_servers", "*", "cwd"],
  ["profiles", "*", "model_instructions_file"],
  ["profiles", "*", "experimental_instructions_file"],
  ["profiles", "*", "experimental_compact_prompt_file"],
];

/**
 * Returns a copy of `table` where every path-valued key holds an absolute path: relative values resolve
 * against `base`, and `~` / `~/...` expand to `home`. Values of the wrong type are left for validation.
 */
export function resolveConfigPaths(table: TomlTable, base: AbsolutePath, home: string): TomlTable {
  let result = table;
  for (const pattern of PATH_KEYS) {
    result = rewrite(result, pattern, (value) => resolveAbsolutePath(value, base, home)) as TomlTable;
  }
  return result;
}

function rewrite(value: TomlValue, pattern: readonly string[], resolve: (path: string) => string): TomlValue {
  const [head, ...rest] = pattern;
  if (head === undefined) {
    return typeof value === "string" ? resolve(value) : value;
  }
  if (head === "[]") {
    return Array.isArray(value) ? value.map((item) => rewrite(item, rest, resolve)) : value;
  }
  if (!isTomlTable(value)) {
    return value;
  }
  const keys = head === "*" ? Object.keys(value) : Object.hasOwn(value, head) ? [head] : [];
  if (keys.length === 0) {
    return value;
  }
  const copy: TomlTable = {};
  for (const [key, child] of Object.entries(value)) {
    setTableKey(copy, key, keys.includes(key) ? rewrite(child, rest, resolve) : child);
  }
  return copy;
}
