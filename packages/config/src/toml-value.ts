/** A TOML scalar as produced by the parser (dates are `Date` subclasses). */
export type TomlPrimitive = string | number | bigint | boolean | Date;

/** Any TOML value. Arrays and tables nest freely. */
export type TomlValue = TomlPrimitive | TomlValue[] | TomlTable;

/** A TOML table: string keys to values. */
export interface TomlTable {
  [key: string]: TomlValue;
}

/** True for a TOML table (a plain object, not an array or date). */
export function isTomlTable(value: unknown): value is TomlTable {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date)
  );
}

/**
 * Sets an own, enumerable key on a table. Unlike `table[key] = value` this never touches the prototype,
 * so keys such as `__proto__` from a config file stay ordinary data.
 */
export function setTableKey(table: TomlTable, key: string, value: TomlValue): void {
  Object.defineProperty(table, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Reads a nested value by key path; `undefined` when any step is missing or not a container. */
export function getTomlPath(
  root: unknown,
  path: ReadonlyArray<string | number>,
): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") {
      current = current[segment];
    } else if (isTomlTable(current) && Object.hasOwn(current, String(segment))) {
      current = current[String(segment)];
    } else {
      return undefined;
    }
  }
  return current;
}
