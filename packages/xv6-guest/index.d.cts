/** The files of prebuilt/user, as xv6's mkfs is given them (README, then the programs). */
export declare const programs: readonly string[];
/** The kernel ELF. */
export declare const kernelUrl: URL;
/** The URL of one of `programs`; throws for any other name. */
export declare function programUrl(file: string): URL;
export interface GuestFile {
  /** The name in the file system: the file's name with a leading `_` dropped. */
  name: string;
  bytes: Uint8Array;
}
/** Reads the kernel and every program (from disk in Node, with fetch elsewhere). */
export declare function loadGuest(): Promise<{ kernel: Uint8Array; user: GuestFile[] }>;
