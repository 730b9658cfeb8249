#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kernel_vs_sim_test.sh - the kernel and the simulator, line for line.
#
# Boots build/x86/bootmm.img in QEMU (scripts/qemu-run.sh, -M pc or q35)
# and runs `bootmm --qemu-pc|--qemu-q35 SIZE --kernel-image build/x86/vmlinux --log` (the
# same image placed exactly where the kernel is, same command line), then
# compares the two console logs.  They must be identical except for the
# lines listed here, each with its reason:
#
#  - "Total pages: N", "Memory: A/TK available (... R reserved ...)" and
#    "mem_map: struct page is N bytes": the memmap is an array of struct
#    page, 28 bytes on the i386 kernel and larger on the 64-bit host (it
#    holds host pointers), so the host's memmap takes more pages.  The
#    test checks that this is the only difference: every other field of
#    the Memory: line is equal, the physical total T is equal, the
#    kernel's extra available KiB = the simulator's extra reserved KiB =
#    the memmap size difference (spanned pages x the struct page size
#    difference, rounded up to pages per zone), and Total pages differ
#    by at most that (only lowmem zones' memmap is subtracted there).
#  - with mm_audit, "page audit: ... N reserved ..., M free": checked
#    to differ by exactly the memmap pages (same pfns, same holes); with
#    mm_selftest, the slab self-test's "# filled N KiB" (it fills what is
#    free, so less on the host).
#  - with memblock=debug, the allocations free_area_init() makes between
#    "Initmem setup node" and the "unavailable ranges" lines: the memmap
#    and pointer-sized arrays (4 bytes on i386, 8 on the host), so their
#    sizes and the addresses after them differ.
#  - the offset and size in the caller at the end of memblock=debug lines
#    ("%pS": name+off/size): code of two different builds (i386 kernel,
#    x86_64 host) never has the same layout, so "+off/size" is cut; the
#    caller's name, the addresses and the sizes are compared.
#  - with bootmem=bitmap, the end of "node 0 bootmap START - END": the
#    bitmap's size is ALIGN(DIV_ROUND_UP(max_low_pfn, 8), sizeof(long))
#    (mm/bootmem.c), so rounded up to 4 bytes on i386 and to 8 on the
#    host (e.g. 512M: kernel "0012e000 - 00131ffc", host "- 00132000").
#    The host's END is derived from the kernel's line (START + the
#    kernel's size rounded up to 8) and must then be equal; START and
#    every other bitmap line are compared as they are.
#  - "bootmm: boot complete: ... exiting": the kernel's own last line
#    (arch/x86/kernel/head32.c, before it exits QEMU); the simulator
#    returns from start_kernel() to its caller instead.
#
# Prints "ok N - ..." / "FAIL N - ..." per check (scripts/run-scripts.sh)
# and writes build/results/sim-vs-kernel.txt.
set -u
cd "$(dirname "$0")/../.."
img=build/x86/bootmm.img vmlinux=build/x86/vmlinux sim=build/host/bootmm
out=build/tools/kernel_vs_sim
mkdir -p "$out" build/results
pass=0 fail=0 n=0
initmem='/Initmem setup node/,/pages in unavailable ranges/{/memblock_alloc\|memblock_reserve/d}'
pS='s/+0x[0-9a-f]*\/0x[0-9a-f]*$//'
# The kernel's "node 0 bootmap START - END" as the host prints it: the
# i386 size END - START (a multiple of sizeof(long) = 4) rounded up to 8.
bootmap_host='
function hex(s,    i, v) {
	v = 0; s = tolower(s)
	for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}
/\] +node [0-9]+ bootmap [0-9a-f]+ - [0-9a-f]+$/ {
	start = hex($(NF - 2)); size = hex($NF) - start
	$0 = substr($0, 1, length($0) - length($NF)) sprintf("%08x", start + int((size + 7) / 8) * 8)
}
{ print }'

