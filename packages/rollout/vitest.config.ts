import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/rollout",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
