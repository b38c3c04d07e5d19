#!/usr/bin/env bash
# Runs every riscv-tests ELF in DIR (e.g. rv64ui-p-add, rv64ud-v-fdiv; built from the official
# riscv-tests sources, which this repository does not hold) through rv-run and prints a summary.
# usage: scripts/run-riscv-tests.sh [--engine jit|interp|check|all] DIR
# The default engine is rv-run's own (jit); "all" runs the three engines one after another.
set -uo pipefail
engines=(jit)
if [ "${1:-}" = "--engine" ]; then
  case "${2:-}" in
    all) engines=(interp jit check) ;;
    jit | interp | check) engines=("$2") ;;
    *)
      echo "usage: $0 [--engine jit|interp|check|all] DIR" >&2
      exit 2
      ;;
  esac
  shift 2
fi
dir=${1:?usage: $0 [--engine jit|interp|check|all] DIR}
cli="$(dirname "$0")/../packages/rv-cpu/dist/cli.js"
status=0
for engine in "${engines[@]}"; do
  pass=0
  fail=0
  for f in "$dir"/rv64*; do
    [ -f "$f" ] || continue
    if out=$(node "$cli" --engine "$engine" --max-insns 200000000 "$f" 2>&1); then
      pass=$((pass + 1))
    else
      fail=$((fail + 1))
      echo "FAILED ($engine) $(basename "$f"): $out"
    fi
  done
  echo "riscv-tests ($engine): $pass passed, $fail failed"
  [ "$fail" = 0 ] || status=1
done
exit "$status"
