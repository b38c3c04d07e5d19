import { loadGuest } from "@xv6-machine/xv6-guest";
import { buildImage, fsck, openImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { Session } from "./session.js";

const guest = await loadGuest();
const fs = buildImage(guest.user);

/** A session with its console collected as text. */
function session(): { s: Session; text: () => string } {
  let text = "";
  const s = new Session((bytes) => {
    text += new TextDecoder().decode(bytes);
  });
  return { s, text: () => text };
}

/** Runs until the console shows `want` after `from` characters. */
async function until(s: Session, text: () => string, want: string, from = 0): Promise<void> {
  const end = Date.now() + 60_000;
  while (!text().slice(from).includes(want)) {
    if (Date.now() > end) throw new Error(`no "${want}" in: ${text().slice(from)}`);
    if (s.run(20) === "idle") await new Promise((r) => setTimeout(r, 1));
  }
}

describe("Session", () => {
  it("boots, takes typed lines, and adds files by rebooting onto the changed disk", async () => {
    const { s, text } = session();
    s.boot({ kernel: guest.kernel, disk: fs, cpus: 1, engine: "jit" });
    await until(s, text, "$ ");
    let at = text().length;
    s.type("echo made in the guest > made\r");
    await until(s, text, "$ ", at);
    at = text().length;
    s.addFiles([{ name: "hello.txt", bytes: new TextEncoder().encode("from the host\n") }]);
    await until(s, text, "$ ", at);
    at = text().length;
    s.type("cat hello.txt made\r");
    await until(s, text, "$ ", at);
    expect(text().slice(at)).toContain("from the host\nmade in the guest\n");
    const disk = s.disk() as Uint8Array;
    expect(fsck(disk).problems).toEqual([]);
    expect(new TextDecoder().decode(openImage(disk).readFile("hello.txt"))).toBe("from the host\n");
    // The disk given to boot is copied, never written.
    expect(
      openImage(fs)
        .list("/")
        .some((e) => e.name === "hello.txt"),
    ).toBe(false);
  }, 120_000);

  it("saves and restores, switching engines, and keeps the disk after power-off", async () => {
    const { s, text } = session();
    s.boot({ kernel: guest.kernel, disk: fs, cpus: 2, engine: "jit" });
    await until(s, text, "$ ");
    const snap = s.snapshot();
    let at = text().length;
    s.type("echo after > after\r");
    await until(s, text, "$ ", at);
    const screen = s.restore(snap, "interp");
    expect(screen.endsWith("$ ")).toBe(true);
    expect(s.harts).toBe(2);
    at = text().length;
    s.type("cat after\r");
    await until(s, text, "$ ", at);
    expect(text().slice(at)).toContain("cat: cannot open after");
    expect(s.status("running")).toMatchObject({ harts: 2, engine: "interp" });
    s.powerOff();
    expect(s.running).toBe(false);
    expect(s.run(20)).toBe("off");
    expect(fsck(s.disk() as Uint8Array).problems).toEqual([]);
    expect(() => s.snapshot()).toThrow(/no machine/);
  }, 120_000);
});
