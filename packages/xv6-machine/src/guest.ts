import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { imageName } from "@xv6-machine/xv6-mkfs";

export interface GuestFiles {
  kernel: Uint8Array;
  /** Files for the root directory of fs.img, in the order mkfs should add them. */
  user: { name: string; bytes: Uint8Array }[];
}

/**
 * The prebuilt guest from @xv6-machine/xv6-guest: `prebuilt/kernel` and the files in
 * `prebuilt/user/` (in name order). Undefined if not there.
 */
export function guestFiles(): GuestFiles | undefined {
  let root: string;
  try {
    root = guestRoot();
  } catch {
    return undefined;
  }
  const kernelPath = join(root, "prebuilt", "kernel");
  const userDir = join(root, "prebuilt", "user");
  if (!existsSync(kernelPath) || !existsSync(userDir)) return undefined;
  const names = readdirSync(userDir).sort();
  return {
    kernel: new Uint8Array(readFileSync(kernelPath)),
    user: names.map((n) => ({ name: imageName(n), bytes: new Uint8Array(readFileSync(join(userDir, n))) })),
  };
}

/** The directory of the installed @xv6-machine/xv6-guest package (throws if it is not installed). */
export function guestRoot(): string {
  return dirname(createRequire(import.meta.url).resolve("@xv6-machine/xv6-guest/package.json"));
}
