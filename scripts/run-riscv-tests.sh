#!/usr/bin/env bash
# Runs every riscv-tests ELF in DIR (e.g. rv64ui-p-add, rv64ui-v-add; built from the official
# riscv-tests sources, which this repository does not hold) through rv-run and prints a summary.
# usage: scripts/run-riscv-tests.sh DIR
set -uo pipefail
dir=${1:?usage: $0 DIR}
cli="$(dirname "$0")/../packages/rv-cpu/dist/cli.js"
pass=0
fail=0
for f in "$dir"/rv64*; do
  [ -f "$f" ] || continue
  if out=$(node "$cli" --max-insns 200000000 "$f" 2>&1); then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAILED $(basename "$f"): $out"
  fi
done
echo "riscv-tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
