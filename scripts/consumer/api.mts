// Every package's public API, as a consumer's code names it: this file only has to typecheck.
import * as rv from "@xv6-machine/rv-cpu";
import * as sv39 from "@xv6-machine/sv39";
import * as blk from "@xv6-machine/virtio-blk";
import { FileBackend } from "@xv6-machine/virtio-blk/file";
import * as guest from "@xv6-machine/xv6-guest";
import * as mkfs from "@xv6-machine/xv6-mkfs";
import type * as machine from "xv6-machine";
import { listenGdb } from "xv6-machine/gdb-server";

const ram: rv.Ram = new rv.Ram(1 << 20);
const hart: rv.Hart = new rv.Hart({ bus: new rv.SimpleBus(ram), mmu: new sv39.Sv39Mmu(ram) });
const steps: number = hart.run(10);
const disk: blk.BlockBackend = new blk.MemoryBackend(new Uint8Array(1024 * 1024));
const file: typeof FileBackend = FileBackend;
const url: URL = guest.kernelUrl;
const image: Uint8Array = mkfs.buildImage([{ name: "README", bytes: new Uint8Array(4) }]);
const opts: machine.MachineOptions = { kernel: new Uint8Array(), disk, cpus: 1 };
const serve: typeof listenGdb = listenGdb;

export { file, hart, image, opts, serve, steps, url };
