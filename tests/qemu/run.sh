#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tests/qemu/run.sh [NAME...] - boot bootmm under QEMU in every case of
# tests/qemu/cases and check each serial log line by line.
#
# A case passes when QEMU exits with the expected isa-debug-exit status
# and every check named for it holds:
#   seabios    our "BIOS-e820:" lines == the map SeaBIOS printed on its
#              debug port (0x402), converted to Linux's format
#   ref=FILE   the firmware-dependent lines of a real Linux 6.1 boot
#              (FILE.log: BIOS-e820, "e820: update/remove", last_pfn, the
#              DMA zone, node ranges, Initmem, "pages in unavailable
#              ranges", the physical total of "Memory:", and where
#              "Built 1 zonelists" and "Kernel command line:" come) == ours
#   expect     our map lines (BIOS-*/user:/last_pfn) == tests/qemu/expect/NAME,
#              in order ("? REGEX", an awk ERE, matches a map line whose value depends
#              on the kernel's size); its "+ TEXT" lines must each appear somewhere,
#              and each "~ REGEX" (grep -E) must match some line
#   ktap       the mm_selftest KTAP suites (page allocator, slab) all ok,
#              as many "ok" lines as each plan says
#   audit      "page audit: ok (0 mismatches)" (mm_audit)
#   same=CASE  zone and node lines, "Memory:" and every zone's free pages
#              (mm_show=zoneinfo) == those of CASE (bootmem=bitmap vs memblock)
# Then gdb-debug: make debug's script under gdb in batch mode must stop
# at start_kernel with symbols; and header: check-header.py on the image.
# Cases run two at a time (xargs -P2), each under `timeout`.  Writes
# build/results/qemu.txt ("qemu: N passed, N failed") and prints how long
# the 512M boot took from QEMU's start to the end of setup_arch.
set -u
cd "$(dirname "$0")/../.." || exit 1
TOP=$PWD
OUT=$TOP/build/qemu-tests
# Real Linux logs: the team's full copies if present, else the extracts
# kept in the tree (the lines compared here, nothing else).
REF=${BOOTMM_REFERENCE:-$TOP/../shared/reference}
[ -d "$REF" ] || REF=$TOP/tests/data/reference
IMG=$TOP/build/x86/bootmm.img
CASES=$TOP/tests/qemu/cases
PREFIX_RE='^\[ *[0-9]+\.[0-9]+\] '

# The lines a check compares, without printk's "[    0.000000] " prefix.
log_lines() {		# log_lines LOG EREGEX
	sed -E "s/$PREFIX_RE//" "$1" | tr -d '\r' | grep -E "$2"
}

map_re='^((BIOS-(e820|e801|88)|user|extended): \[mem |last_pfn = )'
ref_re='^(BIOS-e820: |e820: (update|remove) |last_pfn = |  DMA  |  node   0: |Initmem setup node |On node 0, zone |Built 1 zonelists|Kernel command line:|Memory: )'

# ref_re's lines as compared: "Memory:" keeps only the physical total
# (the rest depends on the kernel's size and struct page); "Built 1
# zonelists" and "Kernel command line:" keep only their words (the page
# total and the options differ), so that their order is compared; against a PAE
# log, last_pfn's max_arch_pfn is dropped (PAE addresses 64 GiB, 1 << 24
# pages; bootmm is non-PAE, 1 << 20), the rest must be the same.  Against
# an amd64 log only the firmware's map and setup_arch's edits of it are
# compared (zones, nodes and totals differ by architecture: DMA32, RAM
# above 4 GiB), without the AMD HyperTransport hole that
# qemu-system-x86_64 adds at 0xfd00000000 and qemu-system-i386 does not.
ref_lines() {		# ref_lines LOG REFNAME
	local arch='s/ max_arch_pfn = .*//'
	case $2 in
	amd64*)
		log_lines "$1" '^(BIOS-e820: |e820: (update|remove) )' |
			grep -vxF 'BIOS-e820: [mem 0x000000fd00000000-0x000000ffffffffff] reserved'
		return ;;
	*pae*) ;;
	*) arch='' ;;
	esac
	log_lines "$1" "$ref_re" |
		sed -E -e 's/^Memory: [0-9]+K\/([0-9]+)K available.*/Memory: physical total \1K/' \
			-e 's/^(Built 1 zonelists|Kernel command line:).*/\1/' -e "$arch"
}

