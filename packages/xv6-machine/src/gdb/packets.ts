/**
 * GDB remote serial protocol framing: `$payload#cs` packets, `+`/`-` acknowledgements, and the
 * lone 0x03 byte that asks a running target to stop. Payloads are kept as latin1 strings (one
 * character per byte), so binary data (`X` packets) survives.
 */

export type Incoming = { kind: "packet"; payload: string } | { kind: "interrupt" } | { kind: "bad" };

function checksum(s: string): number {
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum = (sum + s.charCodeAt(i)) & 0xff;
  return sum;
}

/** Accumulates bytes from the debugger and yields what they carry. */
export class PacketReader {
  private buf = "";

  push(bytes: Uint8Array): Incoming[] {
    for (const b of bytes) this.buf += String.fromCharCode(b);
    const out: Incoming[] = [];
    for (;;) {
      // Acks, and noise between packets, carry nothing.
      let i = 0;
      while (i < this.buf.length && this.buf[i] !== "$") {
        if (this.buf.charCodeAt(i) === 0x03) out.push({ kind: "interrupt" });
        i++;
      }
      this.buf = this.buf.slice(i);
      const end = this.buf.indexOf("#");
      if (this.buf.length === 0 || end < 0 || end + 3 > this.buf.length) return out;
      const body = this.buf.slice(1, end);
      const sum = Number.parseInt(this.buf.slice(end + 1, end + 3), 16);
      this.buf = this.buf.slice(end + 3);
      out.push(sum === checksum(body) ? { kind: "packet", payload: unescapeBody(body) } : { kind: "bad" });
    }
  }
}

/** Undoes the protocol's escapes: `}` then the byte xor 0x20. */
function unescapeBody(s: string): string {
  if (!s.includes("}")) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "}" && i + 1 < s.length) out += String.fromCharCode(s.charCodeAt(++i) ^ 0x20);
    else out += s[i];
  }
  return out;
}

/** Frames a reply, escaping the bytes the protocol reserves. */
export function frame(payload: string): string {
  let body = "";
  for (const c of payload)
    body +=
      c === "$" || c === "#" || c === "}" || c === "*"
        ? `}${String.fromCharCode(c.charCodeAt(0) ^ 0x20)}`
        : c;
  return `$${body}#${checksum(body).toString(16).padStart(2, "0")}`;
}

export function toHex(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(2, "0");
  return out;
}

export function bytesToHex(b: Uint8Array): string {
  let out = "";
  for (const v of b) out += v.toString(16).padStart(2, "0");
  return out;
}

export function hexToBytes(h: string): Uint8Array | undefined {
  if (h.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(h)) return undefined;
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** A 64-bit value as gdb sends registers: 8 bytes, little-endian, in hex. */
export function le64(v: bigint): string {
  let out = "";
  let u = BigInt.asUintN(64, v);
  for (let i = 0; i < 8; i++) {
    out += Number(u & 0xffn)
      .toString(16)
      .padStart(2, "0");
    u >>= 8n;
  }
  return out;
}

export function parseLe64(h: string): bigint | undefined {
  const b = hexToBytes(h);
  if (b === undefined || b.length !== 8) return undefined;
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  return v;
}
