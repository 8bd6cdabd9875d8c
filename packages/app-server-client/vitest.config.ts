import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/app-server-client",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
