import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/shell-command",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
