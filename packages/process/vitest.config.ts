import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/process",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
