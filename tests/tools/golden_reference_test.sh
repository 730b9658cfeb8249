#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# golden_reference_test.sh - the simulator against real Linux 6.1 logs.
#
# For every tests/data/reference/*.log (extracts of ../shared/reference:
# Debian 6.1 kernels under QEMU 7.2 + SeaBIOS), feed its BIOS-e820 lines
# to `bootmm --dmesg LOG --arch A --append loglevel=8 --log` with A from
# the log's own "max_arch_pfn": 0x400000000 x86_64, 0x100000 i386,
# 0x1000000 i386 PAE (run as i386: bootmm has no PAE profile), and check
# that these lines equal what Linux printed:
#   e820: update / e820: remove, last_pfn (both on x86_64), Zone ranges
#   (every zone line), Movable zone start, Early memory node ranges and
#   each node line, Initmem setup node, every "pages in unavailable
#   ranges" line (x86_64: counted up to SPARSEMEM section boundaries, the
#   "zone DMA32/Normal: 32 pages" lines), and in the Memory: line the
#   physical total (present pages x 4 KiB).
# Known differences, each checked for what it must still satisfy:
#   - i386 Normal/HighMem boundary: Linux 6.1 686 gets 875 MiB of lowmem
#     (0x36bfe000), PAE 879 MiB (0x36ffe000); bootmm's i386 layout gives
#     MAXMEM 0x377fe000 (its own fixmap/pkmap/vmalloc sizes, printed in
#     the "lowmem limit:" line).  Checked: Normal ends where HighMem
#     starts, at the lowmem limit bootmm prints, and both end where Linux's
#     do.
#   - PAE: "max_arch_pfn = 0x1000000" (36 address bits) vs 0x100000: no
#     PAE profile; the last_pfn value itself must match.
#   - Memory: available/reserved and highmem KiB: Linux's figures depend
#     on the kernel (reservations bootmm does not make: ACPI tables, SMP
#     tables, real-mode trampoline, NODE_DATA; struct page 64 bytes on
#     amd64 vs 48 here; amd64 defers struct page init, so most memory is
#     freed after this line) and, for highmem, on the split above.
# Prints "ok N - ..." / "FAIL N - ..." (scripts/run-scripts.sh).
set -u
cd "$(dirname "$0")/../.."
sim=build/host/bootmm out=build/tools/golden
mkdir -p "$out"
n=0 fail=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL $n - $*"; }

pat='e820: update|e820: remove|last_pfn|Zone ranges|^\[[^]]*\]   (DMA|DMA32|Normal|HighMem|Device|Movable) |Movable zone|Early memory node|node   0:|Initmem|unavailable|\] Memory:'
# Keep the physical total only of the Memory: line.
memtotal='s/Memory: [0-9]*K\/\([0-9]*K\) available.*/Memory: \1 physical/'

# field LINE-PATTERN FILE: the hex address after "[mem 0x" up to "-", and after "-0x" up to "]"
zone_start() { grep -E "^\[[^]]*\]   $1 " "$2" | sed 's/.*\[mem 0x\([0-9a-f]*\)-.*/\1/'; }
zone_end() { grep -E "^\[[^]]*\]   $1 " "$2" | sed 's/.*-0x\([0-9a-f]*\)\].*/\1/'; }

[ -x "$sim" ] || { echo "FAIL 0 - $sim missing (make build/host/bootmm)"; exit 1; }
logs=$(ls tests/data/reference/*.log 2>/dev/null)
[ -n "$logs" ] || { echo "FAIL 0 - no tests/data/reference/*.log"; exit 1; }

for ref in $logs; do
	name=$(basename "$ref" .log)
	case $(grep -o 'max_arch_pfn = 0x[0-9a-f]*' "$ref" | head -1) in
	*0x400000000) arch=x86_64 kind=x86_64 ;;
	*0x1000000) arch=i386 kind=pae ;;
	*0x100000) arch=i386 kind=i386 ;;
	*) bad "$name: no max_arch_pfn line to tell the architecture"; continue ;;
	esac
	if ! "$sim" --dmesg "$ref" --arch "$arch" --append loglevel=8 --log \
		>"$out/$name.sim.log" 2>"$out/$name.err"; then
		bad "$name: bootmm failed: $(cat "$out/$name.err")"
		continue
	fi
	sed 's/\r$//' "$ref" | grep -E "$pat" | cut -c16- | sed "$memtotal" >"$out/$name.want"
	grep -E "$pat" "$out/$name.sim.log" | cut -c16- | sed "$memtotal" >"$out/$name.got"
	[ "$(wc -l <"$out/$name.want")" -ge 10 ] || { bad "$name: only $(wc -l <"$out/$name.want") lines to compare"; continue; }
	if [ "$kind" = x86_64 ]; then
		cp "$out/$name.want" "$out/$name.want.cmp"
		cp "$out/$name.got" "$out/$name.got.cmp"
	else
		# The Normal/HighMem boundary and (PAE) max_arch_pfn are checked below.
		grep -v -E '^  (Normal|HighMem) ' "$out/$name.want" |
			sed 's/ max_arch_pfn = 0x[0-9a-f]*//' >"$out/$name.want.cmp"
		grep -v -E '^  (Normal|HighMem) ' "$out/$name.got" |
			sed 's/ max_arch_pfn = 0x[0-9a-f]*//' >"$out/$name.got.cmp"
	fi
	if diff -u "$out/$name.want.cmp" "$out/$name.got.cmp" >"$out/$name.diff"; then
		ok "$name ($kind): $(wc -l <"$out/$name.want.cmp") lines equal to Linux's (zones, nodes, unavailable ranges, physical total)"
	else
		bad "$name ($kind): differs from Linux (Linux -, bootmm +):"
		cat "$out/$name.diff"
	fi
	[ "$kind" = x86_64 ] && continue

	# i386: Normal starts at 16 MiB in both, ends where HighMem starts, at
	# bootmm's printed lowmem limit; HighMem ends where Linux's does.
	ls=$(zone_start Normal "$out/$name.sim.log") le=$(zone_end Normal "$out/$name.sim.log")
	hs=$(zone_start HighMem "$out/$name.sim.log") he=$(zone_end HighMem "$out/$name.sim.log")
	lhe=$(zone_end HighMem "$ref") lls=$(zone_start Normal "$ref")
	maxmem=$(sed -n 's/.*lowmem limit: MAXMEM 0x\([0-9a-f]*\) .*/\1/p' "$out/$name.sim.log")
	if [ -n "$le" ] && [ -n "$hs" ] && [ -n "$maxmem" ] &&
	   [ "$ls" = "$lls" ] && [ "$he" = "$lhe" ] &&
	   [ $((0x$le + 1)) -eq $((0x$hs)) ] && [ $((0x$hs)) -eq $((0x$maxmem)) ]; then
		ok "$name ($kind): HighMem starts at bootmm's lowmem limit 0x$maxmem (Linux: 0x$(zone_start HighMem "$ref")), ends at 0x$he as Linux's"
	else
		bad "$name ($kind): Normal [0x$ls-0x$le] HighMem [0x$hs-0x$he], lowmem limit 0x$maxmem; Linux Normal starts 0x$lls, HighMem ends 0x$lhe"
	fi
done
[ "$fail" -eq 0 ]
