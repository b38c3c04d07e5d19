/** The fuzzers' randomness: xorshift32 over a scrambled seed, so a seed always replays the same case. */
export class Rng {
  private s: number;

  constructor(readonly seed: number) {
    // Neighbouring seeds (case i and i + 1) must not start with similar streams.
    let h = Math.imul((seed >>> 0) ^ 0x5bd1e995, 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca77);
    h ^= h >>> 13;
    // xorshift never leaves 0.
    this.s = h === 0 ? 1 : h;
  }

  u32(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x;
    return x >>> 0;
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor((this.u32() / 2 ** 32) * n);
  }

  bool(p = 0.5): boolean {
    return this.u32() / 2 ** 32 < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  /** 0..n-1 in a random order. */
  shuffled(n: number): number[] {
    const a = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  /** 64 random bits. */
  u64(): bigint {
    return (BigInt(this.u32()) << 32n) | BigInt(this.u32());
  }
}
