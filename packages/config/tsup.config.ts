import { defineConfig } from "tsup";

export default defineConfig({
  // `codex-home` is a separate entry so CODEX_HOME can be resolved without loading the config model.
  entry: ["src/index.ts", "src/codex-home.ts"],
  format: ["esm"],
  target: "node20",
  dts: true,
  sourcemap: true,
  clean: true,
});
