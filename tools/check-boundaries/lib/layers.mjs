import fs from "node:fs";

export const MAX_LAYER = 7;

/**
 * Reads layers.json: `{ "exempt": ["tools/*"], "layers": { "<package name>": 0..7 | "app" | "dev" } }`.
 * Returns `{ exempt, layers: Map<name, layer>, problems: string[] }`; invalid entries become problems.
 */
export function loadLayers(file) {
  let parsed;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { exempt: [], layers: new Map(), problems: [`cannot read ${file}: ${reason}`] };
  }
  const problems = [];
  const exempt = Array.isArray(parsed.exempt) ? parsed.exempt.filter((g) => typeof g === "string") : [];
  const layers = new Map();
  for (const [name, layer] of Object.entries(parsed.layers ?? {})) {
    if (isLayer(layer)) layers.set(name, layer);
    else problems.push(`layer of \`${name}\` must be an integer 0..${MAX_LAYER}, "app" or "dev", got ${JSON.stringify(layer)}`);
  }
  return { exempt, layers, problems };
}

function isLayer(value) {
  return value === "app" || value === "dev" || (Number.isInteger(value) && value >= 0 && value <= MAX_LAYER);
}

/** True when a workspace-relative folder matches one of the exempt globs (`dir/*`, `dir/**`, literal). */
export function isExempt(relDir, globs) {
  return globs.some((glob) => {
    const pattern = glob
      .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
      .replaceAll("**", "\u0000")
      .replaceAll("*", "[^/]*")
      .replaceAll("\u0000", ".*");
    return new RegExp(`^${pattern}$`).test(relDir);
  });
}

function describe(name, layer) {
  if (layer === "exempt") return `tool \`${name}\``;
  if (layer === "app") return `app \`${name}\``;
  if (layer === "dev") return `test-support \`${name}\``;
  return `\`${name}\` (layer ${layer})`;
}

/**
 * Why package `from` (layer `fromLayer`) may not use package `to` (layer `toLayer`, or `"exempt"` for a tool
 * package), or undefined when it may. `inTests` is true for test code and devDependencies.
 */
export function layerProblem(from, fromLayer, to, toLayer, inTests) {
  const source = describe(from, fromLayer);
  const target = describe(to, toLayer);
  if (toLayer === "app") return `${source} may not depend on ${target}: apps are never imported`;
  if (toLayer === "exempt" || toLayer === "dev") {
    return inTests ? undefined : `${source} may use ${target} only from test files`;
  }
  if (fromLayer === "app" || fromLayer === "dev") return undefined;
  if (toLayer < fromLayer) return undefined;
  const why = toLayer === fromLayer ? "same layer" : "higher layer";
  return `${source} may not depend on ${target} (${why}); only lower layers are allowed`;
}
