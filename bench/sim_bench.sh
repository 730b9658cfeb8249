#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# sim_bench.sh - how the bootmm simulator scales: wall time, CPU time,
# peak RSS and the memmap size for x86_64 machines of 16 GiB, 256 GiB and
# 1 TiB (RAM at 0-3 GiB and 4 GiB-TOP), and 1 TiB with a huge hole (RAM
# at 0-1 GiB and 4 GiB at 1 TiB: no memmap for the hole).  Peak RSS
# should stay near the memmap (struct pages are what the boot touches)
# and the time near memmap bytes / memory bandwidth plus first-touch
# faults.  No pass/fail: numbers only (the machine is shared and noisy;
# compare CPU time, and rerun: a VM's first touch of memory is slower).
set -u
cd "$(dirname "$0")/.."
sim=build/host/bootmm
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
low='0 0x9fc00 usable
0x9fc00 0xa0000 reserved
0xf0000 0x100000 reserved'

machine() {	# NAME TABLE-TAIL
	printf '%s\n%s\n' "$low" "$2" >"$tmp/$1.e820"
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/$1.time" \
		"$sim" --e820 "$tmp/$1.e820" --arch x86_64 --stats >/dev/null 2>"$tmp/$1.err" ||
		{ echo "$1: bootmm failed: $(cat "$tmp/$1.err")"; return; }
	read -r wall user sys rss <"$tmp/$1.time"
	memmap=$(sed -n 's/.*memmap \([0-9.]*\) MiB.*/\1/p' "$tmp/$1.err")
	awk -v n="$1" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v m="$memmap" 'BEGIN {
		printf "%-12s %7.2f s wall %7.2f s cpu  peak RSS %9.1f MiB  memmap %9.1f MiB  RSS/memmap %.2f\n",
			n, w, u + s, r / 1024, m, (m > 0 ? r / 1024 / m : 0) }'
	[ "$1" = 1T ] && targets "$wall" "$rss" "$memmap"
}

# The project's targets for the 1 TiB map: <= 30 s, peak RSS <= 1.2x memmap.
targets() {	# WALL RSS-KiB MEMMAP-MiB
	summary=$(awk -v w="$1" -v r="$2" -v m="$3" 'BEGIN {
		q = m > 0 ? r / 1024 / m : 0
		printf "bench: %-10s %-54s %7.1f s (target \342\211\244 30 s) %s\n", "sim",
			"1 TiB x86_64 map, wall time", w, w <= 30 ? "ok" : "MISS"
		printf "bench: %-10s %-54s ratio %7.2f (target \342\211\244 1.20) %s\n", "sim",
			"1 TiB x86_64 map, peak RSS / memmap bytes", q, q <= 1.2 ? "ok" : "MISS" }')
}

echo "bootmm on x86_64 maps ($(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
machine 16G '1M 3G usable
4G 17G usable'
machine 256G '1M 3G usable
4G 257G usable'
machine 1T '1M 3G usable
0xfffc0000 4G reserved
4G 1T usable'
machine 1T-hole '1M 1G usable
1T +4G usable'
[ -n "${summary:-}" ] && echo "$summary"
