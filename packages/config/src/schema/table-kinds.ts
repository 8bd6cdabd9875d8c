import { absolutePath, isAbsolutePath } from "@codex-ts/utils-absolute-path";
import { z } from "zod";

/** The catch-all of closed tables; its identity marks a table as closed (it survives `.describe()`). */
const closedCatchall = z.unknown();

/**
 * A table with known keys. Keys it does not know are kept in the parsed value, reported as warnings by
 * the loader, and forbidden (`additionalProperties: false`) in the published JSON Schema.
 */
export function closedTable<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape).catchall(closedCatchall);
}

/** A table whose extra keys are expected (free-form or owned by another package): never warned about. */
export function openTable<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape).catchall(z.unknown());
}

/** An open table with no known keys. */
export function anyTable() {
  return openTable({});
}

/** True for object schemas made by `closedTable`. */
export function isClosedTable(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as { type: string; catchall?: unknown };
  return def.type === "object" && def.catchall === closedCatchall;
}

/**
 * A filesystem path. The loader resolves relative paths against the folder of the file that set them
 * before validation, so by here the value must be absolute.
 */
export function absolutePathString() {
  return z.string().transform((value, context) => {
    if (!isAbsolutePath(value)) {
      context.issues.push({
        code: "custom",
        input: value,
        message: `invalid value: string ${JSON.stringify(value)}, expected an absolute path`,
      });
      return z.NEVER;
    }
    return absolutePath(value);
  });
}

/** A map of string to string (headers, environment variables, query parameters). */
export function stringMap() {
  return z.record(z.string(), z.string());
}

/** An integer that is zero or more. */
export function count() {
  return z.int().nonnegative();
}
