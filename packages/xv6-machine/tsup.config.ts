import { defineConfig } from "tsup";
import { ownEntries } from "../../scripts/tsup-own-entries.mjs";

// The browser entry: the same modules, with the worker-thread harts (Node's worker_threads)
// swapped for a stand-in that refuses `parallel`.
const noThreads = {
  name: "no-threads",
  setup(build: {
    onResolve: (o: { filter: RegExp }, f: (a: { resolveDir: string }) => { path: string }) => void;
  }) {
    build.onResolve({ filter: /^\.\/parallel\/harts\.js$/ }, (args) => ({
      path: `${args.resolveDir}/parallel/no-threads.ts`,
    }));
  },
};

export default defineConfig([
  {
    entry: { index: "src/index.ts", "gdb-server": "src/gdb/server.ts" },
    format: ["esm", "cjs"],
    // import.meta.url (where the hart worker is) in the CommonJS build too.
    shims: true,
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
  },
  {
    entry: { browser: "src/index.ts" },
    format: ["esm"],
    platform: "browser",
    esbuildPlugins: [noThreads],
    sourcemap: true,
    target: "es2022",
  },
  {
    entry: {
      cli: "src/cli.ts",
      "qemu-cli": "src/qemu-cli.ts",
      difftest: "src/difftest/cli.ts",
      "hart-worker": "src/parallel/worker.ts",
    },
    format: ["esm"],
    esbuildPlugins: [ownEntries({ "./index.js": "./index.js", "./gdb/server.js": "./gdb-server.js" })],
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
