#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# bootmem_sim_test.sh - the simulator's bootmem= switch (issue 6).
#
# `bootmm --append bootmem=bitmap` boots the kernel's own setup_arch() and
# mm_core_init() with the 2.6.2x early_res + bootmem bitmap allocator, the
# default with memblock.  For every size of the QEMU boot matrix (and q35
# 6G, RAM above 4 GiB) on the i386 profile, the bitmap boot must
#   - set the bitmap up ("node 0 bootmap") and print seed 000's early_res
#     table with the kernel ("TEXT DATA BSS") and the BOOTMAP entry;
#   - end with the same zone and node lines, the same "Memory:" line and
#     the same managed and free pages in every zone as the memblock boot,
#     which prints neither the bitmap nor the table.
# On the x86_64 profile (4 GiB: DMA, DMA32, Normal above 4 GiB) the totals
# and the Memory: line must be equal too, but the memmap moves: memblock
# allocates it top-down (from Normal), the bitmap first-fit from the
# bottom (from DMA32), so Normal is wholly free under bitmap and DMA32 has
# exactly the pages Normal gained fewer (tests/mm/nobootmem_test.c).
#
# Prints "ok N - ..." / "FAIL N - ..." per check (scripts/run-scripts.sh).
set -u
cd "$(dirname "$0")/../.." || exit 1
sim=build/host/bootmm out=build/tools/bootmem_sim
mkdir -p "$out"
n=0 fail=0

ok() { n=$((n + 1)); echo "ok $n - $*"; }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL $n - $*"; }

# What must not depend on the early allocator, from a --log --zoneinfo run.
alloc_lines() {
	sed -E 's/^\[ *[0-9]+\.[0-9]+\] //' "$1" | awk '
	/^(Zone ranges:|  (DMA|DMA32|Normal|HighMem) +(\[mem|empty)|Early memory node ranges|  node   0: |Initmem setup node |On node 0, zone |Memory: )/ { print; next }
	/^Node 0, zone +[A-Za-z0-9]+$/ { zone = $4; next }
	zone != "" && /^  pages free / { print "zone " zone ": pages free " $3; next }
	zone != "" && /^ +managed / { print "zone " zone ": managed " $2 }'
}

# boot NAME MACHINE... -> $out/NAME-memblock.log and $out/NAME-bitmap.log
boot() {
	name=$1; shift
	for mode in memblock bitmap; do
		if ! "$sim" "$@" --append "bootmem=$mode" --log --zoneinfo >"$out/$name-$mode.log" 2>&1; then
			bad "$name bootmem=$mode: the simulator failed (exit $?): $(tail -1 "$out/$name-$mode.log")"
			return 1
		fi
	done
}

# The bitmap boot set the bitmap up and printed the table; memblock did not.
check_table() {
	name=$1 log=$out/$1-bitmap.log
	if grep -q 'node 0 bootmap ' "$log" &&
	   grep -qE '^\[ *[0-9.]+\] \([0-9]+/20 early reservations\) ==> bootmem ' "$log" &&
	   grep -qE '#0 \[[0-9a-f]{10} - [0-9a-f]{10}\]    TEXT DATA BSS ==> ' "$log" &&
	   grep -qE '#[0-9]+ \[[0-9a-f]{10} - [0-9a-f]{10}\]          BOOTMAP ==> ' "$log"; then
		ok "$name bootmem=bitmap: bitmap set up, early_res table with TEXT DATA BSS and BOOTMAP"
	else
		bad "$name bootmem=bitmap: no bitmap or early_res table in $log"
	fi
	if grep -q -e 'bootmap' -e 'early reservations' "$out/$name-memblock.log"; then
		bad "$name bootmem=memblock: a bitmap or early_res line in the memblock boot"
	else
		ok "$name bootmem=memblock: no bitmap, no early_res table"
	fi
}

for size in 16M 64M 128M 512M 896M 1G 2G 3G 3584M 4G q35-6G; do
	case $size in
	q35-*) machine="--qemu-q35 ${size#q35-}" ;;
	*) machine="--qemu-pc $size" ;;
	esac
	# shellcheck disable=SC2086
	boot "i386-$size" --arch i386 $machine || continue
	check_table "i386-$size"
	alloc_lines "$out/i386-$size-memblock.log" >"$out/i386-$size-memblock.cmp"
	alloc_lines "$out/i386-$size-bitmap.log" >"$out/i386-$size-bitmap.cmp"
	if [ "$(grep -c '^zone .*: managed ' "$out/i386-$size-memblock.cmp")" -lt 3 ] ||
	   ! grep -q '^Memory: ' "$out/i386-$size-memblock.cmp"; then
		bad "i386 $size: no zone or Memory: lines to compare"
	elif diff -u "$out/i386-$size-memblock.cmp" "$out/i386-$size-bitmap.cmp" >"$out/i386-$size.diff"; then
		ok "i386 $size: zones, nodes, Memory: and every zone's managed/free pages equal"
	else
		bad "i386 $size: bitmap differs from memblock (-memblock +bitmap):"
		head -20 "$out/i386-$size.diff"
	fi
done

# x86_64: equal totals, the memmap's pages moved from Normal to DMA32.
if boot x86_64-4G --arch x86_64 --qemu-pc 4G; then
	check_table x86_64-4G
	alloc_lines "$out/x86_64-4G-memblock.log" >"$out/x86_64-4G-memblock.cmp"
	alloc_lines "$out/x86_64-4G-bitmap.log" >"$out/x86_64-4G-bitmap.cmp"
	managed() { sed -n "s/^zone $2: managed //p" "$out/x86_64-4G-$1.cmp"; }
	a_dma=$(managed memblock DMA) b_dma=$(managed bitmap DMA)
	a_32=$(managed memblock DMA32) b_32=$(managed bitmap DMA32)
	a_n=$(managed memblock Normal) b_n=$(managed bitmap Normal)
	if [ -z "$a_n" ] || [ -z "$b_n" ] || [ -z "$a_32" ] || [ -z "$b_32" ]; then
		bad "x86_64 4G: no DMA32/Normal managed lines"
	elif [ "$a_dma" = "$b_dma" ] && [ "$b_n" -gt "$a_n" ] &&
	     [ $((b_n - a_n)) -eq $((a_32 - b_32)) ] &&
	     [ "$(grep '^Memory: ' "$out/x86_64-4G-memblock.cmp")" = "$(grep '^Memory: ' "$out/x86_64-4G-bitmap.cmp")" ]; then
		ok "x86_64 4G: Memory: and DMA equal; $((b_n - a_n)) memmap pages moved from Normal to DMA32"
	else
		bad "x86_64 4G: DMA $a_dma/$b_dma DMA32 $a_32/$b_32 Normal $a_n/$b_n (memblock/bitmap), or Memory: differs"
	fi
fi
[ "$fail" -eq 0 ]
