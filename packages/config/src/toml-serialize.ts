import { formatTomlKey, formatTomlKeyPath, quoteTomlString } from "./key-path.js";
import { isTomlTable, type TomlTable, type TomlValue } from "./toml-value.js";

/** A value as inline TOML: `"text"`, `42`, `["a", "b"]`, `{ key = 1 }`. */
export function formatInlineValue(value: TomlValue): string {
  if (typeof value === "string") {
    return quoteTomlString(value);
  }
  if (typeof value === "number") {
    if (Number.isNaN(value)) {
      return "nan";
    }
    if (!Number.isFinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return String(value);
  }
  if (typeof value === "bigint" || typeof value === "boolean") {
    return String(value);
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    return `[${value.map(formatInlineValue).join(", ")}]`;
  }
  const entries = Object.entries(value).map(([key, item]) => `${formatTomlKey(key)} = ${formatInlineValue(item)}`);
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}

/** True for a non-empty array whose items are all tables (written as `[[section]]`s). */
export function isArrayOfTables(value: TomlValue): value is TomlTable[] {
  return Array.isArray(value) && value.length > 0 && value.every(isTomlTable);
}

/**
 * A table written as a `[path]` section (or `[[path]]` for an array element): plain values first, then a
 * section per sub-table and per element of nested arrays of tables. A table that only holds sub-tables
 * gets no header of its own. No trailing newline.
 */
export function formatSection(path: readonly string[], table: TomlTable, arrayElement: boolean, newline: string): string {
  const lines: string[] = [];
  const children: string[] = [];
  for (const [key, value] of Object.entries(table)) {
    if (isTomlTable(value)) {
      children.push(formatSection([...path, key], value, false, newline));
    } else if (isArrayOfTables(value)) {
      for (const element of value) {
        children.push(formatSection([...path, key], element, true, newline));
      }
    } else {
      lines.push(`${formatTomlKey(key)} = ${formatInlineValue(value)}`);
    }
  }
  const header = arrayElement ? `[[${formatTomlKeyPath(path)}]]` : `[${formatTomlKeyPath(path)}]`;
  const own = arrayElement || lines.length > 0 || children.length === 0 ? [[header, ...lines].join(newline)] : [];
  return [...own, ...children].join(newline + newline);
}
