import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/utils-process-group",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
