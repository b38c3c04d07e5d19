export { addFiles } from "./add.js";
export { FsError } from "./errors.js";
export {
  BPB,
  BSIZE,
  DIRSIZ,
  type Dinode,
  type Dirent,
  FSMAGIC,
  IPB,
  MAX_FILE_BYTES,
  MAXFILE,
  NDIRECT,
  NINDIRECT,
  ROOTINO,
  type Superblock,
  T_DEVICE,
  T_DIR,
  T_FILE,
} from "./format.js";
export { type FsckOptions, type FsckReport, fsck } from "./fsck.js";
export {
  type DirEntry,
  FsImage,
  type Inode,
  type ListEntry,
  openImage,
  type Stat,
} from "./image.js";
export {
  DEFAULT_NINODES,
  DEFAULT_NLOG,
  DEFAULT_SIZE,
  type Layout,
  layoutFor,
  type MkfsOptions,
} from "./layout.js";
export { type LogHeader, readLogHeader } from "./log.js";
export { buildImage, type FileEntry } from "./mkfs.js";
export { imageName } from "./names.js";
