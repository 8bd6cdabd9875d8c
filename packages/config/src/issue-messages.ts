import type { z } from "zod";
import { getTomlPath, isTomlTable } from "./toml-value.js";

type Issue = z.core.$ZodIssue;
type PathSegment = string | number;

/**
 * One validation problem, described the way serde describes it. `target` says what to point at:
 * the value at `path`, the key at `path`, or the table at `path` (for a missing field).
 */
export interface ConfigIssue {
  path: PathSegment[];
  message: string;
  target: "value" | "key" | "table";
}

/** Turns zod issues for `input` into config issues with serde-style messages. */
export function describeIssues(issues: readonly Issue[], input: unknown): ConfigIssue[] {
  return issues.map((issue) => describeIssue(issue, input, []));
}

function describeIssue(issue: Issue, input: unknown, prefix: PathSegment[]): ConfigIssue {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const value = getTomlPath(input, path);
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined && path.length > 0) {
        return {
          path: path.slice(0, -1),
          target: "table",
          message: `missing field \`${String(path[path.length - 1])}\``,
        };
      }
      return {
        path,
        target: "value",
        message: `invalid type: ${describeValue(value)}, expected ${describeExpected(issue.expected)}`,
      };
    case "invalid_value":
      return { path, target: "value", message: unknownVariant(value, issue.values.map(String)) };
    case "too_small":
      return {
        path,
        target: "value",
        message: `invalid value: ${describeValue(value)}, expected ${bound(issue.minimum, issue.inclusive, "at least", "more than")}`,
      };
    case "too_big":
      return {
        path,
        target: "value",
        message: `invalid value: ${describeValue(value)}, expected ${bound(issue.maximum, issue.inclusive, "at most", "less than")}`,
      };
    case "invalid_key":
      return { path, target: "key", message: issue.issues[0]?.message ?? issue.message };
    case "invalid_union":
      return describeUnion(issue.errors, value, input, path);
    case "custom": {
      const target = (issue.params as { target?: ConfigIssue["target"] } | undefined)?.target;
      return { path, target: target ?? "value", message: issue.message };
    }
    default:
      return { path, target: "value", message: issue.message };
  }
}

function describeUnion(
  branches: ReadonlyArray<readonly Issue[]>,
  value: unknown,
  input: unknown,
  path: PathSegment[],
): ConfigIssue {
  // A branch whose problems are all nested matched the value's type: report its first problem.
  const matched = branches.find(
    (branch) => branch.length > 0 && branch.every((issue) => issue.path.length > 0),
  );
  if (matched !== undefined) {
    return describeIssue(matched[0] as Issue, input, path);
  }
  const expected: string[] = [];
  let hasVariants = false;
  for (const branch of branches) {
    const root = branch.find((issue) => issue.path.length === 0);
    if (root?.code === "invalid_type") {
      expected.push(describeExpected(root.expected));
    } else if (root?.code === "invalid_value") {
      hasVariants = true;
      expected.push(...root.values.map((variant) => `\`${String(variant)}\``));
    }
  }
  const unique = [...new Set(expected)];
  const list = unique.length <= 1 ? (unique[0] ?? "a valid value") : `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}`;
  const message =
    hasVariants && typeof value === "string"
      ? `unknown variant \`${value}\`, expected ${list}`
      : `invalid type: ${describeValue(value)}, expected ${list}`;
  return { path, target: "value", message };
}

/** serde's wording for an enum mismatch. */
function unknownVariant(value: unknown, variants: readonly string[]): string {
  const expected = expectedVariants(variants);
  return typeof value === "string"
    ? `unknown variant \`${value}\`, ${expected}`
    : `invalid type: ${describeValue(value)}, ${expected}`;
}

function expectedVariants(variants: readonly string[]): string {
  const quoted = variants.map((variant) => `\`${variant}\``);
  if (quoted.length === 0) {
    return "there are no variants";
  }
  if (quoted.length === 1) {
    return `expected ${quoted[0]}`;
  }
  if (quoted.length === 2) {
    return `expected ${quoted[0]} or ${quoted[1]}`;
  }
  return `expected one of ${quoted.join(", ")}`;
}

function bound(limit: unknown, inclusive: boolean | undefined, inclusiveWord: string, exclusiveWord: string): string {
  if (limit === 0 && inclusive !== false && inclusiveWord === "at least") {
    return "a non-negative number";
  }
  return `a number ${inclusive === false ? exclusiveWord : inclusiveWord} ${String(limit)}`;
}

const EXPECTED: Record<string, string> = {
  boolean: "a boolean",
  string: "a string",
  number: "a number",
  int: "an integer",
  bigint: "an integer",
  array: "a sequence",
  object: "a map",
  record: "a map",
  date: "a datetime",
};

function describeExpected(expected: string): string {
  return EXPECTED[expected] ?? `a ${expected}`;
}

/** serde's wording for the value that was found (`string "x"`, `integer 5`, `boolean true`, ...). */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    return `string ${JSON.stringify(value)}`;
  }
  if (typeof value === "bigint") {
    return `integer ${value}`;
  }
  if (typeof value === "number") {
    if (Number.isInteger(value)) {
      return `integer ${value}`;
    }
    return `floating point ${Number.isNaN(value) ? "nan" : Number.isFinite(value) ? value : value > 0 ? "inf" : "-inf"}`;
  }
  if (typeof value === "boolean") {
    return `boolean ${value}`;
  }
  if (value instanceof Date) {
    return `datetime ${value.toISOString()}`;
  }
  if (Array.isArray(value)) {
    return "sequence";
  }
  if (isTomlTable(value)) {
    return "map";
  }
  return "nothing";
}
