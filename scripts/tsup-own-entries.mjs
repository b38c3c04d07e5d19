// A tsup (esbuild) plugin for command-line bundles: imports of the package's own entry modules
// stay imports of the built entries, so the published package holds one copy of each module per
// format instead of another inside every CLI bundle.
//   ownEntries({ "./index.js": "./index.js", "./gdb/server.js": "./gdb-server.js" })
export function ownEntries(map) {
  const names = Object.keys(map).map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  return {
    name: "own-entries",
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${names.join("|")})$`) }, (args) => ({
        path: map[args.path],
        external: true,
      }));
    },
  };
}
