// pnpm bench: MB/s of 4 KiB reads and writes through the virtqueue, with a memory backend.
import { MemoryBackend, Reg, VirtioBlk } from "../dist/index.js";

const BASE = 0x8000_0000;
const bytes = new Uint8Array(16 << 20);
const view = new DataView(bytes.buffer);
const ram = {
  read(pa, dst) {
    const at = pa - BASE;
    if (at < 0 || at + dst.length > bytes.length) return false;
    dst.set(bytes.subarray(at, at + dst.length));
    return true;
  },
  write(pa, src) {
    const at = pa - BASE;
    if (at < 0 || at + src.length > bytes.length) return false;
    bytes.set(src, at);
    return true;
  },
};
const disk = new MemoryBackend(new Uint8Array(64 << 20));
const dev = new VirtioBlk({ memory: ram, irq: { set() {} }, backend: disk, transport: "modern" });
const w = (offset, value) => dev.write(offset, 4, value);

const NUM = 256;
const DESC = BASE + 0x1000;
const AVAIL = BASE + 0x2000;
const USED = BASE + 0x3000;
const HEADERS = BASE + 0x10000; // 16 bytes per slot
const STATUS = BASE + 0x20000; // 1 byte per slot
const DATA = BASE + 0x100000; // 4 KiB per slot
const at = (pa) => pa - BASE;

w(Reg.Status, 0);
w(Reg.Status, 3);
w(Reg.DriverFeaturesSel, 1);
w(Reg.DriverFeatures, 1); // VERSION_1
w(Reg.Status, 11);
w(Reg.QueueSel, 0);
w(Reg.QueueNum, NUM);
w(Reg.QueueDescLow, DESC);
w(Reg.QueueDriverLow, AVAIL);
w(Reg.QueueDeviceLow, USED);
w(Reg.QueueReady, 1);
w(Reg.Status, 15);

// Slot s uses descriptors 3s..3s+2 (header, data, status), as xv6 lays out a request.
const slots = Math.floor(NUM / 3);
function setDesc(i, addr, len, flags, next) {
  const p = at(DESC) + 16 * i;
  view.setUint32(p, addr, true);
  view.setUint32(p + 4, 0, true);
  view.setUint32(p + 8, len, true);
  view.setUint16(p + 12, flags, true);
  view.setUint16(p + 14, next, true);
}
let availIdx = 0;
const sectors = disk.size / 512;

function run(type, perNotify, requests) {
  const dataFlags = type === 0 ? 2 : 0;
  for (let s = 0; s < slots; s++) {
    setDesc(3 * s, HEADERS + 16 * s, 16, 1, 3 * s + 1);
    setDesc(3 * s + 1, DATA + 4096 * s, 4096, dataFlags | 1, 3 * s + 2);
    setDesc(3 * s + 2, STATUS + s, 1, 2, 0);
  }
  let sector = 0;
  for (let done = 0; done < requests; ) {
    for (let s = 0; s < perNotify; s++) {
      const h = at(HEADERS) + 16 * s;
      view.setUint32(h, type, true);
      view.setUint32(h + 8, sector, true);
      sector = (sector + 8) % sectors;
      view.setUint16(at(AVAIL) + 4 + 2 * (availIdx % NUM), 3 * s, true);
      availIdx = (availIdx + 1) & 0xffff;
    }
    view.setUint16(at(AVAIL) + 2, availIdx, true);
    w(Reg.QueueNotify, 0);
    w(Reg.InterruptAck, 1);
    done += perNotify;
  }
  if (bytes[at(STATUS)] !== 0 || view.getUint16(at(USED) + 2, true) !== availIdx)
    throw new Error("bench failed");
}

function measure(name, type, perNotify) {
  run(type, perNotify, 4096); // warm up
  const requests = 100_000;
  const t0 = performance.now();
  run(type, perNotify, requests);
  const s = (performance.now() - t0) / 1000;
  const mbs = (requests * 4096) / s / 1e6;
  const kiops = requests / s / 1000;
  console.log(
    `${name.padEnd(44)} ${mbs.toFixed(0).padStart(6)} MB/s  ${kiops.toFixed(0).padStart(5)} k requests/s`,
  );
}

measure("4 KiB reads, one request per notify", 0, 1);
measure("4 KiB writes, one request per notify", 1, 1);
measure("4 KiB reads, 64 requests per notify", 0, 64);
measure("4 KiB writes, 64 requests per notify", 1, 64);
