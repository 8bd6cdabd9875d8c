import fs from "node:fs";
import path from "node:path";
import { findCycles } from "./cycles.mjs";
import { isExempt, layerProblem, loadLayers } from "./layers.mjs";
import { findReExports, isTestFile, listSourceFiles, scanImports } from "./sources.mjs";
import { saveTypescriptCodeCache } from "./typescript.mjs";
import { classifySpecifier, isExported, typesPackageFor } from "./specifiers.mjs";
import { declaredDependencies, manifestLine, readWorkspace } from "./workspace.mjs";

/** Where the layer table lives, relative to the workspace root. */
export const LAYERS_FILE = "tools/check-boundaries/layers.json";

/**
 * Checks every workspace package under `root` against the layer table. Returns
 * `{ packages, imports, violations }`: the number of packages checked, the number of import specifiers
 * scanned, and the violations as `{ kind, file?, line?, message }` (file relative to `root`).
 */
export function checkBoundaries({ root, layersFile = path.join(root, LAYERS_FILE) }) {
  const workspace = readWorkspace(root);
  const config = loadLayers(layersFile);
  const violations = [];
  const report = (kind, file, line, message) => violations.push({ kind, file, line, message });
  const layersRel = toPosix(path.relative(root, layersFile));
  for (const problem of config.problems) report("layers", layersRel, undefined, problem);

  const byName = new Map();
  for (const pkg of workspace.packages) {
    const manifestRel = `${pkg.relDir}/package.json`;
    if (pkg.parseError !== undefined) report("manifest", manifestRel, 1, `invalid JSON: ${pkg.parseError}`);
    if (pkg.name === undefined) {
      report("manifest", manifestRel, 1, "package.json has no name");
      continue;
    }
    if (byName.has(pkg.name)) {
      report("manifest", manifestRel, manifestLine(pkg.manifestText, "name"), `duplicate package name \`${pkg.name}\` (also ${byName.get(pkg.name).relDir})`);
      continue;
    }
    pkg.exempt = isExempt(pkg.relDir, config.exempt);
    pkg.layer = pkg.exempt ? "exempt" : config.layers.get(pkg.name);
    byName.set(pkg.name, pkg);
  }

  const rootDevDependencies = new Set(Object.keys(workspace.rootManifest.devDependencies ?? {}));
  let packages = 0;
  let imports = 0;
  for (const pkg of byName.values()) {
    if (pkg.exempt) continue;
    packages++;
    const manifestRel = `${pkg.relDir}/package.json`;
    if (pkg.layer === undefined) {
      report("layers", manifestRel, manifestLine(pkg.manifestText, "name"), `\`${pkg.name}\` has no layer; add it to ${LAYERS_FILE}`);
    }
    const declared = declaredDependencies(pkg.manifest);
    checkManifest(pkg, declared, byName, report);
    for (const source of listSourceFiles(pkg.dir)) {
      imports += checkFile(pkg, source, declared, byName, rootDevDependencies, root, report);
    }
  }

  const graph = new Map();
  for (const pkg of byName.values()) {
    graph.set(pkg.name, [...declaredDependencies(pkg.manifest).keys()].filter((name) => byName.has(name)));
  }
  for (const cycle of findCycles(graph)) {
    report("cycle", undefined, undefined, cycle.join(" -> "));
  }
  saveTypescriptCodeCache();
  return { packages, imports, violations };
}

/** Layer rules applied to the workspace packages a manifest declares. */
function checkManifest(pkg, declared, byName, report) {
  if (pkg.layer === undefined) return;
  const manifestRel = `${pkg.relDir}/package.json`;
  for (const [name, field] of declared) {
    const target = byName.get(name);
    if (target === undefined || target.layer === undefined || name === pkg.name) continue;
    const line = manifestLine(pkg.manifestText, name);
    const inTests = field === "devDependencies";
    if (target.layer === "dev" && !inTests) {
      report("layer", manifestRel, line, `test-support \`${name}\` must be a devDependency, not in ${field}`);
      continue;
    }
    const problem = layerProblem(pkg.name, pkg.layer, name, target.layer, inTests);
    if (problem !== undefined) report("layer", manifestRel, line, `${problem} (declared in ${field})`);
  }
}

/** Checks one source file; returns the number of import specifiers it holds. */
function checkFile(pkg, source, declared, byName, rootDevDependencies, root, report) {
  const text = fs.readFileSync(source.file, "utf8");
  const fileRel = toPosix(path.relative(root, source.file));
  const inTests = isTestFile(source.rel);
  const found = scanImports(text);
  let foreign = false;

  for (const { specifier, line } of found) {
    const spec = classifySpecifier(specifier);
    if (spec.kind === "relative") {
      const target = path.resolve(path.dirname(source.file), specifier);
      const inside = path.relative(pkg.dir, target);
      if (inside.startsWith("..") || path.isAbsolute(inside)) {
        report("deep-import", fileRel, line, `relative import "${specifier}" leaves the package folder; import the owning package instead`);
      }
      continue;
    }
    if (spec.kind !== "package" || spec.name === pkg.name) continue;

    const isDeclared =
      declared.has(spec.name) ||
      declared.has(typesPackageFor(spec.name)) ||
      spec.name.startsWith("@types/") ||
      (inTests && rootDevDependencies.has(spec.name));
    if (!isDeclared) {
      report("undeclared", fileRel, line, `"${spec.name}" is imported but not declared in ${pkg.relDir}/package.json`);
    }

    const target = byName.get(spec.name);
    if (target === undefined) continue;
    foreign = true;
    if (pkg.layer !== undefined && target.layer !== undefined) {
      const problem = layerProblem(pkg.name, pkg.layer, spec.name, target.layer, inTests);
      if (problem !== undefined) report("layer", fileRel, line, problem);
    }
    if (spec.subpath !== "" && !isExported(target.manifest.exports, spec.subpath)) {
      report("deep-import", fileRel, line, `"${specifier}" is not in the exports of \`${spec.name}\`; import its public entry point`);
    }
  }

  if (foreign && /\bexport\b/.test(text)) {
    const isForeign = (specifier) => {
      const spec = classifySpecifier(specifier);
      return spec.kind === "package" && spec.name !== pkg.name && byName.has(spec.name);
    };
    for (const { specifier, line } of findReExports(source.file, text, isForeign)) {
      report("re-export", fileRel, line, `re-exports the API of "${specifier}"; consumers must import it from its owner`);
    }
  }
  return found.length;
}

/** `file:line: kind: message`, or `kind: message` for violations without a place. */
export function formatViolation(violation) {
  const place =
    violation.file === undefined
      ? ""
      : violation.line === undefined
        ? `${violation.file}: `
        : `${violation.file}:${violation.line}: `;
  return `${place}${violation.kind}: ${violation.message}`;
}

function toPosix(file) {
  return file.split(path.sep).join("/");
}

