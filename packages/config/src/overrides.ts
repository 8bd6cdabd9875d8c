import { parse } from "smol-toml";
import { parseKeyPath } from "./key-path.js";
import { isTomlTable, setTableKey, type TomlTable, type TomlValue } from "./toml-value.js";

/** One parsed `-c key.path=value` flag. */
export interface ConfigOverride {
  path: string[];
  value: TomlValue;
}

/** A `-c` flag that cannot be understood. */
export class ConfigOverrideError extends Error {
  readonly code = "INVALID_OVERRIDE";
  constructor(
    readonly raw: string,
    message: string,
  ) {
    super(message);
    this.name = "ConfigOverrideError";
  }
}

/**
 * Parses one `-c` flag of the form `key.path=value`. The key path is a dotted TOML key (quoted segments
 * may contain dots); the value is read as a TOML value, and when it is not valid TOML it is taken as a
 * literal string (`-c model=o3` gives `"o3"`).
 */
export function parseConfigOverride(raw: string): ConfigOverride {
  const equals = raw.indexOf("=");
  if (equals < 0) {
    throw new ConfigOverrideError(
      raw,
      `-c ${raw}: expected key=value (for example -c model="o3")`,
    );
  }
  const key = raw.slice(0, equals);
  const path = parseKeyPath(key);
  if (path === undefined) {
    throw new ConfigOverrideError(
      raw,
      `-c ${raw}: the key before "=" is empty or has an empty segment; write it as a dotted path such as sandbox_workspace_write.network_access`,
    );
  }
  return { path, value: parseOverrideValue(raw.slice(equals + 1).trim()) };
}

function parseOverrideValue(text: string): TomlValue {
  try {
    const parsed = parse(`value = ${text}`) as TomlTable;
    if (Object.hasOwn(parsed, "value") && Object.keys(parsed).length === 1) {
      return parsed.value as TomlValue;
    }
  } catch {
    // Not a TOML value: fall through to the literal string.
  }
  return stripMatchingQuotes(text);
}

function stripMatchingQuotes(text: string): string {
  if (text.length >= 2) {
    const first = text[0];
    if ((first === '"' || first === "'") && text.endsWith(first)) {
      return text.slice(1, -1);
    }
  }
  return text;
}

/**
 * Builds one nested table from overrides applied in order, so a later entry wins over an earlier one for
 * the same key. An override that goes through a non-table value replaces that value with a table.
 */
export function overridesToTable(overrides: ReadonlyArray<ConfigOverride>): TomlTable {
  const root: TomlTable = {};
  for (const { path, value } of overrides) {
    let table = root;
    for (const segment of path.slice(0, -1)) {
      const next = Object.hasOwn(table, segment) ? table[segment] : undefined;
      if (isTomlTable(next)) {
        table = next;
      } else {
        const created: TomlTable = {};
        setTableKey(table, segment, created);
        table = created;
      }
    }
    setTableKey(table, path[path.length - 1] as string, value);
  }
  return root;
}
