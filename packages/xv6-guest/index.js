// The prebuilt guest as a module: where the kernel and the user programs are (URLs that Node and
// bundlers both understand), and their bytes.

/** The files of prebuilt/user, as xv6's mkfs is given them (README, then the programs). */
export const programs = Object.freeze([
  "README",
  "_cat",
  "_echo",
  "_forktest",
  "_fptest",
  "_grep",
  "_grind",
  "_init",
  "_kill",
  "_ln",
  "_ls",
  "_mkdir",
  "_mmapcat",
  "_mmapprivate",
  "_mmapreader",
  "_mmapshare",
  "_mmaptest",
  "_mmapwriter",
  "_rm",
  "_sh",
  "_stressfs",
  "_usertests",
  "_wc",
  "_zombie",
]);

/** The kernel ELF. */
export const kernelUrl = new URL("./prebuilt/kernel", import.meta.url);

/** One of `programs`. */
export function programUrl(file) {
  if (!programs.includes(file)) throw new Error(`xv6-guest has no program ${file}`);
  return new URL(`./prebuilt/user/${file}`, import.meta.url);
}

async function bytesAt(url) {
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return new Uint8Array(await readFile(url));
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cannot fetch ${url}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Reads the kernel and every program. Each program's `name` is its name in the file system (a
 * leading `_` dropped, as xv6's mkfs does), ready for xv6-mkfs's buildImage.
 */
export async function loadGuest() {
  const [kernel, ...files] = await Promise.all([kernelUrl, ...programs.map(programUrl)].map(bytesAt));
  return {
    kernel,
    user: programs.map((file, i) => ({ name: file.replace(/^_/, ""), bytes: files[i] })),
  };
}
