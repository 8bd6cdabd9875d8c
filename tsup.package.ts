import { defineConfig, type Options } from "tsup";

/** The build every library package shares: ESM for Node 20 with declarations and source maps. */
export function packageBuild(overrides: Options = {}) {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm"],
    target: "node20",
    dts: true,
    sourcemap: true,
    clean: true,
    ...overrides,
  });
}
