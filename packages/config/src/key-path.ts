import { parse } from "smol-toml";
import { isTomlTable } from "./toml-value.js";

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * The display form of a key path: segments joined with `.`, unquoted (`projects./tmp/p.trust_level`).
 * This is the form used for origins and in messages.
 */
export function formatKeyPath(path: ReadonlyArray<string | number>): string {
  return path.map(String).join(".");
}

/** One key segment as TOML source: bare when it can be, otherwise a quoted basic string. */
export function formatTomlKey(segment: string): string {
  return BARE_KEY.test(segment) ? segment : quoteTomlString(segment);
}

/** A dotted TOML key (`projects."/a/b".trust_level`) for the given segments. */
export function formatTomlKeyPath(path: readonly string[]): string {
  return path.map(formatTomlKey).join(".");
}

/** A TOML basic string literal for `value`. */
export function quoteTomlString(value: string): string {
  // JSON escapes are all valid TOML basic-string escapes; TOML additionally forbids a raw DEL.
  return JSON.stringify(value).replace(/\u007f/g, "\\u007F");
}

/**
 * Splits a dotted key into segments. Accepts TOML key syntax, so quoted segments may contain dots
 * (`projects."/a/b.c".trust_level`); a key that is not valid TOML (for example one with spaces) is split
 * on every dot. Returns `undefined` when the key is empty or has an empty segment.
 */
export function parseKeyPath(key: string): string[] | undefined {
  const trimmed = key.trim();
  if (trimmed.length === 0) {
    return undefined;
  }
  const fromToml = parseAsTomlKey(trimmed);
  if (fromToml !== undefined) {
    return fromToml;
  }
  const segments = trimmed.split(".").map((segment) => segment.trim());
  return segments.some((segment) => segment.length === 0) ? undefined : segments;
}

function parseAsTomlKey(key: string): string[] | undefined {
  let table: unknown;
  try {
    table = parse(`${key} = 0`);
  } catch {
    return undefined;
  }
  const segments: string[] = [];
  let current = table;
  while (isTomlTable(current)) {
    const keys = Object.keys(current);
    if (keys.length !== 1) {
      return undefined;
    }
    const only = keys[0] as string;
    segments.push(only);
    current = current[only];
  }
  return segments;
}
