import { isTomlTable, setTableKey, type TomlTable } from "./toml-value.js";

/**
 * Merges `overlay` onto `base` and returns a new table: tables merge key by key, recursively; every other
 * value (scalars and arrays alike) in `overlay` replaces the one in `base`. Neither input is modified.
 */
export function mergeTables(base: TomlTable, overlay: TomlTable): TomlTable {
  const result: TomlTable = {};
  for (const [key, value] of Object.entries(base)) {
    setTableKey(result, key, value);
  }
  for (const [key, value] of Object.entries(overlay)) {
    const existing = Object.hasOwn(result, key) ? result[key] : undefined;
    if (isTomlTable(existing) && isTomlTable(value)) {
      setTableKey(result, key, mergeTables(existing, value));
    } else {
      setTableKey(result, key, value);
    }
  }
  return result;
}
