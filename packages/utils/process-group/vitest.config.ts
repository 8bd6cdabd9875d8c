import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/utils-process-group",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Process-level tests spawn real programs; leave room for a loaded machine.
    testTimeout: 30_000,
  },
});
