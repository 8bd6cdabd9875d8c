import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/app-server-protocol",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