# SeaBIOS's "  3: 0000000000100000 - 0000000007fe0000 = 1 RAM" -> Linux's line.
seabios_map() {
	local start end type name
	awk '/e820 map has [0-9]+ items/ { n = 0; delete m; inmap = 1; next }
	     inmap && /^ +[0-9]+: / { m[n++] = $0; next }
	     { inmap = 0 }
	     END { for (i = 0; i < n; i++) print m[i] }' "$1" |
	while read -r _ start _ end _ type name; do
		case $type in
		1) name=usable ;; 2) name=reserved ;; 3) name="ACPI data" ;;
		4) name="ACPI NVS" ;; 5) name=unusable ;; *) name="type $type" ;;
		esac
		printf 'BIOS-e820: [mem 0x%s-0x%016x] %s\n' "$start" $((0x$end - 1)) "$name"
	done
}

# KTAP from the self-tests (mm_selftest): every suite's "ok" lines must
# number exactly its plan ("1..N"), no "not ok" anywhere, and both the
# page allocator's and slab's suites must have run.  Prints what is wrong.
ktap_check() {		# ktap_check LOG
	log_lines "$1" "" | awk '
	function close_suite() {
		if (insuite && oks != plan) { print "  KTAP suite " nsuite ": " oks " ok lines for plan 1.." plan; bad = 1 }
	}
	/^KTAP version 1$/ { close_suite(); insuite = 1; nsuite++; plan = -1; oks = 0; next }
	insuite && /^1\.\.[0-9]+$/ { plan = substr($0, 4) + 0; next }
	/^not ok / { print "  " $0; bad = 1; next }
	insuite && /^ok [0-9]+ / { oks++; next }
	/^# page_alloc: [0-9]+ tests, 0 failed$/ { pa = 1 }
	/^# slab: [0-9]+ tests, 0 failed$/ { sl = 1 }
	END {
		close_suite()
		if (!pa) { print "  no \"# page_alloc: N tests, 0 failed\" line"; bad = 1 }
		if (!sl) { print "  no \"# slab: N tests, 0 failed\" line"; bad = 1 }
		exit bad
	}'
}

