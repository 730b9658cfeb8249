#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# test-summary.sh DIR SUITE... - add up the "N passed, N failed" lines the
# suites left in DIR; a suite with no result (it did not build or run)
# counts as one failure.  Prints one closing line and fails if anything did.
set -u
dir=$1; shift
pass=0 fail=0
for s in "$@"; do
	if [ -f "$dir/$s.txt" ]; then
		line=$(cat "$dir/$s.txt")
		p=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
		f=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
		pass=$((pass + ${p:-0})); fail=$((fail + ${f:-1}))
	else
		echo "suite '$s' produced no result (build or run failed)"
		fail=$((fail + 1))
	fi
done
echo "----------------------------------------------------------------"
for s in "$@"; do [ -f "$dir/$s.txt" ] && cat "$dir/$s.txt"; done
echo "bootmm: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
