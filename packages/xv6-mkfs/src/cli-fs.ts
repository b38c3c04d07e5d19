import { parseArgs } from "node:util";
import { type Io, readBytes, runCli, UsageError } from "./cli-util.js";
import { DIRSIZ } from "./format.js";
import { fsck } from "./fsck.js";
import { openImage } from "./image.js";
import { writeOutput } from "./output.js";

const usage = `usage: xv6-fs ls IMAGE [PATH]       list a directory (or a file) like xv6's ls: name type inode size
       xv6-fs cat IMAGE PATH        write a file's bytes to stdout
       xv6-fs get IMAGE PATH [DEST] copy a file out (to DEST, or its own name here)
       xv6-fs fsck [--repair] IMAGE check the image; exits 1 naming each inconsistency;
                                    --repair replays a committed transaction left in the log
`;

const encoder = new TextEncoder();

function lsLine(name: string, type: number, inum: number, size: number): string {
  // xv6's ls pads each name with spaces to DIRSIZ bytes.
  const pad = " ".repeat(Math.max(0, DIRSIZ - encoder.encode(name).length));
  return `${name}${pad} ${type} ${inum} ${size}\n`;
}

function lastPart(path: string): string | undefined {
  return path
    .split("/")
    .filter((part) => part !== "")
    .pop();
}

function arity(command: string, args: string[], min: number, max: number): void {
  if (args.length < min) throw new UsageError(`${command}: missing ${args.length === 0 ? "IMAGE" : "PATH"}`);
  if (args.length > max) throw new UsageError(`${command}: too many arguments`);
}

/** `xv6-fs`: returns the exit status. */
export function fsCli(argv: string[], io: Io): number {
  return runCli("xv6-fs", usage, io, () => {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { repair: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    const [command, ...args] = positionals;
    if (command === undefined) throw new UsageError("missing a command");
    if (values.repair && command !== "fsck") throw new UsageError("--repair goes with fsck only");
    switch (command) {
      case "ls": {
        arity(command, args, 1, 2);
        const image = openImage(readBytes(args[0]));
        const lines = image.list(args[1] ?? "/").map((e) => lsLine(e.name, e.type, e.inum, e.size));
        io.out(lines.join(""));
        return 0;
      }
      case "cat": {
        arity(command, args, 2, 2);
        io.out(openImage(readBytes(args[0])).readFile(args[1]));
        return 0;
      }
      case "get": {
        arity(command, args, 2, 3);
        const bytes = openImage(readBytes(args[0])).readFile(args[1]);
        const dest = args[2] ?? lastPart(args[1]);
        if (!dest) throw new UsageError("get: PATH names no file");
        writeOutput(dest, bytes);
        return 0;
      }
      case "fsck": {
        arity(command, args, 1, 1);
        const bytes = readBytes(args[0]);
        const report = fsck(bytes, { repair: values.repair });
        if (report.replayed) {
          writeOutput(args[0], bytes);
          io.out(`log: replayed a committed transaction of ${report.log?.n} blocks\n`);
        } else if (report.log?.n === 0) {
          io.out("log: empty\n");
        }
        for (const problem of report.problems) io.out(`${problem}\n`);
        const count = report.problems.length;
        io.out(
          count === 0 ? `${args[0]}: clean\n` : `${args[0]}: ${count} problem${count === 1 ? "" : "s"}\n`,
        );
        return count === 0 ? 0 : 1;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  });
}
