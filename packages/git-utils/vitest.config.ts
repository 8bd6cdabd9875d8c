import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/git-utils",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
