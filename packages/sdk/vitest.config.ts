import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/sdk",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Every test spawns a child process; leave room for a loaded machine.
    testTimeout: 30_000,
  },
});
