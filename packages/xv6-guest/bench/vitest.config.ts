import { defineConfig } from "vitest/config";

// `pnpm bench`: not part of `pnpm test` (whose config only includes test/).
export default defineConfig({
  test: {
    include: ["bench/**/*.bench.ts"],
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
    disableConsoleIntercept: true,
    reporters: ["verbose"],
  },
});
