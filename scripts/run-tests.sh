#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# run-tests.sh SUITE BIN... - run cmocka test programs, keep each log in
# build/logs/, show the failures, and write build/results/SUITE.txt with
# "N passed, N failed" (a program that crashes counts as a failure).
set -u
suite=$1; shift
mkdir -p build/logs build/results
pass=0 fail=0
for bin in "$@"; do
	log=build/logs/$(echo "$bin" | sed 's|^build/test/||; s|/|_|g').log
	"$bin" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^\[       OK \]' "$log")
	f=$(grep -E '^\[  (FAILED|ERROR)   ?\] [A-Za-z_]' "$log" | grep -vc 'test(s)')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	pass=$((pass + p)); fail=$((fail + f))
	if [ "$f" -ne 0 ]; then
		echo "FAIL $bin ($p passed, $f failed; exit $rc) - log: $log"
		grep -E -B2 -A12 'FAILED|ERROR|ERROR: AddressSanitizer|runtime error|panic' "$log" | head -60
	else
		echo "ok   $bin ($p passed)"
	fi
done
echo "$suite: $pass passed, $fail failed" | tee "build/results/$suite.txt"
[ "$fail" -eq 0 ]
