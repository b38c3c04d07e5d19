import type { Device } from "./device.js";
import { buildFdt, type FdtNode, node } from "./fdt.js";
import { ROM_BASE, ROM_SIZE } from "./map.js";

const DTB_OFFSET = 0x100;

// Register numbers and instruction encodings (RISC-V base ISA) for the reset stub.
const T0 = 5;
const A0 = 10;
const A1 = 11;
const iType = (imm: number, rs1: number, f3: number, rd: number, op: number) =>
  ((imm << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op) >>> 0;

/**
 * The reset stub QEMU's virt board runs at 0x1000: a0 = mhartid, a1 = the device tree's address,
 * then a jump to the kernel entry in M-mode.
 */
function resetStub(entry: number, dtb: number): Uint8Array {
  const words = [
    ((0 << 12) | (T0 << 7) | 0x17) >>> 0, // auipc t0, 0
    iType(0xf14, 0, 2, A0, 0x73), // csrrs a0, mhartid, x0
    iType(32, T0, 3, A1, 0x03), // ld a1, 32(t0)
    iType(24, T0, 3, T0, 0x03), // ld t0, 24(t0)
    iType(0, T0, 0, 0, 0x67), // jalr x0, 0(t0)
    0,
  ];
  const out = new Uint8Array(40);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < words.length; i++) dv.setUint32(i * 4, words[i], true);
  dv.setBigUint64(24, BigInt(entry), true);
  dv.setBigUint64(32, BigInt(dtb), true);
  return out;
}

export interface BoardDescription {
  cpus: number;
  ramBase: number;
  ramSize: number;
}

/** The device tree of the board, as QEMU's virt machine describes the parts xv6 uses. */
export function deviceTree(b: BoardDescription): Uint8Array {
  const cell2 = (v: number) => [Math.floor(v / 2 ** 32), v >>> 0];
  const reg = (base: number, size: number) => [...cell2(base), ...cell2(size)];
  const intcPhandle = (h: number) => 1 + h;
  const plicPhandle = 100;
  const cpus: FdtNode[] = [];
  const clintIrqs: number[] = [];
  const plicIrqs: number[] = [];
  for (let h = 0; h < b.cpus; h++) {
    cpus.push(
      node(
        `cpu@${h}`,
        [
          ["device_type", "cpu"],
          ["reg", h],
          ["status", "okay"],
          ["compatible", "riscv"],
          ["riscv,isa", "rv64imac_zicsr_zifencei_sstc"],
          ["mmu-type", "riscv,sv39"],
        ],
        [
          node("interrupt-controller", [
            ["#interrupt-cells", 1],
            ["interrupt-controller", true],
            ["compatible", "riscv,cpu-intc"],
            ["phandle", intcPhandle(h)],
          ]),
        ],
      ),
    );
    clintIrqs.push(intcPhandle(h), 3, intcPhandle(h), 7);
    plicIrqs.push(intcPhandle(h), 11, intcPhandle(h), 9);
  }
  const root = node(
    "",
    [
      ["#address-cells", 2],
      ["#size-cells", 2],
      ["compatible", "riscv-virtio"],
      ["model", "riscv-virtio,qemu"],
    ],
    [
      node("chosen", [["stdout-path", "/soc/serial@10000000"]]),
      node(`memory@${b.ramBase.toString(16)}`, [
        ["device_type", "memory"],
        ["reg", reg(b.ramBase, b.ramSize)],
      ]),
      node(
        "cpus",
        [
          ["#address-cells", 1],
          ["#size-cells", 0],
          ["timebase-frequency", 10_000_000],
        ],
        cpus,
      ),
      node(
        "soc",
        [
          ["#address-cells", 2],
          ["#size-cells", 2],
          ["compatible", "simple-bus"],
          ["ranges", true],
        ],
        [
          node("test@100000", [
            ["compatible", ["sifive,test1", "sifive,test0", "syscon"]],
            ["reg", reg(0x10_0000, 0x1000)],
          ]),
          node("clint@2000000", [
            ["compatible", ["sifive,clint0", "riscv,clint0"]],
            ["reg", reg(0x200_0000, 0x10000)],
            ["interrupts-extended", clintIrqs],
          ]),
          node("plic@c000000", [
            ["compatible", ["sifive,plic-1.0.0", "riscv,plic0"]],
            ["reg", reg(0xc00_0000, 0x60_0000)],
            ["#interrupt-cells", 1],
            ["#address-cells", 0],
            ["interrupt-controller", true],
            ["riscv,ndev", 95],
            ["interrupts-extended", plicIrqs],
            ["phandle", plicPhandle],
          ]),
          node("serial@10000000", [
            ["compatible", "ns16550a"],
            ["reg", reg(0x1000_0000, 0x100)],
            ["clock-frequency", 3686400],
            ["interrupt-parent", plicPhandle],
            ["interrupts", 10],
          ]),
          node("virtio_mmio@10001000", [
            ["compatible", "virtio,mmio"],
            ["reg", reg(0x1000_1000, 0x1000)],
            ["interrupt-parent", plicPhandle],
            ["interrupts", 1],
          ]),
        ],
      ),
    ],
  );
  return buildFdt(root);
}

/** The boot ROM: the reset stub, then the device tree. Read-only. */
export class BootRom implements Device {
  readonly bytes: Uint8Array = new Uint8Array(ROM_SIZE);

  constructor(entry: number, board: BoardDescription) {
    const dtb = deviceTree(board);
    if (DTB_OFFSET + dtb.length > ROM_SIZE) throw new RangeError("device tree does not fit in the boot ROM");
    this.bytes.set(resetStub(entry, ROM_BASE + DTB_OFFSET));
    this.bytes.set(dtb, DTB_OFFSET);
  }

  read(offset: number, size: number): number {
    if (offset + size > ROM_SIZE) return -1;
    let v = 0;
    for (let i = size - 1; i >= 0; i--) v = v * 256 + this.bytes[offset + i];
    return v;
  }

  write(): boolean {
    return false;
  }
}

/** QEMU's sifive_test "finisher": 0x5555 powers off (pass), 0x3333 | code << 16 powers off (fail). */
export class Finisher implements Device {
  private readonly onPowerOff: (code: number) => void;

  constructor(onPowerOff: (code: number) => void) {
    this.onPowerOff = onPowerOff;
  }

  read(offset: number, size: number): number {
    return offset + size <= 0x1000 ? 0 : -1;
  }

  write(offset: number, size: number, value: number): boolean {
    if (offset !== 0 || size !== 4) return offset + size <= 0x1000;
    const kind = value & 0xffff;
    if (kind === 0x5555) this.onPowerOff(0);
    else if (kind === 0x3333) this.onPowerOff(value >>> 16);
    return true;
  }
}
