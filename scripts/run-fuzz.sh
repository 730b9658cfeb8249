#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# run-fuzz.sh SUITE SECONDS BIN... - run each libFuzzer target for SECONDS
# (seeded from tests/fuzz/corpus/<name>/ when present, new inputs kept in
# build/fuzz/corpus/<name>/); a crash, leak or failed check is a failure.
set -u
suite=$1 secs=$2; shift 2
mkdir -p build/logs build/results
pass=0 fail=0
for bin in "$@"; do
	name=$(basename "$bin")
	corpus=build/fuzz/corpus/$name
	mkdir -p "$corpus"
	seeds=""
	[ -d "tests/fuzz/corpus/$name" ] && seeds="tests/fuzz/corpus/$name"
	log=build/logs/fuzz_$name.log
	if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 \
		-artifact_prefix="build/fuzz/$name-" "$corpus" $seeds >"$log" 2>&1; then
		pass=$((pass + 1))
		echo "ok   $name ($(grep -o 'Done [0-9]* runs' "$log" | tail -1))"
	else
		fail=$((fail + 1))
		echo "FAIL $name - log: $log"
		grep -E -A20 'ERROR|runtime error|==ERROR|Assert|panic' "$log" | head -40
	fi
done
echo "$suite: $pass passed, $fail failed" | tee "build/results/$suite.txt"
[ "$fail" -eq 0 ]
