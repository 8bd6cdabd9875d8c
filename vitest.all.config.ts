import { defineConfig } from "vitest/config";
import { SummaryReporter } from "./tools/vitest-summary-reporter.ts";

// One run over every workspace package; a package with its own vitest.config.ts refines its settings.
export default defineConfig({
  test: {
    projects: ["packages/*", "packages/utils/*", "apps/*", "tools/check-boundaries"],
    reporters: ["default", new SummaryReporter()],
  },
});
