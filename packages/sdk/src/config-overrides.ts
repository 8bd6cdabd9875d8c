import { ConfigOverrideError } from "./errors.js";
import type { CodexConfigObject, CodexConfigValue } from "./options.js";

const BARE_TOML_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Flattens a config object into `key=value` strings for `--config`: nested objects become dotted
 * keys, leaves become TOML literals (strings quoted, arrays `[a, b]`, objects inside arrays inline
 * tables `{k = v}`), `undefined` entries are skipped and an empty nested object becomes `key={}`.
 */
export function flattenConfigOverrides(config: CodexConfigObject): string[] {
  if (!isPlainObject(config)) {
    throw new ConfigOverrideError("Codex config overrides must be a plain object.");
  }
  const out: string[] = [];
  flattenInto(config, "", out);
  return out;
}

function flattenInto(table: CodexConfigObject, prefix: string, out: string[]): void {
  const entries = Object.entries(table).filter(([, value]) => value !== undefined);
  if (prefix && entries.length === 0) {
    out.push(`${prefix}={}`);
    return;
  }
  for (const [key, value] of entries) {
    if (key === "") {
      throw new ConfigOverrideError(`Codex config override keys must be non-empty (under "${prefix || "<root>"}").`);
    }
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value)) {
      flattenInto(value, path, out);
    } else {
      out.push(`${path}=${tomlLiteral(value, path)}`);
    }
  }
}

/** Renders one value as a TOML literal; `path` names the value in error messages. */
export function tomlLiteral(value: CodexConfigValue, path: string): string {
  switch (typeof value) {
    case "string":
      // A JSON string literal is also a valid TOML basic string.
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) {
        throw new ConfigOverrideError(`Codex config override ${path} must be a finite number.`);
      }
      return String(value);
    case "boolean":
      return value ? "true" : "false";
    default:
      break;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => tomlLiteral(item, `${path}[${index}]`)).join(", ")}]`;
  }
  if (isPlainObject(value)) {
    const parts: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      if (key === "") {
        throw new ConfigOverrideError(`Codex config override keys must be non-empty (under "${path}").`);
      }
      const renderedKey = BARE_TOML_KEY.test(key) ? key : JSON.stringify(key);
      parts.push(`${renderedKey} = ${tomlLiteral(item, `${path}.${key}`)}`);
    }
    return `{${parts.join(", ")}}`;
  }
  if (value === null) {
    throw new ConfigOverrideError(`Codex config override ${path} cannot be null.`);
  }
  throw new ConfigOverrideError(`Codex config override ${path} has an unsupported type: ${typeof value}.`);
}

function isPlainObject(value: unknown): value is CodexConfigObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
