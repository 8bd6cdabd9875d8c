import { ToolCallError } from "./tool-call-error.js";

/** The prefix upstream puts before every argument error of the function tools. */
export const FUNCTION_ARGUMENTS_ERROR_PREFIX = "failed to parse function arguments";

/** A tool's JSON arguments, parsed into an object, with typed readers that fail with model-facing messages. */
export class ToolArguments {
  private constructor(
    private readonly values: Record<string, unknown>,
    private readonly prefix: string,
  ) {}

  /** Parses `argumentsJson`, which must hold a JSON object. */
  static parse(argumentsJson: string, prefix = FUNCTION_ARGUMENTS_ERROR_PREFIX): ToolArguments {
    let value: unknown;
    try {
      value = JSON.parse(argumentsJson);
    } catch (error) {
      const reason = error instanceof SyntaxError ? error.message : String(error);
      throw new ToolCallError(`${prefix}: ${reason}`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new ToolCallError(`${prefix}: invalid type: ${describeValue(value)}, expected a JSON object`);
    }
    return new ToolArguments(value as Record<string, unknown>, prefix);
  }

  /** A failure reported with this tool's argument-error prefix. */
  error(reason: string): ToolCallError {
    return new ToolCallError(`${this.prefix}: ${reason}`);
  }

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  requiredString(name: string): string {
    const value = this.values[name];
    if (value === undefined) throw this.error(`missing field \`${name}\``);
    if (typeof value !== "string") throw this.invalidType(value, "a string");
    return value;
  }

  /** A string that may be absent or null. */
  optionalString(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") throw this.invalidType(value, "a string");
    return value;
  }

  /** A boolean that may be absent or null. */
  optionalBoolean(name: string): boolean | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "boolean") throw this.invalidType(value, "a boolean");
    return value;
  }

  /**
   * A non-negative integer. Absent → `fallback`. `null` is accepted as absent only when `nullable` (an
   * optional field); a field that merely has a default rejects it.
   */
  unsignedInteger(name: string, fallback: number, options?: { nullable?: boolean }): number;
  unsignedInteger(name: string, fallback: undefined, options?: { nullable?: boolean }): number | undefined;
  unsignedInteger(name: string, fallback: number | undefined, options: { nullable?: boolean } = {}): number | undefined {
    const value = this.values[name];
    if (value === undefined || (value === null && options.nullable)) return fallback;
    if (typeof value !== "number" || !Number.isFinite(value)) throw this.invalidType(value, "an unsigned integer");
    if (!Number.isInteger(value)) throw this.invalidType(value, "an unsigned integer");
    if (value < 0) throw this.error(`invalid value: integer \`${value}\`, expected an unsigned integer`);
    return value;
  }

  /** A signed integer that must be present. */
  requiredInteger(name: string): number {
    const value = this.values[name];
    if (value === undefined) throw this.error(`missing field \`${name}\``);
    if (typeof value !== "number" || !Number.isInteger(value)) throw this.invalidType(value, "an integer");
    return value;
  }

  /** A raw value for callers that validate nested structures themselves. */
  raw(name: string): unknown {
    return this.values[name];
  }

  private invalidType(value: unknown, expected: string): ToolCallError {
    return this.error(`invalid type: ${describeValue(value)}, expected ${expected}`);
  }
}

/** How a JSON value is named in type errors: `string "x"`, `integer \`3\``, `null`, `sequence`, `map`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "sequence";
  switch (typeof value) {
    case "string":
      return `string ${JSON.stringify(value)}`;
    case "number":
      return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
    case "boolean":
      return `boolean \`${value}\``;
    case "object":
      return "map";
    default:
      return typeof value;
  }
}
