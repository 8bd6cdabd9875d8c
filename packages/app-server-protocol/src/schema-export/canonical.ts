// Deterministic serialisation of exported JSON: object keys sorted, `required` lists sorted.

function canonical(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item));
    return key === "required" && items.every((item) => typeof item === "string") ? [...items].sort() : items;
  }
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[name];
    if (child !== undefined) out[name] = canonical(child, name);
  }
  return out;
}

/** JSON text with sorted keys, two-space indentation and a final newline. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(canonical(value), null, 2)}\n`;
}
