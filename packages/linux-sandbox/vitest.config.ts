import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/linux-sandbox",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
