#!/usr/bin/env bash
# Rebuilds every committed binary (test programs, benchmarks, demo) with Debian's RISC-V gcc and
# fails if any byte differs from what is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=(packages/rv-cpu/conformance packages/rv-cpu/conformance/sv39 packages/rv-cpu/bench/programs packages/rv-cpu/examples packages/xv6-machine/bench/programs packages/xv6-machine/baremetal)
for d in "${dirs[@]}"; do
  echo "rebuilding $d"
  make -s -B -C "$d" >/dev/null
done
if ! git diff --exit-code --stat -- "${dirs[@]}"; then
  echo "check-rebuild: rebuilt binaries differ from the committed ones (see above)" >&2
  exit 1
fi
untracked=$(git ls-files --others --exclude-standard -- "${dirs[@]}")
if [ -n "$untracked" ]; then
  echo "check-rebuild: the build made files that are not committed:" >&2
  echo "$untracked" >&2
  exit 1
fi
# The guest kernel and user programs (the Makefile compares them with prebuilt/ itself).
echo "rebuilding packages/xv6-guest"
make -s -C packages/xv6-guest clean >/dev/null 2>&1 || true
make -s -C packages/xv6-guest check
echo "check-rebuild: all binaries are byte-identical to the committed ones"
