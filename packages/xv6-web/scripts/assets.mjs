// The files the page boots from, into generated/ (Vite copies them into the site as they are):
// our prebuilt kernel, a file system of our prebuilt programs, and a snapshot of that machine
// booted to its prompt (1 hart, real time), which the page restores for an instant prompt.
import { mkdirSync, writeFileSync } from "node:fs";
import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { loadGuest } from "@xv6-machine/xv6-guest";
import { buildImage } from "@xv6-machine/xv6-mkfs";
import { Machine } from "xv6-machine";

const out = new URL("../generated/", import.meta.url);
mkdirSync(out, { recursive: true });
const guest = await loadGuest();
const fs = buildImage(guest.user);
writeFileSync(new URL("kernel", out), guest.kernel);
writeFileSync(new URL("fs.img", out), fs);

const machine = new Machine({ kernel: guest.kernel, disk: new MemoryBackend(fs.slice()), clock: "realtime" });
await machine.waitForPrompt({ timeoutMs: 60_000 });
const snapshot = machine.snapshot();
await machine.close();
writeFileSync(new URL("boot.snap", out), snapshot);
console.log(
  `xv6-web assets: kernel ${guest.kernel.length} B, fs.img ${fs.length} B, boot.snap ${snapshot.length} B`,
);
