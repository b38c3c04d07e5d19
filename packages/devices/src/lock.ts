/**
 * A mutex in one Int32 word of shared memory, for device state that threads share (the PLIC of
 * parallel harts). 0 is free, 1 held, 2 held with someone asleep on it; a short spin first, since
 * holders keep it for microseconds, then Atomics.wait so a descheduled holder costs no host time.
 */
export class SharedLock {
  constructor(
    private readonly word: Int32Array,
    private readonly index: number,
  ) {}

  lock(): void {
    const w = this.word;
    const i = this.index;
    for (let k = 0; k < 100; k++) if (Atomics.compareExchange(w, i, 0, 1) === 0) return;
    while (Atomics.exchange(w, i, 2) !== 0) Atomics.wait(w, i, 2);
  }

  unlock(): void {
    const w = this.word;
    const i = this.index;
    if (Atomics.sub(w, i, 1) !== 1) {
      Atomics.store(w, i, 0);
      Atomics.notify(w, i, 1);
    }
  }
}
