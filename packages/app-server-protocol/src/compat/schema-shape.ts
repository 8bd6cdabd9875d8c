// Reduces JSON Schema nodes to the few shapes the compatibility comparer reasons about: every `$ref`,
// single-member `allOf`, `anyOf`/`oneOf` and type list is expanded into a flat list of alternatives.
import { isSchemaObject, type SchemaNode, type SchemaObject } from "../schema-export/json-schema-types.js";

/** Resolves `$ref` strings within one schema document. */
export type RefResolver = (ref: string) => SchemaNode | undefined;

export type Alternative =
  | { kind: "any" }
  | { kind: "null" }
  | { kind: "boolean" }
  | { kind: "number"; integer: boolean }
  /** `values` undefined: any string. */
  | { kind: "string"; values: Set<string> | undefined }
  | { kind: "array"; items: SchemaNode }
  | { kind: "object"; node: SchemaObject; properties: Record<string, SchemaNode>; required: Set<string> }
  /** Something the comparer does not model (for example a multi-member `allOf`). */
  | { kind: "unsupported"; reason: string };

const ANNOTATIONS = new Set(["description", "title", "default", "examples", "$schema", "format", "minimum", "maximum", "minLength", "maxLength", "experimental", "definitions"]);

function isUnconstrained(node: SchemaObject): boolean {
  return Object.keys(node).every((key) => ANNOTATIONS.has(key));
}

function fromEnum(values: unknown[]): Alternative[] {
  const out: Alternative[] = [];
  const strings = values.filter((value): value is string => typeof value === "string");
  if (strings.length > 0) out.push({ kind: "string", values: new Set(strings) });
  if (values.includes(null)) out.push({ kind: "null" });
  if (values.some((value) => typeof value === "boolean")) out.push({ kind: "boolean" });
  if (values.some((value) => typeof value === "number")) out.push({ kind: "number", integer: false });
  return out;
}

function fromType(type: string, node: SchemaObject): Alternative {
  switch (type) {
    case "null":
      return { kind: "null" };
    case "boolean":
      return { kind: "boolean" };
    case "integer":
      return { kind: "number", integer: true };
    case "number":
      return { kind: "number", integer: false };
    case "string":
      return { kind: "string", values: undefined };
    case "array":
      return { kind: "array", items: node.items ?? true };
    case "object":
      return { kind: "object", node, properties: node.properties ?? {}, required: new Set(node.required ?? []) };
    default:
      return { kind: "unsupported", reason: `type ${type}` };
  }
}

/**
 * An object alternative of a union that sits beside properties (`{properties, required, anyOf}`): the
 * members only add their own fields to the shared ones, so each becomes the shared object plus its fields.
 */
function withBase(base: SchemaObject, alt: Alternative): Alternative {
  if (alt.kind !== "object") return alt;
  const properties = { ...(base.properties ?? {}), ...alt.properties };
  const required = new Set([...(base.required ?? []), ...alt.required]);
  const node: SchemaObject = { type: "object", properties, required: [...required] };
  if (base.additionalProperties !== undefined) node.additionalProperties = base.additionalProperties;
  return { kind: "object", node, properties, required };
}

/** The flat list of alternatives a schema node accepts. */
export function alternatives(node: SchemaNode, resolve: RefResolver, seenRefs: Set<string> = new Set()): Alternative[] {
  if (node === true) return [{ kind: "any" }];
  if (node === false) return [];
  if (node.$ref !== undefined) {
    if (seenRefs.has(node.$ref)) return [{ kind: "unsupported", reason: `reference loop at ${node.$ref}` }];
    const target = resolve(node.$ref);
    if (target === undefined) return [{ kind: "unsupported", reason: `unresolved ${node.$ref}` }];
    return alternatives(target, resolve, new Set([...seenRefs, node.$ref]));
  }
  if (node.allOf !== undefined) {
    const [only] = node.allOf;
    if (node.allOf.length !== 1 || only === undefined) return [{ kind: "unsupported", reason: "allOf with several members" }];
    return alternatives(only, resolve, seenRefs);
  }
  const members = node.anyOf ?? node.oneOf;
  if (members !== undefined) {
    const expanded = members.flatMap((member) => alternatives(member, resolve, seenRefs));
    return node.properties === undefined ? expanded : expanded.map((alt) => withBase(node, alt));
  }
  if (node.enum !== undefined) return fromEnum(node.enum);
  if (node.const !== undefined) return fromEnum([node.const]);
  if (node.type !== undefined) {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    return types.map((type) => fromType(type, node));
  }
  if (node.properties !== undefined) return [fromType("object", node)];
  if (isSchemaObject(node) && isUnconstrained(node)) return [{ kind: "any" }];
  return [{ kind: "unsupported", reason: `keywords ${Object.keys(node).join(", ")}` }];
}

/**
 * A label that tells the variants of a tagged union apart: the required single-value string properties
 * (`type=readOnly`), or failing that the required property names (`{granular}`).
 */
export function variantTag(alternative: Extract<Alternative, { kind: "object" }>, resolve: RefResolver): string {
  const tags: string[] = [];
  for (const name of [...alternative.required].sort()) {
    const child = alternative.properties[name];
    if (child === undefined) continue;
    const shapes = alternatives(child, resolve);
    const [first] = shapes;
    if (shapes.length === 1 && first?.kind === "string" && first.values?.size === 1) {
      tags.push(`${name}=${[...first.values][0]}`);
    }
  }
  if (tags.length > 0) return tags.join(",");
  return `{${[...alternative.required].sort().join(",")}}`;
}

/**
 * The labels of a list of union variants. Variants that share a tag (one tagged variant given by either of
 * two fields, such as an image by `url` or by `fileId`) are told apart by their required field names.
 */
export function variantTags(list: Extract<Alternative, { kind: "object" }>[], resolve: RefResolver): string[] {
  const tags = list.map((alt) => variantTag(alt, resolve));
  return tags.map((tag, index) => {
    if (tags.indexOf(tag) === tags.lastIndexOf(tag)) return tag;
    const alt = list[index] as Extract<Alternative, { kind: "object" }>;
    return `${tag}{${[...alt.required].sort().join(",")}}`;
  });
}
