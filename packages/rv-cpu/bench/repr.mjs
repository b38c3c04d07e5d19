// Micro-benchmark behind the choice of 64-bit register representation (see README).
// The same predecoded three-instruction loop (sb; addi; bne over 16 MiB, like xv6's boot memset)
// is interpreted with three representations of the register file.
import wabtInit from "wabt";

const SIZE = 16 << 20;
const BASE = 0x80000000;
const OP_SB = 1;
const OP_ADDI = 2;
const OP_BNE = 3;
// program: x5 = ptr, x6 = value, x7 = end
const prog = [
  [OP_SB, 0, 5, 6, 0],
  [OP_ADDI, 5, 5, 0, 1],
  [OP_BNE, 0, 5, 7, -2],
];

function int32Pairs(mem) {
  const x = new Int32Array(64);
  const ops = Int32Array.from(prog.map((p) => p[0] | (p[1] << 8) | (p[2] << 13) | (p[3] << 18)));
  const imms = Int32Array.from(prog.map((p) => p[4]));
  x[10] = BASE;
  x[12] = 0x55;
  x[14] = (BASE + SIZE) | 0;
  let pc = 0;
  let n = 0;
  for (;;) {
    const w = ops[pc];
    const rd = (w >>> 8) & 31;
    const rs1 = (w >>> 13) & 31;
    const rs2 = (w >>> 18) & 31;
    n++;
    switch (w & 255) {
      case OP_SB: {
        const lo = (x[rs1 * 2] + imms[pc]) | 0;
        mem[(lo - BASE) >>> 0] = x[rs2 * 2];
        pc++;
        break;
      }
      case OP_ADDI: {
        const a = x[rs1 * 2];
        const imm = imms[pc];
        const lo = (a + imm) | 0;
        const carry = lo >>> 0 < a >>> 0 ? 1 : 0;
        x[rd * 2 + 1] = (x[rs1 * 2 + 1] + (imm >> 31) + carry) | 0;
        x[rd * 2] = lo;
        pc++;
        break;
      }
      case OP_BNE:
        if (x[rs1 * 2] !== x[rs2 * 2] || x[rs1 * 2 + 1] !== x[rs2 * 2 + 1]) pc += imms[pc];
        else return n;
        pc++;
        break;
    }
  }
}

function bigints(mem) {
  const x = new BigInt64Array(32);
  const ops = Int32Array.from(prog.map((p) => p[0] | (p[1] << 8) | (p[2] << 13) | (p[3] << 18)));
  const imms = prog.map((p) => BigInt(p[4]));
  const base = BigInt(BASE);
  x[5] = base;
  x[6] = 0x55n;
  x[7] = base + BigInt(SIZE);
  let pc = 0;
  let n = 0;
  for (;;) {
    const w = ops[pc];
    const rd = (w >>> 8) & 31;
    const rs1 = (w >>> 13) & 31;
    const rs2 = (w >>> 18) & 31;
    n++;
    switch (w & 255) {
      case OP_SB:
        mem[Number(x[rs1] + imms[pc] - base)] = Number(x[rs2] & 255n);
        pc++;
        break;
      case OP_ADDI:
        x[rd] = x[rs1] + imms[pc];
        pc++;
        break;
      case OP_BNE:
        if (x[rs1] !== x[rs2]) pc += Number(imms[pc]);
        else return n;
        pc++;
        break;
    }
  }
}

const wat = `(module
  (import "m" "mem" (memory 257))
  (global $x5 (mut i64) (i64.const 0))
  (func (export "run") (param $ops i32) (param $end i64) (result i32)
    (local $pc i32) (local $w i32) (local $n i32) (local $x5 i64) (local $x6 i64) (local $x7 i64)
    (local.set $x5 (i64.const 0x80000000)) (local.set $x6 (i64.const 0x55)) (local.set $x7 (local.get $end))
    (block $done (loop $top
      (local.set $w (i32.load (i32.add (local.get $ops) (i32.shl (local.get $pc) (i32.const 3)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (block $bne (block $addi (block $sb
        (br_table $sb $addi $bne (i32.sub (i32.and (local.get $w) (i32.const 255)) (i32.const 1))))
        ;; sb: memory is the register file's "RAM", indexed by address - BASE + 64 KiB
        (i64.store8 offset=65536 (i32.wrap_i64 (i64.sub (local.get $x5) (i64.const 0x80000000))) (local.get $x6))
        (local.set $pc (i32.add (local.get $pc) (i32.const 1))) (br $top))
        (local.set $x5 (i64.add (local.get $x5) (i64.const 1)))
        (local.set $pc (i32.add (local.get $pc) (i32.const 1))) (br $top))
      (br_if $done (i64.eq (local.get $x5) (local.get $x7)))
      (local.set $pc (i32.const 0)) (br $top)))
    (local.get $n)))`;

async function wasm() {
  const wabt = await wabtInit();
  const mod = wabt.parseWat("repr.wat", wat);
  const { buffer } = mod.toBinary({});
  const memory = new WebAssembly.Memory({ initial: 257 });
  const inst = await WebAssembly.instantiate(buffer, { m: { mem: memory } });
  const ops = new Int32Array(memory.buffer, 0, 6);
  ops.set([OP_SB, 0, OP_ADDI, 0, OP_BNE, 0]);
  // Note: the wasm variant keeps registers in locals (a specialised best case, not a general core).
  return () => inst.instance.exports.run(0, BigInt(BASE + SIZE));
}

function time(name, fn) {
  fn(); // warm up
  const t0 = performance.now();
  const n = fn();
  const ms = performance.now() - t0;
  console.log(`${name.padEnd(34)} ${(n / ms / 1000).toFixed(1).padStart(7)} MIPS`);
}

const mem = new Uint8Array(SIZE);
time("Int32 pairs (JS)", () => int32Pairs(mem));
time("BigInt64Array, BigInt immediates", () => bigints(mem));
const w = await wasm();
time("WebAssembly i64 (regs in locals)", w);
