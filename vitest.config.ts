import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The same "~/" alias as vite.config.ts (importing that file would make Vite's coming native
// config loader refuse this one).
const rootAlias = [{ find: /^~\//, replacement: fileURLToPath(new URL("./", import.meta.url)) }];

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