ok() { n=$((n + 1)); pass=$((pass + 1)); echo "ok $n - $*"; }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL $n - $*"; }

# compare NAME KERNEL_LOG SIM_LOG
compare() {
	name=$1 klog=$2 slog=$3
	# Lines allowed to differ are set aside, %pS callers cut; the rest must match.
	sed -n 's/\r$//; /^\[/p' "$klog" | grep -v -e 'Total pages: ' -e '\] Memory: ' \
		-e 'mem_map: struct page is ' -e 'bootmm: boot complete: ' \
		-e 'page audit: [0-9]* pfns' -e '# filled ' | sed "$pS" |
		sed "$initmem" | awk "$bootmap_host" >"$klog.cmp"
	grep '^\[' "$slog" | grep -v -e 'Total pages: ' -e '\] Memory: ' \
		-e 'mem_map: struct page is ' -e 'page audit: [0-9]* pfns' -e '# filled ' |
		sed "$pS" | sed "$initmem" >"$slog.cmp"
	if [ "$(wc -l <"$klog.cmp")" -lt 20 ]; then
		bad "$name: the kernel log has only $(wc -l <"$klog.cmp") lines"
		return
	fi
	if diff -u "$klog.cmp" "$slog.cmp" >"$out/$name.diff"; then
		ok "$name: $(wc -l <"$klog.cmp") lines identical"
	else
		bad "$name: logs differ (kernel -, simulator +):"
		head -40 "$out/$name.diff"
	fi
	sed -n 's/\r$//p' "$klog" | grep -q 'bootmm: boot complete: ' ||
		bad "$name: the kernel did not finish"
	check_memmap_lines "$name" "$klog" "$slog"
}

