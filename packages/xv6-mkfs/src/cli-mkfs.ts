import { parseArgs } from "node:util";
import { type Io, parseCount, readBytes, runCli, UsageError } from "./cli-util.js";
import { DEFAULT_NINODES, DEFAULT_NLOG, DEFAULT_SIZE } from "./layout.js";
import { buildImage } from "./mkfs.js";
import { imageName } from "./names.js";
import { writeOutput } from "./output.js";

const usage = `usage: xv6-mkfs [--size BLOCKS] [--ninodes N] [--nlog N] OUT.img FILE...
  Writes an xv6 file system image holding FILE... in its root directory, byte for byte
  as xv6's mkfs would (directory part and a leading "_" dropped from each name).
  --size BLOCKS  blocks in the image (default ${DEFAULT_SIZE}; 2020-era lab trees use 1000)
  --ninodes N    inodes (default ${DEFAULT_NINODES})
  --nlog N       log blocks, header included (default ${DEFAULT_NLOG})
`;

/** `xv6-mkfs`: returns the exit status. */
export function mkfsCli(args: string[], io: Io): number {
  return runCli("xv6-mkfs", usage, io, () => {
    const { values, positionals } = parseArgs({
      args,
      options: {
        size: { type: "string" },
        ninodes: { type: "string" },
        nlog: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    const [out, ...paths] = positionals;
    if (out === undefined) throw new UsageError("missing the output image");
    const options = {
      size: parseCount("size", values.size),
      ninodes: parseCount("ninodes", values.ninodes),
      nlog: parseCount("nlog", values.nlog),
    };
    const files = paths.map((path) => ({ name: imageName(path), bytes: readBytes(path) }));
    writeOutput(out, buildImage(files, options));
    return 0;
  });
}
