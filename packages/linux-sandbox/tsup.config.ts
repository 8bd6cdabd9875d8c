import { defineConfig } from "tsup";

export default defineConfig({
  // helper.js is the `codex-linux-sandbox` executable; forwarder.js runs inside the sandbox when the network
  // goes through a proxy. Both stay single files with no imports beyond node built-ins, so they start fast.
  entry: { index: "src/index.ts", helper: "src/helper-main.ts", forwarder: "src/forwarder-main.ts" },
  format: ["esm"],
  target: "node20",
  dts: { entry: { index: "src/index.ts" } },
  sourcemap: true,
  clean: true,
  splitting: false,
});
