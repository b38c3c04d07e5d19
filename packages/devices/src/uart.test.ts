import { describe, expect, it } from "vitest";
import { Uart16550 } from "./uart.js";

// 16550 register offsets and bits (datasheet).
const RBR = 0;
const IER = 1;
const IIR = 2;
const FCR = 2;
const LCR = 3;
const MCR = 4;
const LSR = 5;

function make() {
  const out: number[] = [];
  const levels: boolean[] = [];
  const uart = new Uart16550({ set: (l) => levels.push(l) }, (b) => out.push(b));
  const line = () => levels[levels.length - 1] ?? false;
  return { uart, out, levels, line };
}

describe("16550 UART", () => {
  it("transmits THR writes and reports the transmitter empty", () => {
    const { uart, out } = make();
    for (const c of "hi") uart.write(RBR, 1, c.charCodeAt(0));
    expect(String.fromCharCode(...out)).toBe("hi");
    expect(uart.read(LSR, 1) & 0x60).toBe(0x60); // THRE | TEMT
  });

  it("keeps the divisor latch apart from the data registers while DLAB is set", () => {
    const { uart, out } = make();
    uart.write(LCR, 1, 0x80);
    uart.write(RBR, 1, 3);
    uart.write(IER, 1, 0);
    expect(uart.read(RBR, 1)).toBe(3);
    expect(out).toEqual([]);
    uart.write(LCR, 1, 0x03);
    expect(uart.read(LCR, 1)).toBe(3);
  });

  it("raises the receive interrupt while data is ready, if enabled", () => {
    const { uart, line } = make();
    uart.write(FCR, 1, 0x07);
    uart.receive(0x41);
    expect(line()).toBe(false); // RX interrupt not enabled yet
    expect(uart.read(LSR, 1) & 1).toBe(1);
    uart.write(IER, 1, 0x01);
    expect(line()).toBe(true);
    expect(uart.read(IIR, 1)).toBe(0xc4); // FIFOs on, "received data available"
    expect(uart.read(RBR, 1)).toBe(0x41);
    expect(line()).toBe(false);
    expect(uart.read(LSR, 1) & 1).toBe(0);
    expect(uart.read(IIR, 1) & 1).toBe(1); // no interrupt pending
  });

  it("buffers 16 bytes in the FIFO and flags an overrun after", () => {
    const { uart } = make();
    uart.write(FCR, 1, 0x01);
    for (let i = 0; i < 16; i++) expect(uart.receive(i)).toBe(true);
    expect(uart.rxSpace).toBe(0);
    expect(uart.receive(99)).toBe(false);
    expect(uart.read(LSR, 1) & 0x02).toBe(0x02); // OE, cleared by reading LSR
    expect(uart.read(LSR, 1) & 0x02).toBe(0);
    for (let i = 0; i < 16; i++) expect(uart.read(RBR, 1)).toBe(i);
  });

  it("raises THR-empty when enabled with an empty THR, clears it on an IIR read, re-arms after a send", () => {
    const { uart, line } = make();
    uart.write(IER, 1, 0x02);
    expect(line()).toBe(true);
    expect(uart.read(IIR, 1) & 0x0f).toBe(0x02);
    expect(line()).toBe(false);
    uart.write(RBR, 1, 0x21);
    expect(line()).toBe(true); // transmitter emptied again
  });

  it("gives received data priority over THR-empty in IIR", () => {
    const { uart } = make();
    uart.write(IER, 1, 0x03);
    uart.receive(1);
    expect(uart.read(IIR, 1) & 0x0f).toBe(0x04);
  });

  it("offers LSR to peek only while reading it has no effect and writes to THR cannot change it", () => {
    const { uart } = make();
    expect(uart.peek(LSR, 1)).toBe(0x60);
    uart.receive(0x41);
    expect(uart.peek(LSR, 1)).toBe(0x61);
    expect(uart.peek(RBR, 1)).toBeUndefined();
    expect(uart.peek(LSR, 2)).toBeUndefined();
    uart.receive(0x42); // no FIFO: an overrun, which reading LSR clears
    expect(uart.peek(LSR, 1)).toBeUndefined();
    expect(uart.read(LSR, 1) & 0x02).toBe(0x02);
    expect(uart.peek(LSR, 1)).toBe(0x61);
    uart.write(MCR, 1, 0x10); // loopback: a byte written to THR comes back into LSR
    expect(uart.peek(LSR, 1)).toBeUndefined();
  });

  it("loops output back to input in loopback mode", () => {
    const { uart, out } = make();
    uart.write(MCR, 1, 0x10);
    uart.write(RBR, 1, 0x55);
    expect(out).toEqual([]);
    expect(uart.read(RBR, 1)).toBe(0x55);
  });
});

describe("16550 UART edge cases from the datasheet", () => {
  it("overwrites the unread character on an overrun without FIFOs", () => {
    const { uart } = make();
    uart.write(MCR, 1, 0x10);
    uart.write(RBR, 1, 0x61);
    uart.write(RBR, 1, 0x62);
    expect(uart.read(LSR, 1) & 0x03).toBe(0x03);
    expect(uart.read(RBR, 1)).toBe(0x62);
  });

  it("empties the FIFO when FIFO mode is switched off", () => {
    const { uart } = make();
    uart.write(FCR, 1, 0x01);
    uart.receive(0x71);
    uart.write(FCR, 1, 0x00);
    expect(uart.read(LSR, 1) & 1).toBe(0);
  });

  it("wires RTS to CTS and DTR to DSR in loopback", () => {
    const { uart } = make();
    uart.write(MCR, 1, 0x11); // loop | DTR
    expect(uart.read(6, 1) & 0xf0).toBe(0x20);
    uart.write(MCR, 1, 0x12); // loop | RTS
    expect(uart.read(6, 1) & 0xf0).toBe(0x10);
  });
});

describe("16550 UART saved state", () => {
  it("goes on, in a UART loaded from saveState, with the same registers and FIFO", () => {
    const { uart } = make();
    uart.write(FCR, 1, 0x01); // FIFOs on
    uart.write(IER, 1, 0x01); // receive interrupt
    uart.write(LCR, 1, 0x80);
    uart.write(RBR, 1, 12); // divisor latch
    uart.write(LCR, 1, 0x03);
    for (const c of "abc") uart.receive(c.charCodeAt(0));
    expect(uart.read(RBR, 1)).toBe(0x61);
    const b = make();
    b.uart.loadState(JSON.parse(JSON.stringify(uart.saveState())));
    for (const u of [uart, b.uart]) {
      expect(u.read(IIR, 1)).toBe(0xc4); // FIFOs on, received data available
      expect(String.fromCharCode(u.read(RBR, 1), u.read(RBR, 1))).toBe("bc");
      expect(u.read(LSR, 1) & 1).toBe(0);
      u.write(LCR, 1, 0x83);
      expect(u.read(RBR, 1)).toBe(12);
      expect(u.rxSpace).toBe(16);
    }
    expect(() => b.uart.loadState({ ...uart.saveState(), rx: [300] })).toThrow(/UART state/);
  });
});
