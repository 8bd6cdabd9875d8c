// Conversions between TOML config values and JSON, the version stamp of a config layer, and the path
// operations `config/value/write` and `config/batchWrite` perform on a table.
import { createHash } from "node:crypto";
import { isTomlTable, type TomlTable, type TomlValue } from "@codex-ts/config";

/** A config value as JSON: dates become RFC 3339 strings, big integers numbers. */
export function tomlToJson(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(tomlToJson);
  if (isTomlTable(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(result, key, { value: tomlToJson(item), enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  return value;
}

/** JSON with object keys in sorted order at every level. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${sortedJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The version of a layer: `sha256:` and the hash of its contents as JSON with sorted keys. The same
 * contents give the same version as upstream, whatever the file's formatting or comments.
 */
export function layerVersion(config: TomlTable): string {
  return `sha256:${createHash("sha256").update(sortedJson(tomlToJson(config))).digest("hex")}`;
}

/** Why a JSON value cannot be stored in TOML. */
export class UnrepresentableValueError extends Error {}

/** A JSON value as a TOML value; `null` inside arrays or objects has no TOML form. */
export function jsonToToml(value: unknown): TomlValue {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new UnrepresentableValueError(`invalid value: ${value} is not a TOML number`);
    return value;
  }
  if (Array.isArray(value)) return value.map(jsonToToml);
  if (value === null || value === undefined) {
    throw new UnrepresentableValueError("invalid value: null has no TOML representation");
  }
  if (typeof value === "object") {
    const table: TomlTable = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(table, key, { value: jsonToToml(item), enumerable: true, writable: true, configurable: true });
    }
    return table;
  }
  throw new UnrepresentableValueError(`invalid value: ${typeof value} has no TOML representation`);
}

/** Deep equality of two TOML values. */
export function sameValue(left: unknown, right: unknown): boolean {
  return sortedJson(tomlToJson(left)) === sortedJson(tomlToJson(right));
}

/** The value at `segments` (tables by key, arrays by index), if any. */
export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (isTomlTable(current)) {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = current[segment];
    } else if (Array.isArray(current) && /^\d+$/.test(segment)) {
      current = current[Number(segment)];
    } else {
      return undefined;
    }
  }
  return current;
}

function setKey(table: TomlTable, key: string, value: TomlValue): void {
  Object.defineProperty(table, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of a table. */
export function cloneTable(table: TomlTable): TomlTable {
  return structuredClone(table);
}

/** Recursively merges `overlay` into `base` (tables merge key by key; anything else replaces). */
export function mergeInto(base: TomlTable, overlay: TomlTable): void {
  for (const [key, value] of Object.entries(overlay)) {
    const existing = Object.prototype.hasOwnProperty.call(base, key) ? base[key] : undefined;
    if (isTomlTable(existing) && isTomlTable(value)) mergeInto(existing, value);
    else setKey(base, key, value);
  }
}

/** Problems a path edit can have. */
export type PathEditFailure = "pathNotFound";

/**
 * Sets `value` at `segments`, creating (or replacing non-table) parents. With `upsert`, a table merges
 * into an existing table instead of replacing it.
 */
export function setPath(root: TomlTable, segments: readonly string[], value: TomlValue, upsert: boolean): void {
  let current = root;
  for (const segment of segments.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(current, segment) ? current[segment] : undefined;
    if (isTomlTable(next)) {
      current = next;
    } else {
      const created: TomlTable = {};
      setKey(current, segment, created);
      current = created;
    }
  }
  const last = segments[segments.length - 1]!;
  const existing = Object.prototype.hasOwnProperty.call(current, last) ? current[last] : undefined;
  if (upsert && isTomlTable(existing) && isTomlTable(value)) {
    mergeInto(existing, value);
  } else {
    setKey(current, last, value);
  }
}

/** Removes the value at `segments`; a missing parent table is `pathNotFound`, a missing key is fine. */
export function clearPath(root: TomlTable, segments: readonly string[]): PathEditFailure | undefined {
  let current: TomlValue = root;
  for (const segment of segments.slice(0, -1)) {
    if (!isTomlTable(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return "pathNotFound";
    current = current[segment]!;
  }
  if (!isTomlTable(current)) return "pathNotFound";
  delete current[segments[segments.length - 1]!];
  return undefined;
}

/** Every leaf (non-table value) of a table with its path. */
export function leaves(table: TomlTable, prefix: string[] = []): Array<{ path: string[]; value: TomlValue }> {
  const result: Array<{ path: string[]; value: TomlValue }> = [];
  for (const [key, value] of Object.entries(table)) {
    if (isTomlTable(value) && Object.keys(value).length > 0) result.push(...leaves(value, [...prefix, key]));
    else result.push({ path: [...prefix, key], value });
  }
  return result;
}
