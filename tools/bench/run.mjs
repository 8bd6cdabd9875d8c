import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Runs every benchmark in benches/ (or only those whose file name contains one of the arguments).
const dir = fileURLToPath(new URL("./benches/", import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((file) => file.endsWith(".mjs"))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file.replace(/\.mjs$/, "")}`);
  const result = spawnSync(process.execPath, [dir + file], { stdio: "inherit" });
  if (result.status !== 0) {
    failed += 1;
    console.log(`${file}: failed with exit code ${result.status}`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
