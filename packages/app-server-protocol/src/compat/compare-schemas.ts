// Checks that our JSON Schema describes the same messages as the upstream one: the same property names,
// the same required fields, the same enum values and nullability, followed recursively through
// references and union variants. Descriptions, defaults, formats and bounds are not compared.
import { isSchemaObject, type SchemaNode } from "../schema-export/json-schema-types.js";
import { type Alternative, alternatives, type RefResolver, variantTags } from "./schema-shape.js";

/** One schema with the resolver of the document it lives in. */
export interface SchemaSide {
  node: SchemaNode;
  resolve: RefResolver;
}

/** A difference found between the two schemas, at a dotted path below the compared type. */
export interface SchemaMismatch {
  path: string;
  message: string;
}

type ObjectAlternative = Extract<Alternative, { kind: "object" }>;

class Comparer {
  readonly mismatches: SchemaMismatch[] = [];
  private readonly visited = new Map<object, Set<object>>();

  constructor(
    private readonly upstreamResolve: RefResolver,
    private readonly oursResolve: RefResolver,
  ) {}

  report(path: string, message: string): void {
    this.mismatches.push({ path, message });
  }

  private firstVisit(upstream: SchemaNode, ours: SchemaNode): boolean {
    if (!isSchemaObject(upstream) || !isSchemaObject(ours)) return true;
    let partners = this.visited.get(upstream);
    if (!partners) {
      partners = new Set();
      this.visited.set(upstream, partners);
    }
    if (partners.has(ours)) return false;
    partners.add(ours);
    return true;
  }

  compare(upstream: SchemaNode, ours: SchemaNode, path: string): void {
    if (!this.firstVisit(upstream, ours)) return;
    const up = alternatives(upstream, this.upstreamResolve);
    const our = alternatives(ours, this.oursResolve);
    for (const alt of [...up, ...our]) {
      if (alt.kind === "unsupported") this.report(path, `cannot compare: ${alt.reason}`);
    }
    const has = (list: Alternative[], kind: Alternative["kind"]) => list.some((alt) => alt.kind === kind);
    if (has(our, "any")) {
      if (!has(up, "any")) this.report(path, "ours accepts any value; upstream is specific");
      return;
    }
    if (has(up, "any")) {
      this.report(path, "upstream accepts any value; ours is specific");
      return;
    }
    for (const kind of ["null", "boolean", "number", "array"] as const) {
      if (has(up, kind) && !has(our, kind)) this.report(path, `upstream accepts ${kind}; ours does not`);
      if (!has(up, kind) && has(our, kind)) this.report(path, `ours accepts ${kind}; upstream does not`);
    }
    const upInt = up.find((alt) => alt.kind === "number");
    const ourInt = our.find((alt) => alt.kind === "number");
    if (upInt?.kind === "number" && ourInt?.kind === "number" && ourInt.integer && !upInt.integer) {
      this.report(path, "ours accepts only integers; upstream accepts any number");
    }
    this.compareStrings(up, our, path);
    const upArray = up.find((alt) => alt.kind === "array");
    const ourArray = our.find((alt) => alt.kind === "array");
    if (upArray?.kind === "array" && ourArray?.kind === "array") this.compare(upArray.items, ourArray.items, `${path}[]`);
    this.compareObjectVariants(
      up.filter((alt): alt is ObjectAlternative => alt.kind === "object"),
      our.filter((alt): alt is ObjectAlternative => alt.kind === "object"),
      path,
    );
  }

