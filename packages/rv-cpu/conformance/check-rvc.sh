#!/bin/sh
# Verify that every RV64C instruction really appears, compressed, in the
# rv64c test ELFs (objdump -M no-aliases prints compressed forms as c.*).
OBJDUMP=${1:-riscv64-unknown-elf-objdump}
tmp=$(mktemp)
for f in bin/c_*.elf; do
  "$OBJDUMP" -d -M no-aliases "$f" >> "$tmp"
done
missing=0
for m in c.addi4spn c.lw c.ld c.sw c.sd c.addi c.addiw c.li c.addi16sp c.lui \
         c.srli c.srai c.andi c.sub c.xor c.or c.and c.subw c.addw c.j c.beqz \
         c.bnez c.slli c.lwsp c.ldsp c.jr c.mv c.ebreak c.jalr c.add c.swsp c.sdsp \
         c.fld c.fsd c.fldsp c.fsdsp; do
  if ! grep -q -P "\t$m\t|\t$m\$" "$tmp"; then echo "missing compressed: $m"; missing=1; fi
done
# c.nop is printed as "c.addi zero,0" without aliases
grep -q -P "\tc\.addi\tzero,0" "$tmp" || { echo "missing compressed: c.nop"; missing=1; }
rm -f "$tmp"
[ $missing -eq 0 ] && echo "check-rvc: all RV64C instructions present in compressed form"
exit $missing
