import { BSIZE, ROOTINO, T_DEVICE } from "../format.js";
import { buildImage } from "../mkfs.js";
import { ImageEditor } from "./editor.js";

/** A consistent image the fuzzer mutates, as mkfs and then the kernel would have left it. */
export interface Base {
  name: string;
  bytes: Uint8Array;
}

function pattern(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed + (i >> 10)) & 0xff);
}

const text = (s: string) => new TextEncoder().encode(s);

/** Blocks whose bytes differ between two images of the same size. */
function changedBlocks(before: Uint8Array, after: Uint8Array): number[] {
  const out: number[] = [];
  for (let b = 0; b * BSIZE < after.length; b++) {
    const x = before.subarray(b * BSIZE, (b + 1) * BSIZE);
    const y = after.subarray(b * BSIZE, (b + 1) * BSIZE);
    if (!x.every((v, i) => v === y[i])) out.push(b);
  }
  return out;
}

/** Small: files with and without an indirect block, a subtree, a hard link, a device, a used log. */
function tree(): Base {
  const bytes = buildImage(
    [
      { name: "README", bytes: text("xv6 is a re-implementation of Unix V6\n".repeat(20)) },
      { name: "big", bytes: pattern(15 * BSIZE + 7, 1) },
      { name: "empty", bytes: new Uint8Array(0) },
      { name: "tiny", bytes: text("hi\n") },
    ],
    { size: 400, ninodes: 48, nlog: 12 },
  );
  const ed = new ImageEditor(bytes);
  const dir = ed.mkdir(ROOTINO, "dir");
  ed.create(dir, "notes", pattern(2100, 2));
  const sub = ed.mkdir(dir, "sub");
  ed.create(sub, "deep", pattern(13 * BSIZE + 5, 3));
  ed.link(dir, "readme-link", 2);
  ed.create(ROOTINO, "console", new Uint8Array(0), T_DEVICE, 1);
  // The log as a finished transaction leaves it: count 0, stale block numbers and copies.
  const rootBlock = ed.inode(ROOTINO).addrs[0];
  ed.writeLog([rootBlock, ed.sb.inodestart, ed.sb.bmapstart], 0);
  return { name: "tree", bytes };
}

/** Current xv6's defaults, with a committed transaction (a new file and directory) not yet installed. */
function pending(): Base {
  const bytes = buildImage([
    { name: "README", bytes: text("hello\n") },
    { name: "cat", bytes: pattern(5000, 4) },
  ]);
  const ed = new ImageEditor(bytes);
  const d = ed.mkdir(ROOTINO, "d");
  ed.create(d, "x", pattern(300, 5));
  const after = bytes.slice();
  const next = new ImageEditor(after);
  next.create(d, "pending", pattern(3000, 6));
  next.mkdir(d, "e");
  const homes = changedBlocks(bytes, after);
  ed.writeLog(homes, homes.length, after);
  return { name: "pending", bytes };
}

/** The 2020 labs' layout (1000 blocks, a 30-block log), with a root directory of two blocks. */
function lab(): Base {
  // 66 files and "." and ".." spill the root into a second block.
  const files = Array.from({ length: 66 }, (_, i) => ({ name: `f${i}`, bytes: pattern(i * 5, i) }));
  const bytes = buildImage(files, { size: 1000, nlog: 30 });
  const ed = new ImageEditor(bytes);
  const d = ed.mkdir(ROOTINO, "lab");
  ed.create(d, "answers-14byte", pattern(1024, 7));
  return { name: "lab", bytes };
}

export function bases(): Base[] {
  return [tree(), pending(), lab()];
}
