#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# run-scripts.sh SUITE SCRIPT... - run test scripts, keep each log in
# build/logs/, and write build/results/SUITE.txt ("SUITE: N passed, N
# failed").  A script's "ok ..." / "FAIL ..." lines are its checks; a
# script that prints none counts as one check, passed if it exits 0.  A
# script that fails without saying which check failed counts one failure.
set -u
suite=$1; shift
mkdir -p build/logs build/results
pass=0 fail=0
for script in "$@"; do
	log=build/logs/$(echo "$script" | sed 's|/|_|g').log
	"$script" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^FAIL ' "$log")
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$rc" -eq 0 ]; then
		p=1
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	pass=$((pass + p)); fail=$((fail + f))
	if [ "$f" -ne 0 ]; then
		echo "FAIL $script ($p passed, $f failed; exit $rc) - log: $log"
		grep -E -A12 '^FAIL ' "$log" | head -60
	else
		echo "ok   $script ($p passed)"
	fi
done
echo "$suite: $pass passed, $fail failed" | tee "build/results/$suite.txt"
[ "$fail" -eq 0 ]
