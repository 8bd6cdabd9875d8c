import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/check-boundaries",
    include: ["test/**/*.test.mjs"],
  },
});
