#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# test-embed.sh - build the README's embedding example exactly as the README
# says (the -O2 library, the public headers, the example's own hooks) and
# check what it prints.  Writes build/results/lib.txt.
set -u
mkdir -p build/results build/host/examples
pass=0 fail=0
check() {	# name, command...
	name=$1; shift
	if "$@"; then pass=$((pass + 1)); echo "ok   $name"
	else fail=$((fail + 1)); echo "FAIL $name"; fi
}
out=build/host/examples/embed.out
check "embed: builds against build/host/libbootmm.a (+ the host machine model)" \
	cc -O2 -Wall -Iinclude -Iarch/host/include -Iarch/x86/include \
	   examples/embed/embed.c build/host/libbootmm.a build/host/libbootmm-host.a -o build/host/examples/embed
check "embed: runs" sh -c "build/host/examples/embed > $out"
check "embed: prints the sanitised map (hole split out, duplicate merged)" \
	sh -c "[ \$(grep -c '^\[    0.000000\] embed: \[mem' $out) -eq 3 ] &&
	       grep -q '] reserved\$' $out"
check "embed: allocation comes from the array" grep -q 'inside RAM' $out
check "embed: memory counts the RAM minus the hole" \
	grep -q '^memory 8128 KiB, reserved 68 KiB$' $out
echo "lib: $pass passed, $fail failed" | tee build/results/lib.txt
[ "$fail" -eq 0 ]