# What must not depend on the early allocator (issue 6): the zone and
# node lines, the "Memory:" line, and each zone's free pages after
# mem_init (mm_show=zoneinfo, printed after the self-tests, which check
# that every free count is back at its boot value).
alloc_lines() {		# alloc_lines LOG
	log_lines "$1" '' | awk '
	/^(Zone ranges:|  (DMA|Normal|HighMem) +(\[mem|empty)|Early memory node ranges|  node   0: |Initmem setup node |On node 0, zone |Memory: )/ { print; next }
	/^Node 0, zone +[A-Za-z]+$/ { zone = $4; next }
	zone != "" && /^  pages free / { print "zone " zone ": pages free " $3; zone = "" }'
}

# An expect file's map lines against ours, in order: a plain line must be
# equal, a "? REGEX" line must match (grep -E) the line in its place (for
# a value that depends on the kernel's own size).  Prints a diff.
map_match() {		# map_match EXPECT OURS
	awk -v ours="$2" '
	/^(\+ |~ |#)/ { next }
	{ want[n++] = $0 }
	END {
		while ((getline line < ours) > 0) got[m++] = line
		for (i = 0; i < n || i < m; i++) {
			w = want[i]; g = got[i]
			if (w ~ /^\? /) same = (i < m && g ~ substr(w, 3))
			else same = (i < n && i < m && w == g)
			if (!same) {
				if (i < n) print "< " w
				if (i < m) print "> " g
				bad = 1
			}
		}
		exit bad
	}' "$1"
}

# One case: NAME|QEMU-RUN OPTIONS|IMAGE|APPEND|STATUS|CHECKS
run_case() {
	local line=$1 name opts image append status checks log sb rc want got c ok=1 t0 secs
	IFS='|' read -r name opts image append status checks <<<"$line"
	log=$OUT/$name.log sb=$OUT/$name.seabios
	case $image in
	img) image=$IMG ;;
	badsig) image=$OUT/badsig.img ;;
	*) image=$OUT/$image.iso ;;
	esac
	t0=$(date +%s%N)
	# shellcheck disable=SC2086
	"$TOP/scripts/qemu-run.sh" -t 120 $opts -s "$log" -d "$sb" -- "$image" "$append" 2>"$OUT/$name.stderr"
	rc=$?
	secs=$(( ($(date +%s%N) - t0) / 100000000 ))
	secs="$((secs / 10)).$((secs % 10)) s"
	touch "$OUT/$name.done"
	case $status in
	pass) want=0 ;; panic) want=1 ;; fault) want=2 ;; halt) want=3 ;;
	*) want=-1 ;;
	esac
	msgs=""
	if [ "$rc" -ne "$want" ]; then
		msgs="$msgs\n  exit status $rc, expected $want (0 pass, 1 panic, 2 CPU exception, 3 hang/crash/timeout)"
		ok=0
	fi
	for c in ${checks//,/ }; do
		case $c in
		seabios)
			diff <(seabios_map "$sb") <(log_lines "$log" '^BIOS-e820: ') >"$OUT/$name.diff" ||
				{ ok=0; msgs="$msgs\n  map differs from SeaBIOS's (< SeaBIOS, > ours):\n$(sed 's/^/    /' "$OUT/$name.diff")"; } ;;
		ref=*)
			diff <(ref_lines "$REF/${c#ref=}.log" "${c#ref=}") <(ref_lines "$log" "${c#ref=}") >"$OUT/$name.diff" ||
				{ ok=0; msgs="$msgs\n  differs from ${c#ref=}.log (< Linux, > ours):\n$(sed 's/^/    /' "$OUT/$name.diff")"; } ;;
		expect)
			map_match "tests/qemu/expect/$name" <(log_lines "$log" "$map_re") >"$OUT/$name.diff" ||
				{ ok=0; msgs="$msgs\n  map differs from tests/qemu/expect/$name (< expected, > ours):\n$(sed 's/^/    /' "$OUT/$name.diff")"; }
			while IFS= read -r want_line; do
				log_lines "$log" "" | grep -qxF -- "$want_line" ||
					{ ok=0; msgs="$msgs\n  missing line: $want_line"; }
			done < <(sed -n 's/^+ //p' "tests/qemu/expect/$name")
			while IFS= read -r want_line; do
				log_lines "$log" "" | grep -qE -- "$want_line" ||
					{ ok=0; msgs="$msgs\n  no line matches: $want_line"; }
			done < <(sed -n 's/^~ //p' "tests/qemu/expect/$name") ;;
		ktap)
			got=$(ktap_check "$log") ||
				{ ok=0; msgs="$msgs\n  self-tests (KTAP) failed:\n$got"; } ;;
		audit)
			log_lines "$log" "" | grep -qxF "page audit: ok (0 mismatches)" ||
				{ ok=0; msgs="$msgs\n  no \"page audit: ok (0 mismatches)\""; } ;;
		same=*)
			# The other case runs in the other slot: wait for its boot.
			case " $SELECTED " in
			*" ${c#same=} "*)
				for _ in $(seq 300); do [ -e "$OUT/${c#same=}.done" ] && break; sleep 0.5; done ;;
			*) rm -f "$OUT/${c#same=}.log" ;;	# not run this time: no stale log
			esac
			if [ ! -e "$OUT/${c#same=}.log" ]; then
				ok=0; msgs="$msgs\n  ${c#same=} was not booted (name it too)"
			elif [ -z "$(alloc_lines "$OUT/${c#same=}.log")" ]; then
				ok=0; msgs="$msgs\n  no zone/Memory: lines in ${c#same=}.log"
			else
				diff <(alloc_lines "$OUT/${c#same=}.log") <(alloc_lines "$log") >"$OUT/$name.diff" ||
					{ ok=0; msgs="$msgs\n  zones/free pages/Memory: differ from ${c#same=} (< ${c#same=}, > ours):\n$(sed 's/^/    /' "$OUT/$name.diff")"; }
			fi ;;
		*) ok=0; msgs="$msgs\n  unknown check $c" ;;
		esac
	done
	if [ $ok = 1 ]; then
		echo "ok   $name ($secs)"
	else
		echo -e "FAIL $name ($secs, log: ${log#$TOP/})$msgs"
	fi
}

