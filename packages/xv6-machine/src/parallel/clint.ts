import type { Clint, Device } from "@xv6-machine/devices";
import type { Control } from "./control.js";

/**
 * A hart's view of the CLINT whose registers all threads share: a write to another hart's msip or
 * mtimecmp wakes that hart, which may sleep in wfi until a deadline it read before.
 */
export class WakingClint implements Device {
  constructor(
    private readonly clint: Clint,
    private readonly control: Control,
    private readonly self: number,
  ) {}

  read(offset: number, size: number): number {
    return this.clint.read(offset, size);
  }

  write(offset: number, size: number, value: number): boolean {
    const ok = this.clint.write(offset, size, value);
    const target = offset < 0x4000 ? offset >>> 2 : (offset - 0x4000) >>> 3;
    if (ok && target !== this.self && target < this.control.harts) this.control.wake(target);
    return ok;
  }
}
