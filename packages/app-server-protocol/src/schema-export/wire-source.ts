// Locating the wire type sources the schema generator reads. They ship with the package (`src/wire`), so
// the generator works from the built package as well as from a checkout.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "@codex-ts/app-server-protocol";

function isPackageRoot(dir: string): boolean {
  const manifest = path.join(dir, "package.json");
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

function findRootAbove(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (isPackageRoot(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Root directory of this package: above this module, or, when the module was bundled into an application,
 * where the application resolves the package from.
 */
export function packageRoot(): string {
  const here = findRootAbove(path.dirname(fileURLToPath(import.meta.url)));
  if (here !== undefined) return here;
  try {
    const entry = fileURLToPath(import.meta.resolve(PACKAGE_NAME));
    const resolved = findRootAbove(path.dirname(entry));
    if (resolved !== undefined) return resolved;
  } catch {
    // fall through to the error
  }
  throw new Error(`cannot find the ${PACKAGE_NAME} package root from ${import.meta.url}`);
}

/** Paths of the wire type entry module and of the compiler settings used to read it. */
export function wireSourcePaths(): { entry: string; tsconfig: string } {
  const wireDir = path.join(packageRoot(), "src", "wire");
  return { entry: path.join(wireDir, "index.ts"), tsconfig: path.join(wireDir, "tsconfig.json") };
}
