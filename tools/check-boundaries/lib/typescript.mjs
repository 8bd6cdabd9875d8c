// Loads the `typescript` package for the scanner. Compiling its 9 MB CommonJS bundle dominates the
// checker's run time, so the compiled code is kept in a V8 code cache under node_modules/.cache and reused
// while the typescript version and the Node version stay the same. Any cache problem falls back to a
// plain require.
import fs from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** A compiled script whose code cache has not been written yet. */
let pendingCache;

function loadWithCodeCache() {
  const entry = require.resolve("typescript");
  const { version } = require("typescript/package.json");
  const cacheDir = path.join(here, "..", "node_modules", ".cache", "check-boundaries");
  const cacheFile = path.join(cacheDir, `typescript-${version}-node-${process.version}-${process.arch}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = fs.readFileSync(entry, "utf8");
  const script = new vm.Script(Module.wrap(source), { filename: entry, cachedData });
  const module = { exports: {}, id: entry, filename: entry, loaded: false };
  const moduleRequire = createRequire(entry);
  script.runInThisContext().call(module.exports, module.exports, moduleRequire, module, entry, path.dirname(entry));
  module.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    pendingCache = { script, cacheDir, cacheFile };
  }
  return module.exports;
}

function load() {
  try {
    const ts = loadWithCodeCache();
    if (typeof ts.preProcessFile === "function") return ts;
  } catch {
    // fall through to the ordinary loader
  }
  return require("typescript");
}

/** The `typescript` module. */
export const ts = load();

/**
 * Writes the code cache when this run had none (or a stale one). Called after a full check, so the cache
 * also holds the functions the scanner compiled on the way.
 */
export function saveTypescriptCodeCache() {
  if (pendingCache === undefined) return;
  const { script, cacheDir, cacheFile } = pendingCache;
  pendingCache = undefined;
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const temp = `${cacheFile}.${process.pid}`;
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, cacheFile);
  } catch {
    // A read-only checkout only loses the speed-up.
  }
}
