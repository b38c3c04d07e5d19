#!/bin/sh
# run-tests.sh qemu|rvrun "COMMAND" "NAME:N ..." ELF...
#   Runs every ELF with COMMAND and compares with the expected result:
#   pass, or for the self-tests listed as NAME:N, a failure at check N.
#   qemu:  "TIMEOUT QEMU FLAGS..." -- exit 0 = pass, n = FAIL test n
#          (QEMU exits with the check number, modulo 256), 124 = timeout
#   rvrun: "RV-RUN"               -- exit 0 = pass, 1 + "FAIL test n", 3 = limit
kind=$1; cmd=$2; expect=$3; shift 3
pass=0; fail=0; failed=""
for elf in "$@"; do
  name=$(basename "$elf" .elf)
  want=0
  for e in $expect; do
    [ "${e%%:*}" = "$name" ] && want=${e#*:}
  done
  if [ "$kind" = qemu ]; then
    set -- $cmd
    t=$1; shift
    out=$(timeout "$t" "$@" -kernel "$elf" </dev/null 2>&1); rc=$?
    set --
    case $rc in
      0) got=pass ;;
      124) got=timeout ;;
      *) got="FAIL test $rc" ;;
    esac
  else
    out=$($cmd "$elf" </dev/null 2>&1); rc=$?
    case $rc in
      0) got=pass ;;
      1) got=$(printf '%s\n' "$out" | grep -o 'FAIL test [0-9]*' | head -1) ;;
      3) got="instruction limit" ;;
      *) got="exit $rc: $out" ;;
    esac
  fi
  if [ "$want" = 0 ]; then exp=pass; else exp="FAIL test $want"; fi
  if [ "$got" = "$exp" ]; then
    pass=$((pass + 1))
    [ "$want" != 0 ] && echo "ok   $name: $got (expected)"
  else
    echo "BAD  $name: $got (expected $exp)"
    fail=$((fail + 1)); failed="$failed $name"
  fi
done
echo "$kind: $pass as expected, $fail not"
[ $fail -eq 0 ]
