import { mkfsCli } from "./cli-mkfs.js";
import { processIo } from "./cli-util.js";

process.exitCode = mkfsCli(process.argv.slice(2), processIo());
