#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# bench/run.sh BENCHMARK... - run every benchmark (the C programs, then the
# scripts: QEMU boot, simulator scale; each skips itself without its
# program), and end with one summary block: every "bench:" line they printed, and a
# count of targets met and missed.  Output is also kept in build/bench.log.
# Exits non-zero only when a benchmark fails (crash, exact-result mismatch),
# never for a missed target: those are findings to read.
set -u -o pipefail
cd "$(dirname "$0")/.."
LOG=build/bench.log
mkdir -p build
: >"$LOG"
for b in "$@"; do
	echo "== $b" | tee -a "$LOG"
	if ! "$b" 2>&1 | tee -a "$LOG"; then
		echo "bench: $b failed" | tee -a "$LOG"
		exit 1
	fi
done
ok=$(grep -c '^bench: .* ok$' "$LOG")
miss=$(grep -c '^bench: .* MISS$' "$LOG")
echo
echo "== bench summary (each ratio against its baseline measured in the same run)"
grep '^bench:' "$LOG"
echo "bench: $ok targets met, $miss missed (log: $LOG)"
