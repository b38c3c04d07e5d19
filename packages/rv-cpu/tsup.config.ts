import { defineConfig } from "tsup";
import { ownEntries } from "../../scripts/tsup-own-entries.mjs";

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    // Members tagged @internal (the hart's fetch state, translation caches, slow paths) are for
    // the package's own modules and compiled code, not part of the API users see.
    dts: { compilerOptions: { stripInternal: true } },
    sourcemap: true,
    clean: true,
    target: "node20",
  },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    esbuildPlugins: [ownEntries({ "./index.js": "./index.js" })],
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
