/**
 * Puts a planned chain into the descriptor table (or an indirect table) and, for some chains,
 * breaks the structure the way the spec forbids: loops, indices beyond the table, bad indirect
 * tables. A broken structure makes the chain's fate a reset, whatever the request said.
 */
import { Desc } from "../constants.js";
import type { Driver } from "../test-driver.js";
import type { BlockBackend } from "../types.js";
import { QUEUE_NUM_MAX } from "../virtio-blk.js";
import { type Allocator, RAM_END } from "./guest.js";
import type { Fate, Planned } from "./plan.js";
import type { Rng } from "./rng.js";

const BREAKS = [
  "next-beyond",
  "loop",
  "head-beyond",
  "indirect-nested",
  "indirect-next",
  "indirect-len",
  "indirect-outside",
  "indirect-too-long",
  "indirect-huge",
] as const;
export type Break = (typeof BREAKS)[number];

export interface PlaceEnv {
  rng: Rng;
  driver: Driver<BlockBackend>;
  /** Free indices of the queue's own descriptor table. */
  free: number[];
  tables: Allocator;
  /** Whether VIRTIO_F_INDIRECT_DESC was negotiated. */
  indirectOk: boolean;
}

export interface Placed {
  head: number;
  fate: Fate;
}

function takeIndices(env: PlaceEnv, n: number): number[] | null {
  if (env.free.length < n) return null;
  return env.free.splice(0, n);
}

/** Places `p`, maybe indirectly, maybe broken; null when there is no room for it. */
export function place(env: PlaceEnv, p: Planned): Placed | null {
  const { rng, driver } = env;
  const num = driver.num;
  let fate = p.fate;
  const broken: Break | undefined = rng.bool(0.1) ? rng.pick(BREAKS) : undefined;
  const indirect = broken?.startsWith("indirect") || rng.bool(0.3);
  if (broken) fate = { fatal: broken };
  if (indirect && !env.indirectOk) fate = { fatal: "indirect without the feature" };
  const descs = [...p.descs];
  if (descs.length === 0) return null;

  if (!indirect) {
    const idx = takeIndices(env, descs.length);
    if (!idx) return null;
    descs.forEach((d, i) => {
      const last = i === descs.length - 1;
      driver.setDesc(idx[i], d.addr, d.len, d.flags | (last ? 0 : Desc.Next), last ? 0 : idx[i + 1]);
    });
    const lastIdx = idx[idx.length - 1];
    const lastDesc = descs[descs.length - 1];
    if (broken === "loop")
      driver.setDesc(
        lastIdx,
        lastDesc.addr,
        lastDesc.len,
        lastDesc.flags | Desc.Next,
        idx[rng.int(idx.length)],
      );
    if (broken === "next-beyond") {
      const i = rng.int(idx.length);
      driver.setDesc(
        idx[i],
        descs[i].addr,
        descs[i].len,
        descs[i].flags | Desc.Next,
        num + rng.int(0x10000 - num),
      );
    }
    const head = broken === "head-beyond" ? num + rng.int(0x10000 - num) : idx[0];
    return { head, fate };
  }

  // An indirect table: the chain starts at entry 0, the rest in a random order.
  if (broken === "indirect-too-long") {
    // Longer than any chain a driver needs (seg_max + 2 = QueueNumMax); zero-length readable
    // entries add length without changing the request.
    while (descs.length <= QUEUE_NUM_MAX) descs.unshift({ addr: descs[0].addr, len: 0, flags: 0 });
  }
  const count = descs.length;
  const order = [0, ...rng.shuffled(count - 1).map((i) => i + 1)];
  let table = env.tables.take(16 * count, 16);
  if (table < 0) return null;
  if (broken === "indirect-outside") table = rng.bool(0.5) ? RAM_END - 16 * (count - 1) - 8 : 2 ** 40;
  const beyond = rng.int(count);
  descs.forEach((d, i) => {
    const last = i === count - 1;
    const at = table + 16 * order[i];
    if (at + 16 > RAM_END) return;
    let flags = d.flags | (last ? 0 : Desc.Next);
    let next = last ? 0 : order[i + 1];
    if (broken === "indirect-nested" && last) flags |= Desc.Indirect;
    if (broken === "loop" && last) [flags, next] = [flags | Desc.Next, order[rng.int(count)]];
    if (broken === "next-beyond" && i === beyond)
      [flags, next] = [flags | Desc.Next, count + rng.int(0x10000 - count)];
    driver.setDesc(order[i], d.addr, d.len, flags, next, table);
  });
  const idx = takeIndices(env, 1);
  if (!idx) return null;
  let len = 16 * count;
  let flags = Desc.Indirect;
  if (broken === "indirect-len") len = rng.bool(0.3) ? 0 : len + rng.pick([-8, -1, 1, 4, 15]);
  if (broken === "indirect-huge") len = rng.pick([0xffff_fff0, 16 * 0x10_0000, 16 * (0x10000 + 1)]);
  if (broken === "indirect-next") flags |= Desc.Next;
  driver.setDesc(idx[0], table, len, flags, broken === "indirect-next" ? rng.int(num) : 0);
  if (broken === "indirect-huge" && rng.bool(0.5)) {
    // Entry 0 chains to itself: only the table's length bounds the walk.
    const d = descs[0];
    driver.setDesc(0, d.addr, d.len, d.flags | Desc.Next, 0, table);
  }
  return { head: broken === "head-beyond" ? num + rng.int(0x10000 - num) : idx[0], fate };
}
