/** Bad input to a builder or reader: the message is one line, meant for a person. */
export class FsError extends Error {
  override name = "FsError";

  constructor(message: string) {
    // Messages quote names from disks and host files, and a name may hold any byte, a newline too.
    super(printable(message));
  }
}

const escapes: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Text that stays on one line: control characters are shown as escapes (\n, \t, \x1b …). */
export function printable(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.charCodeAt(0);
    const control = code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029;
    out += !control ? c : (escapes[c] ?? `\\u${code.toString(16).padStart(4, "0")}`);
  }
  return out;
}
