/** A minimal flattened-device-tree (DTB, version 17) writer. */

export type PropValue = string | string[] | number | number[] | true | Uint8Array;

export interface FdtNode {
  name: string;
  props: [string, PropValue][];
  children: FdtNode[];
}

export function node(name: string, props: [string, PropValue][], children: FdtNode[] = []): FdtNode {
  return { name, props, children };
}

const BEGIN_NODE = 1;
const END_NODE = 2;
const PROP = 3;
const END = 9;

function encodeValue(v: PropValue): Uint8Array {
  const enc = new TextEncoder();
  if (v === true) return new Uint8Array(0);
  if (v instanceof Uint8Array) return v;
  if (typeof v === "string") return enc.encode(`${v}\0`);
  if (typeof v === "number") v = [v];
  if (typeof v[0] === "string") return enc.encode((v as string[]).map((s) => `${s}\0`).join(""));
  const cells = v as number[];
  const out = new Uint8Array(cells.length * 4);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < cells.length; i++) dv.setUint32(i * 4, cells[i] >>> 0);
  return out;
}

/** Serialises a tree whose root node is `root` (its name is ignored). */
export function buildFdt(root: FdtNode, bootCpu = 0): Uint8Array {
  const struct: number[] = [];
  const strings: number[] = [];
  const stringOffsets = new Map<string, number>();
  const u32 = (v: number) => struct.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  const pad = () => {
    while (struct.length % 4) struct.push(0);
  };
  const nameOffset = (s: string) => {
    let off = stringOffsets.get(s);
    if (off === undefined) {
      off = strings.length;
      stringOffsets.set(s, off);
      for (const b of new TextEncoder().encode(s)) strings.push(b);
      strings.push(0);
    }
    return off;
  };
  const emit = (n: FdtNode, isRoot: boolean) => {
    u32(BEGIN_NODE);
    for (const b of new TextEncoder().encode(isRoot ? "" : n.name)) struct.push(b);
    struct.push(0);
    pad();
    for (const [name, value] of n.props) {
      const bytes = encodeValue(value);
      u32(PROP);
      u32(bytes.length);
      u32(nameOffset(name));
      for (const b of bytes) struct.push(b);
      pad();
    }
    for (const c of n.children) emit(c, false);
    u32(END_NODE);
  };
  emit(root, true);
  u32(END);
  const header = 40;
  const rsvmap = 16; // one terminating (0, 0) entry
  const offStruct = header + rsvmap;
  const offStrings = offStruct + struct.length;
  const total = offStrings + strings.length;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  const fields = [
    0xd00dfeed,
    total,
    offStruct,
    offStrings,
    header,
    17,
    16,
    bootCpu,
    strings.length,
    struct.length,
  ];
  for (let i = 0; i < fields.length; i++) dv.setUint32(i * 4, fields[i]);
  out.set(struct, offStruct);
  out.set(strings, offStrings);
  return out;
}
