import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
};

export default defineConfig({
  entry: { cli: "src/cli.ts" },
  format: ["esm"],
  target: "node20",
  sourcemap: true,
  clean: true,
  splitting: true,
  banner: { js: "#!/usr/bin/env node" },
  define: { __CODEX_CLI_VERSION__: JSON.stringify(version) },
});