  private compareStrings(up: Alternative[], our: Alternative[], path: string): void {
    const collect = (list: Alternative[]): Set<string> | "any" | undefined => {
      let values: Set<string> | undefined;
      for (const alt of list) {
        if (alt.kind !== "string") continue;
        if (alt.values === undefined) return "any";
        values = new Set([...(values ?? []), ...alt.values]);
      }
      return values;
    };
    const upValues = collect(up);
    const ourValues = collect(our);
    if (upValues === undefined && ourValues === undefined) return;
    if (upValues === undefined) {
      this.report(path, "ours accepts strings; upstream does not");
      return;
    }
    if (ourValues === undefined) {
      this.report(path, "upstream accepts strings; ours does not");
      return;
    }
    if (upValues === "any" && ourValues === "any") return;
    if (upValues === "any") {
      this.report(path, `upstream accepts any string; ours only ${[...(ourValues as Set<string>)].join(", ")}`);
      return;
    }
    if (ourValues === "any") {
      this.report(path, `upstream allows only ${[...upValues].join(", ")}; ours accepts any string`);
      return;
    }
    const missing = [...upValues].filter((value) => !ourValues.has(value));
    const extra = [...ourValues].filter((value) => !upValues.has(value));
    if (missing.length > 0) this.report(path, `enum values missing from ours: ${missing.join(", ")}`);
    if (extra.length > 0) this.report(path, `enum values not in upstream: ${extra.join(", ")}`);
  }

  private compareObjectVariants(up: ObjectAlternative[], our: ObjectAlternative[], path: string): void {
    if (up.length === 0 && our.length === 0) return;
    if (up.length === 0) {
      this.report(path, "ours accepts objects; upstream does not");
      return;
    }
    if (our.length === 0) {
      this.report(path, "upstream accepts objects; ours does not");
      return;
    }
    const [upOnly] = up;
    const [ourOnly] = our;
    if (up.length === 1 && our.length === 1 && upOnly && ourOnly) {
      this.compareObjects(upOnly, ourOnly, path);
      return;
    }
    const ourTags = variantTags(our, this.oursResolve);
    const ourByTag = new Map(our.map((alt, index) => [ourTags[index] as string, alt]));
    const upTagList = variantTags(up, this.upstreamResolve);
    const upTags = new Set<string>();
    for (const [index, alt] of up.entries()) {
      const tag = upTagList[index] as string;
      upTags.add(tag);
      const match = ourByTag.get(tag);
      if (match) this.compareObjects(alt, match, `${path}<${tag}>`);
      else this.report(path, `union variant ${tag} missing from ours`);
    }
    for (const tag of ourByTag.keys()) {
      if (!upTags.has(tag)) this.report(path, `union variant ${tag} not in upstream`);
    }
  }

  private compareObjects(up: ObjectAlternative, our: ObjectAlternative, path: string): void {
    const upNames = new Set(Object.keys(up.properties));
    const ourNames = new Set(Object.keys(our.properties));
    for (const name of upNames) {
      if (!ourNames.has(name)) this.report(`${path}.${name}`, "property missing from ours");
    }
    for (const name of ourNames) {
      if (!upNames.has(name)) this.report(`${path}.${name}`, "property not in upstream");
    }
    for (const name of up.required) {
      if (!our.required.has(name)) this.report(`${path}.${name}`, "required upstream, optional in ours");
    }
    for (const name of our.required) {
      if (!up.required.has(name)) this.report(`${path}.${name}`, "required in ours, optional upstream");
    }
    for (const name of upNames) {
      const upChild = up.properties[name];
      const ourChild = our.properties[name];
      if (upChild !== undefined && ourChild !== undefined) this.compare(upChild, ourChild, `${path}.${name}`);
    }
    const upExtra = up.node.additionalProperties;
    const ourExtra = our.node.additionalProperties;
    if (upExtra !== false && ourExtra === false) this.report(path, "ours rejects unknown properties; upstream accepts them");
    if (isSchemaObject(upExtra) && isSchemaObject(ourExtra)) this.compare(upExtra, ourExtra, `${path}{}`);
  }
}

/** Every difference between an upstream schema and ours; empty when they describe the same messages. */
export function compareSchemas(upstream: SchemaSide, ours: SchemaSide, rootPath = "$"): SchemaMismatch[] {
  const comparer = new Comparer(upstream.resolve, ours.resolve);
  comparer.compare(upstream.node, ours.node, rootPath);
  return comparer.mismatches;
}

/** A resolver for `#/...` JSON pointers inside one document. */
export function pointerResolver(document: unknown): RefResolver {
  return (ref) => {
    if (!ref.startsWith("#/")) return undefined;
    let current: unknown = document;
    for (const raw of ref.slice(2).split("/")) {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      if (!isSchemaObject(current)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current as SchemaNode | undefined;
  };
}
