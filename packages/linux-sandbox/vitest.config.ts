import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@codex-ts/linux-sandbox",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // test/ starts real sandboxes (node + bubblewrap) per case; each run has its own 20 s deadline.
    testTimeout: 30_000,
  },
});
