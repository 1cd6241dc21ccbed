import { defineConfig } from "vitest/config";
import { rootAlias } from "./vite.config";

export default defineConfig({
  resolve: { alias: rootAlias },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "build/**"],
    reporters: ["default", "./tests/helpers/summary-reporter.ts"],
    globalSetup: ["./tests/helpers/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Conditions such as "the mail arrived" may take seconds on a loaded 2-core machine.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
