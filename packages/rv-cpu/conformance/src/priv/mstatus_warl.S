/* mstatus WARL fields: MPP holds 0, 1, 3; SXL/UXL read 2; XS reads 0;
 * FS is writable (F and D); VS (no V) reads 0 or holds what was written;
 * SD summarizes FS/VS/XS; sstatus is a restricted view of mstatus. */
#include "test.h"
TEST_BEGIN
  /* SXL / UXL after reset (the env wrote mstatus = 0 at boot) */
  csrr a0, mstatus
  CHECK_MASK 1, a0, MSTATUS_UXL, (2 << 32)
  CHECK_MASK 2, a0, MSTATUS_SXL, (2 << 34)
  /* writing 0 into SXL/UXL (not a legal XLEN encoding) keeps 2 */
  li a1, MSTATUS_UXL | MSTATUS_SXL
  csrc mstatus, a1
  csrr a0, mstatus
  CHECK_MASK 3, a0, MSTATUS_UXL | MSTATUS_SXL, (2 << 32) | (2 << 34)
  /* (check 4, MPP = 2 reads back as 0, 1 or 3, is noqemu/mpp_warl.S:
   * QEMU 7.2 keeps 2) */
  /* MPP = 0, 1, 3 are all legal and read back */
  li a1, MSTATUS_MPP
  csrc mstatus, a1
  csrr a0, mstatus
  CHECK_MASK 5, a0, MSTATUS_MPP, 0
  li a1, MSTATUS_MPP_S
  csrs mstatus, a1
  csrr a0, mstatus
  CHECK_MASK 6, a0, MSTATUS_MPP, MSTATUS_MPP_S
  li a1, MSTATUS_MPP_M
  csrs mstatus, a1
  csrr a0, mstatus
  CHECK_MASK 7, a0, MSTATUS_MPP, MSTATUS_MPP_M
  /* XS is read-only 0 (no extension state) */
  li a1, MSTATUS_XS
  csrs mstatus, a1
  csrr a0, mstatus
  CHECK_MASK 8, a0, MSTATUS_XS, 0
  /* FS (F and D are implemented): all four states are writable and read
   * back; SD is set exactly when FS is Dirty (priv/fs_state.S goes on) */
  li a1, MSTATUS_FS
  csrs mstatus, a1
  csrr a0, mstatus
  CHECK_MASK 9, a0, MSTATUS_FS | MSTATUS_SD, FS_DIRTY | MSTATUS_SD
  li a1, MSTATUS_FS
  csrc mstatus, a1
  li a1, FS_CLEAN
  csrs mstatus, a1
  csrr a0, mstatus
  CHECK_MASK 10, a0, MSTATUS_FS | MSTATUS_SD, FS_CLEAN
  li a1, MSTATUS_FS
  csrc mstatus, a1
  /* VS (bits 10:9): the same rule */
  li a1, (3 << 9)
  csrs mstatus, a1
  csrr a0, mstatus
  srli a2, a0, 9
  andi a2, a2, 3
  CHECK_ONE_OF 11, a2, 0, 3
  beqz a2, 1f
  CHECK_MASK 12, a0, MSTATUS_SD, MSTATUS_SD
1:
  li a1, (3 << 9)
  csrc mstatus, a1
  /* with FS, VS and XS all clean/off, SD reads 0 */
  csrr a0, mstatus
  CHECK_MASK 13, a0, MSTATUS_SD, 0
  /* writing SD directly has no effect when nothing is dirty */
  li a1, MSTATUS_SD
  csrs mstatus, a1
  csrr a0, mstatus
  CHECK_MASK 14, a0, MSTATUS_SD, 0
  /* simple R/W fields */
  li a1, MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_MPIE
  csrs mstatus, a1
  csrr a0, mstatus
  CHECK_MASK 15, a0, MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_MPIE, MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_MPIE
  csrc mstatus, a1
  csrr a0, mstatus
  CHECK_MASK 16, a0, MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_MPIE, 0
  /* sstatus view: S fields visible, M-only fields hidden */
  li a1, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR
  csrs mstatus, a1
  li a1, MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_MPRV
  csrs mstatus, a1
  csrr a0, sstatus
  CHECK_MASK 17, a0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR
  CHECK_MASK 18, a0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_MPRV | MSTATUS_SXL, 0
  CHECK_MASK 19, a0, MSTATUS_UXL, (2 << 32)
  li a1, MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_MPP | MSTATUS_MPIE
  csrc mstatus, a1
  /* writing sstatus changes only S fields of mstatus */
  csrw sstatus, zero
  csrr a0, mstatus
  CHECK_MASK 20, a0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR, 0
  li a1, MSTATUS_MPIE
  csrs mstatus, a1
  li a1, -1
  csrw sstatus, a1
  csrr a0, mstatus
  CHECK_MASK 21, a0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_MPIE | MSTATUS_MIE | MSTATUS_MPP | MSTATUS_TSR | MSTATUS_TW | MSTATUS_TVM | MSTATUS_MPRV, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_MPIE
  csrw sstatus, zero
  TEST_PASS
