import { builtinModules } from "node:module";

const builtins = new Set(builtinModules);

/**
 * Classifies a module specifier:
 * - `{ kind: "builtin" }` for `node:x` and Node's built-in modules;
 * - `{ kind: "relative" }` for `./x`, `../x` and absolute paths;
 * - `{ kind: "package", name, subpath }` for bare specifiers (`subpath` is `""` or `"./rest"`);
 * - `{ kind: "other" }` for URLs and `#imports`.
 */
export function classifySpecifier(specifier) {
  if (specifier.startsWith("node:")) return { kind: "builtin" };
  if (specifier === "." || specifier === ".." || /^\.\.?\//.test(specifier) || specifier.startsWith("/")) {
    return { kind: "relative" };
  }
  if (specifier.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(specifier)) return { kind: "other" };
  const parts = specifier.split("/");
  const nameParts = specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1);
  const name = nameParts.join("/");
  if (builtins.has(specifier) || builtins.has(name)) return { kind: "builtin" };
  const rest = parts.slice(nameParts.length).join("/");
  return { kind: "package", name, subpath: rest === "" ? "" : `./${rest}` };
}

/** The `@types/` package that would carry types for `name`. */
export function typesPackageFor(name) {
  return name.startsWith("@") ? `@types/${name.slice(1).replace("/", "__")}` : `@types/${name}`;
}

/**
 * Whether a package's `exports` field makes `subpath` (`""` for the package root, else `"./x"`)
 * importable. A missing `exports` field exposes the root only, as far as this check is concerned.
 */
export function isExported(exportsField, subpath) {
  const wanted = subpath === "" ? "." : subpath;
  if (exportsField === undefined || exportsField === null) return wanted === ".";
  if (typeof exportsField === "string" || Array.isArray(exportsField)) return wanted === ".";
  const keys = Object.keys(exportsField);
  if (!keys.some((key) => key.startsWith("."))) return wanted === ".";
  if (keys.includes(wanted)) return exportsField[wanted] !== null;
  for (const key of keys) {
    const star = key.indexOf("*");
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (
      wanted.length >= prefix.length + suffix.length &&
      wanted.startsWith(prefix) &&
      wanted.endsWith(suffix) &&
      exportsField[key] !== null
    ) {
      return true;
    }
  }
  return false;
}
