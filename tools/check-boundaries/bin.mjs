#!/usr/bin/env node
// Checks the workspace packages against the layer table in layers.json. Exit 0 when clean, 1 with one
// line per violation otherwise, 2 on a usage error.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkBoundaries, formatViolation } from "./lib/check.mjs";

const usage = "usage: check-boundaries [--root DIR] [--layers FILE]";

function parseArgs(argv) {
  const options = { root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."), layers: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--help" || flag === "-h") {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    if (flag !== "--root" && flag !== "--layers") {
      throw new Error(`unknown argument ${JSON.stringify(arg)}`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") throw new Error(`${flag} needs a value`);
    if (flag === "--root") options.root = path.resolve(value);
    else options.layers = path.resolve(value);
  }
  return options;
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`check-boundaries: ${error.message}\n${usage}\n`);
  process.exit(2);
}

let result;
try {
  result = checkBoundaries({ root: options.root, ...(options.layers ? { layersFile: options.layers } : {}) });
} catch (error) {
  process.stderr.write(`check-boundaries: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

const { packages, imports, violations } = result;
if (violations.length === 0) {
  process.stdout.write(`check-boundaries: ${packages} packages, ${imports} imports, no violations\n`);
} else {
  const lines = violations.map(formatViolation);
  const noun = violations.length === 1 ? "violation" : "violations";
  process.stdout.write(`${lines.join("\n")}\ncheck-boundaries: ${packages} packages, ${imports} imports, ${violations.length} ${noun}\n`);
  process.exitCode = 1;
}
