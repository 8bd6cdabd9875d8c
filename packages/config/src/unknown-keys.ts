import type { z } from "zod";
import { configTomlSchema } from "./schema/config-toml.js";
import { isClosedTable } from "./schema/table-kinds.js";
import { isTomlTable } from "./toml-value.js";

type PathSegment = string | number;

interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
}

/**
 * Paths of keys in `value` that the config model does not know. Keys inside open tables (`[tui]`,
 * `[features]`, tables owned by other packages) are never reported.
 */
export function findUnknownKeys(value: unknown, schema: z.ZodType = configTomlSchema): PathSegment[][] {
  const found: PathSegment[][] = [];
  walk(schema, value, [], found);
  return found;
}

function walk(schema: z.ZodType, value: unknown, path: PathSegment[], found: PathSegment[][]): void {
  const def = schema.def as unknown as SchemaDef;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      walk(def.innerType as z.ZodType, value, path, found);
      return;
    case "pipe":
      walk(def.in as z.ZodType, value, path, found);
      return;
    case "lazy":
      walk((def.getter as () => z.ZodType)(), value, path, found);
      return;
    case "object":
      walkObject(schema, def.shape ?? {}, value, path, found);
      return;
    case "record":
      if (isTomlTable(value)) {
        for (const [key, child] of Object.entries(value)) {
          walk(def.valueType as z.ZodType, child, [...path, key], found);
        }
      }
      return;
    case "array":
      if (Array.isArray(value)) {
        for (const [index, child] of value.entries()) walk(def.element as z.ZodType, child, [...path, index], found);
      }
      return;
    case "union":
      walkUnion(def.options ?? [], value, path, found);
      return;
    default:
      return;
  }
}

function walkObject(
  schema: z.ZodType,
  shape: Record<string, z.ZodType>,
  value: unknown,
  path: PathSegment[],
  found: PathSegment[][],
): void {
  if (!isTomlTable(value)) {
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const known = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (known !== undefined) {
      walk(known, child, [...path, key], found);
    } else if (isClosedTable(schema)) {
      found.push([...path, key]);
    }
  }
}

/**
 * For a union, judge the value by the branch of the same kind (table or array) that leaves the fewest
 * unknown keys directly in the value, then the fewest overall.
 */
function walkUnion(options: z.ZodType[], value: unknown, path: PathSegment[], found: PathSegment[][]): void {
  const kind = isTomlTable(value) ? ["object", "record"] : Array.isArray(value) ? ["array"] : [];
  let best: { found: PathSegment[][]; direct: number } | undefined;
  for (const option of options) {
    if (!kind.includes(baseType(option))) {
      continue;
    }
    const candidate: PathSegment[][] = [];
    walk(option, value, path, candidate);
    const direct = candidate.filter((unknown) => unknown.length === path.length + 1).length;
    if (
      best === undefined ||
      direct < best.direct ||
      (direct === best.direct && candidate.length < best.found.length)
    ) {
      best = { found: candidate, direct };
    }
  }
  found.push(...(best?.found ?? []));
}

function baseType(schema: z.ZodType): string {
  const def = schema.def as unknown as SchemaDef;
  if (def.innerType !== undefined) {
    return baseType(def.innerType);
  }
  if (def.type === "pipe" && def.in !== undefined) {
    return baseType(def.in);
  }
  return def.type;
}
