#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# bench/qemu_boot_bench.sh [IMAGE] - how soon the kernel has a ready buddy
# allocator, measured on the host from QEMU's start.
#
# Boots IMAGE (default build/x86/bootmm.img) under QEMU (TCG, SeaBIOS,
# scripts/qemu-run.sh) with -m 512M and -m 3G, best of 5 each, and stamps
# every serial line as it arrives: the first line (firmware and setup done,
# kernel printing), "Kernel command line:" (end of setup_arch), "Memory:"
# (mem_init done: every free page is in the buddy allocator), "SLUB:"
# (kmem_cache_init done) and QEMU's exit.  The kernel's own printk clock
# reads 0 this early, so only host time is meaningful.  The target: a ready
# buddy allocator well under 1 s after QEMU starts.  Also checks that the
# i386 kernel's struct page (its "mem_map:" line) is at most 32 bytes.
# Prints "bench:" summary lines like the C benchmarks; exits 0 unless a
# boot fails (a missed target is a finding, not an error).
set -u
cd "$(dirname "$0")/.."
IMG=${1:-build/x86/bootmm.img}
RUNS=5
TARGET_MS=1000
STRUCT_PAGE_MAX=32

if [ ! -f "$IMG" ]; then
	echo "qemu_boot_bench: no kernel image $IMG (make kernel); skipped"
	exit 0
fi
command -v qemu-system-i386 >/dev/null || {
	echo "qemu_boot_bench: qemu-system-i386 not installed; skipped"
	exit 0
}

ms_since() {		# ms_since T0 (both $EPOCHREALTIME)
	awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", (b - a) * 1000 }'
}

# One boot: prints "first cmdline memory slub exit page_size" in ms/bytes
# ("-" for a line that never came).
boot_once() {		# boot_once MEM
	local t0 first=- cmdline=- memory=- slub=- size=- line
	t0=$EPOCHREALTIME
	while IFS= read -r line; do
		[ "$first" = - ] && first=$(ms_since "$t0")
		case $line in
		*"Kernel command line:"*) cmdline=$(ms_since "$t0") ;;
		*"] Memory: "*) memory=$(ms_since "$t0") ;;
		*"] SLUB: "*) slub=$(ms_since "$t0") ;;
		*"mem_map: struct page is "*)
			size=${line##*struct page is }; size=${size%% bytes*} ;;
		esac
	done < <(scripts/qemu-run.sh -m "$1" -t 60 -- "$IMG" "" 2>/dev/null)
	echo "$first $cmdline $memory $slub $(ms_since "$t0") $size"
}

min() {			# min A B, "-" loses
	if [ "$1" = - ]; then echo "$2"
	elif [ "$2" = - ]; then echo "$1"
	elif [ "$1" -le "$2" ]; then echo "$1"
	else echo "$2"; fi
}

summary=()
page_size=-
echo "QEMU start -> serial line, host ms (TCG, SeaBIOS; best of $RUNS)"
printf '%6s %12s %14s %10s %10s %10s %16s\n' "-m" "first line" "setup_arch end" "Memory:" \
	"SLUB:" "QEMU exit" "1st line->Memory:"
for mem in 512M 3G; do
	best=(- - - - - -)
	for ((r = 0; r < RUNS; r++)); do
		read -r -a t <<<"$(boot_once "$mem")"
		for i in 0 1 2 3 4; do best[i]=$(min "${best[i]}" "${t[i]}"); done
		[ "${t[5]}" != - ] && page_size=${t[5]}
		[ "${t[0]}" != - ] && [ "${t[2]}" != - ] && best[5]=$(min "${best[5]}" $((t[2] - t[0])))
	done
	printf '%6s %12s %14s %10s %10s %10s %16s\n' "$mem" "${best[@]}"
	if [ "${best[2]}" = - ]; then
		echo "qemu_boot_bench: -m $mem never printed its Memory: line" >&2
		exit 1
	fi
	ok=ok; [ "${best[2]}" -le $TARGET_MS ] || ok=MISS
	summary+=("$(printf 'bench: %-10s %-54s %7s ms (target \xe2\x89\xa4 %d ms) %s' qemu \
		"QEMU start -> buddy ready (Memory:), -m $mem" "${best[2]}" $TARGET_MS $ok)")
	if [ "${best[3]}" != - ]; then
		ok=ok; [ "${best[3]}" -le $TARGET_MS ] || ok=MISS
		summary+=("$(printf 'bench: %-10s %-54s %7s ms (target \xe2\x89\xa4 %d ms) %s' qemu \
			"QEMU start -> slab ready (SLUB:), -m $mem" "${best[3]}" $TARGET_MS $ok)")
	fi
done
echo "first line: QEMU start-up, SeaBIOS, real-mode setup and the jump to the kernel,"
echo "  all before any mm code; the last column is the kernel's own share (console"
echo "  output at every line included); setup_arch end -> Memory: is zones, memmap"
echo "  and the hand-over to the buddy allocator."
if [ "$page_size" != - ]; then
	ok=ok; [ "$page_size" -le $STRUCT_PAGE_MAX ] || ok=MISS
	summary+=("$(printf 'bench: %-10s %-54s %7s B (target \xe2\x89\xa4 %d B) %s' qemu \
		"struct page, i386 kernel (mem_map: line)" "$page_size" $STRUCT_PAGE_MAX $ok)")
fi
echo
printf '%s\n' "${summary[@]}"
