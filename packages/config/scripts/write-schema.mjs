// Writes schema/config.schema.json at the repository root from the built package.
// Usage: pnpm --filter @codex-ts/config build && pnpm --filter @codex-ts/config write-schema
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { configJsonSchema } from "../dist/index.js";

const target = fileURLToPath(new URL("../../../schema/config.schema.json", import.meta.url));
await writeFile(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