# The three memmap-dependent lines differ by exactly the memmap's size.
check_memmap_lines() {
	name=$1
	awk -v name="$name" '
	function hex(s,    i, v) {
		v = 0; s = tolower(s)
		for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return v
	}
	function field(line, re,    m) {
		if (match(line, re)) { m = substr(line, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 }
		return -1
	}
	FNR == 1 { f++ }
	{ sub(/\r$/, "") }
	/Total pages: / { tp[f] = field($0, "Total pages: [0-9]+") }
	/mem_map: struct page is / { sp[f] = field($0, "is [0-9]+ bytes") }
	/\] Memory: / {
		avail[f] = field($0, "Memory: [0-9]+K"); total[f] = field($0, "/[0-9]+K available")
		resv[f] = field($0, "[0-9]+K reserved")
		rest = $0; sub(/.*available \(/, "", rest); gsub(/[0-9]+K reserved/, "", rest); other[f] = rest
	}
	/^\[.*Zone ranges:/ { inz[f] = 1; next }
	inz[f] && /\[mem 0x/ {
		s = $0; sub(/.*\[mem 0x/, "", s); split(s, ab, "-0x"); sub(/\].*/, "", ab[2])
		span[f] += (hex(ab[2]) + 1 - hex(ab[1])) / 4096; zones[f]++
	}
	/Movable zone start/ { inz[f] = 0 }
	/page audit: [0-9]+ pfns/ {
		audit[f] = 1; apfns[f] = field($0, "[0-9]+ pfns"); ahole[f] = field($0, "[0-9]+ hole")
		ares[f] = field($0, "[0-9]+ reserved"); afree[f] = field($0, "[0-9]+ free")
	}
	END {
		if (tp[1] <= 0 || tp[2] <= 0 || sp[1] <= 0 || sp[2] <= 0 || avail[1] <= 0 || avail[2] <= 0) {
			print "FAIL memmap lines missing"; exit 1
		}
		d = avail[1] - avail[2]
		if (total[1] != total[2]) { print "FAIL physical total " total[1] "K vs " total[2] "K"; exit 1 }
		if (other[1] != other[2]) { print "FAIL Memory: sections differ: " other[1] " vs " other[2]; exit 1 }
		if (resv[2] - resv[1] != d) {
			printf "FAIL Memory: available %dK/%dK but reserved %dK/%dK\n", avail[1], avail[2], resv[1], resv[2]; exit 1
		}
		# Total pages subtracts only the memmap of lowmem zones (Linux does not charge highmem memmap to its zone)
		if ((tp[1] - tp[2]) * 4 > d || tp[1] <= tp[2]) {
			printf "FAIL Total pages differ by %d pages, the memmap by %dK\n", tp[1] - tp[2], d; exit 1
		}
		# spanned x (size difference), each zone rounded up: at most one page per zone more
		want = span[1] * (sp[2] - sp[1]) / 4096
		if (d / 4 < want || d / 4 > want + zones[1] + 1) {
			printf "FAIL memmap pages differ by %d, expected %.1f (+ rounding) for %d spanned pages\n", d / 4, want, span[1]; exit 1
		}
		if (audit[1] != audit[2]) { print "FAIL page audit line in one log only"; exit 1 }
		if (audit[1] && (apfns[1] != apfns[2] || ahole[1] != ahole[2] ||
		    ares[2] - ares[1] != d / 4 || afree[1] - afree[2] != d / 4)) {
			printf "FAIL page audit: reserved %d/%d free %d/%d, memmap differs by %d pages\n", ares[1], ares[2], afree[1], afree[2], d / 4; exit 1
		}
		printf "ok %dK more memmap on the host (struct page %d vs %d bytes), all else equal\n", d, sp[2], sp[1]
	}' "$2" "$3" >"$out/$name.memmap" 2>&1
	if grep -q '^ok ' "$out/$name.memmap"; then
		ok "$name: Memory:/Total pages differ only by the memmap ($(sed 's/^ok //' "$out/$name.memmap"))"
	else
		bad "$name: $(cat "$out/$name.memmap")"
	fi
}

# run_case NAME MEM APPEND [pc|q35]
run_case() {
	name=$1 mem=$2 append=$3 machine=${4:-pc}
	scripts/qemu-run.sh -M "$machine" -m "$mem" -s "$out/$name.kernel.log" -t 120 -- "$img" "$append"
	rc=$?
	if [ $rc -ne 0 ]; then
		bad "$name: the kernel did not boot to the end under QEMU (qemu-run.sh status $rc)"
		return
	fi
	if ! "$sim" --qemu-$machine "$mem" --kernel-image "$vmlinux" --append "$append" --log \
		>"$out/$name.sim.log" 2>"$out/$name.sim.err"; then
		bad "$name: bootmm failed: $(cat "$out/$name.sim.err")"
		return
	fi
	compare "$name" "$out/$name.kernel.log" "$out/$name.sim.log"
}

for f in "$img" "$vmlinux" "$sim"; do
	[ -e "$f" ] || { echo "FAIL 0 - $f missing (make kernel build/host/bootmm)"; exit 1; }
done

# The QEMU boot matrix of issue 4 (16M .. 3.5G), each with its zone,
# node and hole lines, plus variants.
run_case 16M 16M ""
run_case 128M 128M ""
run_case 512M 512M ""
run_case 512M-debug 512M "memblock=debug loglevel=8"
run_case 896M 896M ""
run_case 1G 1G ""
run_case 2G 2G ""
run_case 3G 3G ""
run_case 3584M 3584M ""
run_case 512M-bitmap 512M "bootmem=bitmap"
run_case 3G-bitmap 3G "bootmem=bitmap"
run_case 512M-bitmap-debug 512M "bootmem=bitmap memblock=debug loglevel=8"
run_case 3G-mem 3G "mem=1500M memmap=64M\$256M"
run_case 512M-selftest 512M "mm_selftest mm_audit"
run_case q35-2G 2G "" q35
run_case q35-6G 6G "loglevel=8" q35

echo "sim-vs-kernel: $pass passed, $fail failed" | tee build/results/sim-vs-kernel.txt
[ "$fail" -eq 0 ]
