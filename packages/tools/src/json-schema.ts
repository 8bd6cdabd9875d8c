// The small JSON-schema subset used for tool parameters. It mirrors what the Responses API accepts for
// function tools and what upstream models: string, number, boolean, array, object (with properties,
// required and additionalProperties). `integer` and `null` appear only in schemas passed through from MCP
// servers and dynamic tools.

export interface JsonSchemaBase {
  description?: string;
}

export interface JsonSchemaString extends JsonSchemaBase {
  type: "string";
  enum?: readonly string[];
}

export interface JsonSchemaNumber extends JsonSchemaBase {
  type: "number" | "integer";
}

export interface JsonSchemaBoolean extends JsonSchemaBase {
  type: "boolean";
}

export interface JsonSchemaNull extends JsonSchemaBase {
  type: "null";
}

export interface JsonSchemaArray extends JsonSchemaBase {
  type: "array";
  items: JsonSchema;
}

export interface JsonSchemaObject extends JsonSchemaBase {
  type: "object";
  properties: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
}

export type JsonSchema =
  | JsonSchemaString
  | JsonSchemaNumber
  | JsonSchemaBoolean
  | JsonSchemaNull
  | JsonSchemaArray
  | JsonSchemaObject;

function withDescription<T extends object>(schema: T, description: string | undefined): T {
  return description === undefined ? schema : { ...schema, description };
}

/** Small constructors so spec files read like the schema they produce. */
export const schema = {
  string(description?: string): JsonSchemaString {
    return withDescription({ type: "string" as const }, description);
  },
  stringEnum(values: readonly string[], description?: string): JsonSchemaString {
    return withDescription({ type: "string" as const, enum: [...values] }, description);
  },
  number(description?: string): JsonSchemaNumber {
    return withDescription({ type: "number" as const }, description);
  },
  boolean(description?: string): JsonSchemaBoolean {
    return withDescription({ type: "boolean" as const }, description);
  },
  array(items: JsonSchema, description?: string): JsonSchemaArray {
    return withDescription({ type: "array" as const, items }, description);
  },
  /** A closed object (`additionalProperties: false`); `required` is omitted when not given. */
  object(properties: Record<string, JsonSchema>, required?: readonly string[], description?: string): JsonSchemaObject {
    const base: JsonSchemaObject = { type: "object", properties };
    if (required !== undefined) base.required = [...required];
    base.additionalProperties = false;
    return withDescription(base, description);
  },
};

const KNOWN_TYPES = new Set(["string", "number", "integer", "boolean", "null", "array", "object"]);

/**
 * Checks that a value is a schema of the supported subset. Returns a list of problems, each prefixed with a
 * JSON-pointer-like path; an empty list means valid.
 */
export function validateJsonSchema(value: unknown, path = "#"): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return [`${path}: schema must be an object`];
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  const type = record["type"];
  if (typeof type !== "string" || !KNOWN_TYPES.has(type)) {
    return [`${path}: unsupported or missing type ${JSON.stringify(type)}`];
  }
  if (record["description"] !== undefined && typeof record["description"] !== "string") {
    problems.push(`${path}: description must be a string`);
  }
  if (type === "string" && record["enum"] !== undefined) {
    const values = record["enum"];
    if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === "string")) {
      problems.push(`${path}: enum must be a non-empty array of strings`);
    }
  }
  if (type === "array") {
    problems.push(...validateJsonSchema(record["items"], `${path}/items`));
  }
  if (type === "object") {
    const properties = record["properties"];
    if (typeof properties !== "object" || properties === null || Array.isArray(properties)) {
      problems.push(`${path}: object schema needs a properties map`);
    } else {
      for (const [key, child] of Object.entries(properties)) {
        problems.push(...validateJsonSchema(child, `${path}/properties/${key}`));
      }
      const required = record["required"];
      if (required !== undefined) {
        if (!Array.isArray(required) || !required.every((r) => typeof r === "string")) {
          problems.push(`${path}: required must be an array of strings`);
        } else {
          for (const name of required) {
            if (!(name in properties)) problems.push(`${path}: required property ${name} is not declared`);
          }
        }
      }
    }
    const additional = record["additionalProperties"];
    if (additional !== undefined && typeof additional !== "boolean") {
      problems.push(...validateJsonSchema(additional, `${path}/additionalProperties`));
    }
  }
  return problems;
}

const COMBINERS = ["oneOf", "anyOf", "allOf", "prefixItems"] as const;

/**
 * Coerces an arbitrary JSON schema (from an MCP server or a dynamic tool) into the supported subset, the
 * way upstream does: every node gets a `type` (inferred from its keywords, defaulting to `string`), objects
 * get a `properties` map, arrays get `items`, and boolean schemas become `{type: "string"}`. The input is
 * not modified.
 */
export function sanitizeJsonSchema(input: unknown): JsonSchema {
  return sanitizeNode(structuredClone(input)) as unknown as JsonSchema;
}

function sanitizeNode(value: unknown): unknown {
  if (typeof value === "boolean") return { type: "string" };
  if (Array.isArray(value)) return value.map(sanitizeNode);
  if (typeof value !== "object" || value === null) return value;
  const map = value as Record<string, unknown>;
  const properties = map["properties"];
  if (typeof properties === "object" && properties !== null && !Array.isArray(properties)) {
    const record = properties as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = sanitizeNode(record[key]);
  }
  if (map["items"] !== undefined) map["items"] = sanitizeNode(map["items"]);
  for (const combiner of COMBINERS) {
    if (map[combiner] !== undefined) map[combiner] = sanitizeNode(map[combiner]);
  }
  let type = typeof map["type"] === "string" ? (map["type"] as string) : undefined;
  if (type === undefined && Array.isArray(map["type"])) {
    type = (map["type"] as unknown[]).find(
      (t): t is string => typeof t === "string" && t !== "null" && KNOWN_TYPES.has(t),
    );
  }
  if (type === undefined) type = inferType(map);
  map["type"] = type;
  if (type === "object") {
    if (typeof map["properties"] !== "object" || map["properties"] === null) map["properties"] = {};
    const additional = map["additionalProperties"];
    if (additional !== undefined && typeof additional !== "boolean") {
      map["additionalProperties"] = sanitizeNode(additional);
    }
  }
  if (type === "array" && map["items"] === undefined) map["items"] = { type: "string" };
  return map;
}

function inferType(map: Record<string, unknown>): string {
  const has = (key: string) => key in map;
  if (has("properties") || has("required") || has("additionalProperties")) return "object";
  if (has("items") || has("prefixItems")) return "array";
  if (has("enum") || has("const") || has("format")) return "string";
  if (has("minimum") || has("maximum") || has("exclusiveMinimum") || has("exclusiveMaximum") || has("multipleOf")) {
    return "number";
  }
  return "string";
}
