import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
};

// The CLI ships as one bundle (plus lazily loaded chunks) of the workspace packages and their pure-JS
// dependencies: loading a few large files is much faster than resolving hundreds of small modules at start.
// Kept external: native modules and packages that locate files or binaries next to themselves at run time.
const EXTERNAL = [
  "@codex-ts/process",
  "@codex-ts/linux-sandbox",
  "@codex-ts/network-proxy",
  "@vscode/ripgrep",
  "node-pty",
  "better-sqlite3",
  "ts-json-schema-generator",
  "pino",
];

export default defineConfig({
  entry: { cli: "src/cli.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  sourcemap: true,
  clean: true,
  splitting: true,
  // Smaller files parse faster; identifiers stay readable for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  noExternal: [/^@codex-ts\/(?!process$|linux-sandbox$|network-proxy$)/, "zod", "smol-toml", "@decimalturn/toml-patch", "diff", "eventsource-parser", "commander", "@commander-js/extra-typings", "ws", "jose", "ignore"],
  external: EXTERNAL,
  banner: {
    // Bundled CommonJS dependencies still call require(); give the ESM bundle one.
    js: "#!/usr/bin/env node\nimport { createRequire as __codexCreateRequire } from 'node:module';\nconst require = __codexCreateRequire(import.meta.url);",
  },
  define: { __CODEX_CLI_VERSION__: JSON.stringify(version) },
});
