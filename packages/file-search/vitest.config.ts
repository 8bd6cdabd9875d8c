import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/file-search",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
