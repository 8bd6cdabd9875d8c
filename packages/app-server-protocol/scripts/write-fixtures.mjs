#!/usr/bin/env node
// Regenerates the committed schema fixtures (stable surface) under <repo>/schema/app-server:
// json/ (JSON Schema) and typescript/ (declarations). Run through `pnpm write-fixtures`, which builds first.
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateJsonSchema, generateTs } from "../dist/index.js";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixturesDir = path.resolve(packageDir, "../../schema/app-server");

for (const [folder, generate] of [
  ["json", generateJsonSchema],
  ["typescript", generateTs],
]) {
  const target = path.join(fixturesDir, folder);
  await rm(target, { recursive: true, force: true });
  const written = await generate(target);
  process.stdout.write(`${path.relative(process.cwd(), target)}: ${written.length} files\n`);
}
