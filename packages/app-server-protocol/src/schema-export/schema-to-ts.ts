// Renders JSON Schema nodes (as produced by the exporter) as TypeScript type expressions.
import { isSchemaObject, refName, type SchemaNode, type SchemaObject } from "./json-schema-types.js";

export interface RenderOptions {
  /** Add `@experimental` to the docs of experimental fields. */
  markExperimental: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** A JSDoc block for the given text and tags, indented; empty when there is nothing to say. */
export function docComment(indent: string, description: string | undefined, tags: string[] = []): string {
  const lines = [...(description ? description.split("\n") : []), ...tags];
  if (lines.length === 0) return "";
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line}` : ""}`).join("\n")}\n${indent} */\n`;
}

function primitive(type: string): string {
  switch (type) {
    case "integer":
    case "number":
      return "number";
    case "string":
    case "boolean":
    case "null":
      return type;
    case "array":
      return "Array<unknown>";
    case "object":
      return "{ [key in string]?: unknown }";
    default:
      throw new Error(`cannot render JSON Schema type ${type}`);
  }
}

function union(members: string[]): string {
  const unique = [...new Set(members)];
  return unique.length === 1 ? (unique[0] as string) : unique.join(" | ");
}

function renderObject(node: SchemaObject, depth: number, options: RenderOptions): string {
  const indent = "  ".repeat(depth + 1);
  const required = new Set(node.required ?? []);
  const lines: string[] = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const docs = isSchemaObject(child) ? child.description : undefined;
    const tags = options.markExperimental && isSchemaObject(child) && child.experimental ? ["@experimental"] : [];
    const optional = required.has(name) ? "" : "?";
    lines.push(`${docComment(indent, docs, tags)}${indent}${propertyKey(name)}${optional}: ${renderType(child, depth + 1, options)};`);
  }
  const extra = node.additionalProperties;
  if (extra !== undefined && extra !== false) {
    let valueType = extra === true ? "unknown" : renderType(extra, depth + 1, options);
    // Optional properties may be undefined, so the index signature has to allow it too.
    const hasOptional = Object.keys(node.properties ?? {}).some((name) => !required.has(name));
    if (hasOptional && valueType !== "unknown") valueType = `${valueType} | undefined`;
    lines.push(`${indent}[key: string]: ${valueType};`);
  }
  if (lines.length === 0) return "Record<string, never>";
  return `{\n${lines.join("\n")}\n${"  ".repeat(depth)}}`;
}

/** The TypeScript type of a schema node. `depth` is the indentation level of the line it starts on. */
export function renderType(node: SchemaNode, depth: number, options: RenderOptions): string {
  if (node === true) return "unknown";
  if (node === false) return "never";
  if (node.$ref !== undefined) {
    const name = refName(node.$ref);
    if (name === undefined) throw new Error(`cannot render reference ${node.$ref}`);
    return name;
  }
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives) {
    const members = union(alternatives.map((member) => renderType(member, depth, options)));
    // Properties beside a union apply to every member (the `emittedAtMs` of server notifications).
    return node.properties ? `(${members}) & ${renderObject(node, depth, options)}` : members;
  }
  if (node.enum) return union(node.enum.map((value) => (value === null ? "null" : JSON.stringify(value))));
  const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  if (types.length === 0) return node.properties || node.additionalProperties !== undefined ? renderObject(node, depth, options) : "unknown";
  return union(
    types.map((type) => {
      if (type === "object") return renderObject(node, depth, options);
      if (type === "array" && node.items !== undefined) {
        const item = renderType(node.items, depth, options);
        return `Array<${item}>`;
      }
      return primitive(type);
    }),
  );
}
