/** Scrambles a 32-bit number so that nearby seeds give unrelated streams. */
export function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * A small seeded generator (xorshift32): the same seed gives the same cases on every machine and
 * Node version, which Math.random can't promise, so any failure can be replayed from its seed.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    // xorshift's state must never be 0.
    this.state = mix(seed >>> 0) || 1;
  }

  /** A whole number in 0 .. 2^32-1. */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /** A whole number in 0 .. n-1 (n at least 1). */
  below(n: number): number {
    return Math.floor((this.next() / 2 ** 32) * n);
  }

  /** A whole number in min .. max, both included. */
  int(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() / 2 ** 32 < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }

  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.below(256));
  }
}