# make debug's command: QEMU stopped (-S) with a gdb stub, gdb loading
# build/x86/vmlinux.  In batch mode gdb must stop at a hardware
# breakpoint on start_kernel, resolve it to init/main.c, and show the
# call chain from head_32.S (startup_32 -> i386_start_kernel).
debug_case() {
	local cmds=$OUT/gdb-debug.cmd log=$OUT/gdb-debug.log
	if ! command -v gdb >/dev/null; then
		echo "skip gdb-debug (gdb is not installed: apt-get install gdb)"
		return
	fi
	printf '%s\n' "hbreak start_kernel" "continue" "bt" "kill" > "$cmds"
	timeout 60 "$TOP/scripts/qemu-debug.sh" -p $((20000 + $$ % 10000)) -x "$cmds" \
		"$IMG" "$TOP/build/x86/vmlinux" 128M "" >"$log" 2>&1
	if grep -q '^Breakpoint 1, start_kernel () at init/main.c' "$log" &&
	   grep -q 'in i386_start_kernel () at arch/x86/kernel/head32.c' "$log" &&
	   grep -q 'in startup_32 ()' "$log"; then
		echo "ok   gdb-debug"
	else
		echo -e "FAIL gdb-debug (log: ${log#$TOP/})\n  gdb did not stop at start_kernel with symbols"
	fi
}

# How long a 512M boot takes to get through setup_arch (the first line
# start_kernel prints after it), from QEMU's start, measured on the host.
time_setup_arch() {
	local t0 t1 line
	t0=$(date +%s%N)
	while IFS= read -r line; do
		case $line in
		*"Kernel command line:"*) t1=$(date +%s%N); break ;;
		esac
	done < <("$TOP/scripts/qemu-run.sh" -m 512M -t 60 -- "$IMG" "" 2>/dev/null)
	[ -n "${t1:-}" ] && echo "qemu: QEMU start to end of setup_arch (512M, TCG): $(( (t1 - t0) / 1000000 )) ms"
}

mkdir -p "$OUT" build/results
rm -f "$OUT"/*.done
export -f run_case log_lines seabios_map ref_lines ktap_check alloc_lines map_match
export TOP OUT REF IMG PREFIX_RE map_re ref_re

# GRUB ISOs: "iso NAME ENTRY APPEND" lines of the case file.
grep '^iso ' "$CASES" | while read -r _ iso entry append; do
	TIMEOUT=0 "$TOP/scripts/qemu-mkiso.sh" "$IMG" "$OUT/$iso.iso" "$append" "${entry//_/ }" || exit 1
done || { echo "qemu: 0 passed, 1 failed" | tee build/results/qemu.txt; exit 1; }

# A broken image: setup_sects one too small, so the loader leaves out the
# setup's last sector and its signature (the badsig case).
cp "$IMG" "$OUT/badsig.img"
sects=$(od -An -tu1 -j $((0x1f1)) -N1 "$IMG" | tr -d ' ')
printf "$(printf '\\%03o' $((sects - 1)))" | dd of="$OUT/badsig.img" bs=1 seek=$((0x1f1)) conv=notrunc 2>/dev/null

# An initrd for the initrd case: 100000 bytes (not a page multiple).
head -c 100000 /dev/zero | tr '\0' 'i' > "$OUT/initrd.bin"

select_cases() {
	grep -vE '^(#|iso |$)' "$CASES" |
		if [ $# -gt 0 ]; then grep -E "^($(IFS='|'; echo "$*"))\|"; else cat; fi
}
SELECTED=$(select_cases "$@" | cut -d'|' -f1 | tr '\n' ' ')
export SELECTED

start=$(date +%s)
select_cases "$@" | tr '\n' '\0' | xargs -0 -P2 -I{} bash -c 'run_case "$1"' _ {} | tee "$OUT/summary.txt"
if [ $# -eq 0 ]; then
	debug_case | tee -a "$OUT/summary.txt"
	# The image's boot protocol header, field by field (GRUB trusts them).
	if got=$(python3 tests/qemu/check-header.py "$IMG"); then
		echo "ok   header" | tee -a "$OUT/summary.txt"
	else
		echo -e "FAIL header\n$got" | tee -a "$OUT/summary.txt"
	fi
fi
pass=$(grep -c '^ok ' "$OUT/summary.txt")
fail=$(grep -c '^FAIL ' "$OUT/summary.txt")
echo "qemu: boots took $(( $(date +%s) - start )) s in all"
time_setup_arch
skip=$(grep -c '^skip ' "$OUT/summary.txt")
skipped=""
[ "$skip" -gt 0 ] && skipped=", $skip skipped"
echo "qemu: $pass passed, $fail failed$skipped" | tee build/results/qemu.txt
[ "$fail" -eq 0 ]
