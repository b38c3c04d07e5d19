import { defineConfig } from "tsup";

export default defineConfig({
  // Two entries so that the main one never pulls in node:fs and stays usable in a browser.
  entry: { index: "src/index.ts", file: "src/file.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
});
