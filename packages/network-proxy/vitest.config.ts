import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/network-proxy",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
