// The subset of JSON Schema (draft-07) the exporters read and write.

/** A JSON Schema node. Booleans are the trivial schemas (`true` accepts everything). */
export type SchemaNode = boolean | SchemaObject;

export interface SchemaObject {
  $ref?: string;
  $schema?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  not?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
  /** Set on properties whose wire field is marked `@experimental`; removed from the exported files. */
  experimental?: boolean;
  [keyword: string]: unknown;
}

/** Definitions keyed by type name. */
export type Definitions = Record<string, SchemaNode>;

export const DEFINITIONS_PREFIX = "#/definitions/";

/** The type name a `$ref` points at, or undefined for refs outside `#/definitions/`. */
export function refName(ref: string): string | undefined {
  return ref.startsWith(DEFINITIONS_PREFIX) ? ref.slice(DEFINITIONS_PREFIX.length) : undefined;
}

export function isSchemaObject(node: unknown): node is SchemaObject {
  return typeof node === "object" && node !== null && !Array.isArray(node);
}
