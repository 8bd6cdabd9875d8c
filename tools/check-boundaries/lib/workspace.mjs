import fs from "node:fs";
import path from "node:path";

/** The four dependency fields of a package.json. */
export const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];

/**
 * Reads the `packages:` globs of a pnpm-workspace.yaml. Supports the block form (`- glob` lines) and the
 * flow form (`packages: [a, b]`), quoted or bare entries, and trailing comments.
 */
export function parseWorkspaceGlobs(yamlText) {
  const lines = yamlText.split(/\r?\n/);
  const start = lines.findIndex((line) => /^packages\s*:/.test(line));
  if (start === -1) return [];
  const inline = lines[start].replace(/^packages\s*:/, "").replace(/\s#.*$/, "").trim();
  if (inline.startsWith("[")) {
    return inline
      .replace(/^\[|\]$/g, "")
      .split(",")
      .map(unquote)
      .filter((glob) => glob.length > 0);
  }
  const globs = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const item = /^\s*-\s*(.*)$/.exec(line);
    if (item === null) break;
    globs.push(unquote(item[1].replace(/\s#.*$/, "")));
  }
  return globs;
}

function unquote(value) {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return quoted === null ? trimmed : quoted[2];
}

/** Folders below `root` matched by a `dir/*`, `dir/**` or literal glob (relative, `/`-separated). */
export function expandGlob(root, glob) {
  const segments = glob.replace(/\/+$/, "").split("/").filter((s) => s !== "" && s !== ".");
  let current = [""];
  for (const segment of segments) {
    const next = new Set();
    for (const rel of current) {
      if (segment === "**") {
        next.add(rel);
        for (const sub of subfoldersDeep(root, rel)) next.add(sub);
      } else if (segment.includes("*")) {
        const pattern = globSegmentRegExp(segment);
        for (const name of subfolders(root, rel)) {
          if (pattern.test(name)) next.add(join(rel, name));
        }
      } else if (isDirectory(path.join(root, rel, segment))) {
        next.add(join(rel, segment));
      }
    }
    current = [...next];
  }
  return current.filter((rel) => rel !== "");
}

function join(a, b) {
  return a === "" ? b : `${a}/${b}`;
}

function globSegmentRegExp(segment) {
  const escaped = segment.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", "[^/]*");
  return new RegExp(`^${escaped}$`);
}

function subfolders(root, rel) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith("."))
    .map((entry) => entry.name);
}

function subfoldersDeep(root, rel) {
  const found = [];
  for (const name of subfolders(root, rel)) {
    const child = join(rel, name);
    found.push(child, ...subfoldersDeep(root, child));
  }
  return found;
}

function isDirectory(file) {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The workspace at `root`: its root manifest and every package matched by pnpm-workspace.yaml, sorted by
 * folder. Each package is `{ name, dir, relDir, manifest, manifestText }`.
 */
export function readWorkspace(root) {
  const yamlFile = path.join(root, "pnpm-workspace.yaml");
  const globs = parseWorkspaceGlobs(fs.readFileSync(yamlFile, "utf8"));
  const included = new Set();
  const excluded = new Set();
  for (const glob of globs) {
    const negated = glob.startsWith("!");
    for (const rel of expandGlob(root, negated ? glob.slice(1) : glob)) {
      (negated ? excluded : included).add(rel);
    }
  }
  const packages = [];
  for (const relDir of [...included].sort()) {
    if (excluded.has(relDir)) continue;
    const manifestFile = path.join(root, relDir, "package.json");
    if (!fs.existsSync(manifestFile)) continue;
    const manifestText = fs.readFileSync(manifestFile, "utf8");
    packages.push({
      name: undefined,
      dir: path.join(root, relDir),
      relDir,
      manifestText,
      manifest: undefined,
    });
  }
  for (const pkg of packages) {
    try {
      pkg.manifest = JSON.parse(pkg.manifestText);
    } catch (error) {
      pkg.parseError = error instanceof Error ? error.message : String(error);
      pkg.manifest = {};
    }
    pkg.name = typeof pkg.manifest.name === "string" ? pkg.manifest.name : undefined;
  }
  const rootManifestFile = path.join(root, "package.json");
  const rootManifest = fs.existsSync(rootManifestFile)
    ? JSON.parse(fs.readFileSync(rootManifestFile, "utf8"))
    : {};
  return { rootManifest, packages };
}

/** Names declared in any dependency field of a manifest, mapped to the first field declaring them. */
export function declaredDependencies(manifest) {
  const declared = new Map();
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest[field];
    if (deps === null || typeof deps !== "object") continue;
    for (const name of Object.keys(deps)) {
      if (!declared.has(name)) declared.set(name, field);
    }
  }
  return declared;
}

/** 1-based line of the first `"name"` key in a manifest's text (1 when not found). */
export function manifestLine(manifestText, name) {
  const index = manifestText.indexOf(`"${name}"`);
  if (index === -1) return 1;
  return manifestText.slice(0, index).split("\n").length;
}
