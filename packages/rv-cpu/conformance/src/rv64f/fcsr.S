/* fflags (0x001), frm (0x002), fcsr (0x003): fcsr = frm << 5 | fflags with
 * bits 63:8 reading 0; writes through one name show through the others;
 * the immediate and set/clear forms; flags accrue (never cleared by an
 * instruction); frm holds 5-7 (only their use is illegal). */
#include "test.h"
TEST_BEGIN
  li a1, -1
  csrw fcsr, a1
  csrr a0, fcsr
  CHECK 1, a0, 0xff
  csrr a0, fflags
  CHECK 2, a0, 0x1f
  csrr a0, frm
  CHECK 3, a0, 7
  /* fflags write keeps frm */
  csrw fflags, zero
  csrr a0, fcsr
  CHECK 4, a0, 0xe0
  /* frm write keeps fflags, only 3 bits */
  li a1, 0x1a
  csrw fflags, a1
  li a1, 0xf9
  csrw frm, a1
  csrr a0, fcsr
  CHECK 5, a0, (1 << 5) | 0x1a
  csrr a0, frm
  CHECK 6, a0, 1
  /* csrrw returns the old value */
  li a1, 0x85
  csrrw a0, fcsr, a1
  CHECK 7, a0, (1 << 5) | 0x1a
  csrr a0, fflags
  CHECK 8, a0, 0x05
  csrr a0, frm
  CHECK 9, a0, 4
  /* immediate forms (fsflagsi, fsrmi) */
  csrrwi a0, fflags, 0x11
  CHECK 10, a0, 0x05
  csrrwi a0, frm, 3
  CHECK 11, a0, 4
  csrr a0, fcsr
  CHECK 12, a0, (3 << 5) | 0x11
  /* set and clear */
  csrsi fflags, 0x02
  csrci fflags, 0x10
  csrr a0, fflags
  CHECK 13, a0, 0x03
  li a1, 4
  csrs frm, a1
  csrr a0, frm
  CHECK 14, a0, 7
  li a1, 0x1f << 5
  csrc fcsr, a1
  csrr a0, fcsr
  CHECK 15, a0, 0x03
  /* frm holds 5 */
  csrwi frm, 5
  csrr a0, frm
  CHECK 16, a0, 5
  csrwi frm, 0
  /* flags accrue across instructions: NX, then DZ, then NV */
  csrw fflags, zero
  li a0, BOX | 0x3f800000
  fmv.d.x fa1, a0
  li a0, BOX | 0x40400000
  fmv.d.x fa2, a0
  fdiv.s fa0, fa1, fa2
  csrr a0, fflags
  CHECK 17, a0, FF_NX
  fmv.w.x fa3, zero
  fdiv.s fa0, fa1, fa3
  csrr a0, fflags
  CHECK 18, a0, FF_NX | FF_DZ
  fdiv.s fa0, fa3, fa3
  csrr a0, fflags
  CHECK 19, a0, FF_NX | FF_DZ | FF_NV
  /* an exact operation leaves them */
  fadd.s fa0, fa1, fa1
  csrr a0, fcsr
  CHECK 20, a0, FF_NX | FF_DZ | FF_NV
  TEST_PASS
