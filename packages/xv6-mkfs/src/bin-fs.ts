import { fsCli } from "./cli-fs.js";
import { processIo } from "./cli-util.js";

process.exitCode = fsCli(process.argv.slice(2), processIo());
