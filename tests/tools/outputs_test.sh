#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# outputs_test.sh - bootmm's outputs and command line as a user meets them:
# --json parses and has every part issue 7 lists; /proc and debugfs dumps
# in Linux's formats; --svg is well-formed XML and --html embeds it;
# odd file names stay valid JSON/XML; --explain names each step's
# functions; --lint finds each kind of firmware-map problem and only notes
# what every PC has; real log files (no timestamps, CRLF, NULs, long
# lines) read as the original; a laptop's sysfs tree boots right; each
# bad command line gets one clear line and the documented exit status; a
# panic keeps stdout clean under --json, and --json refuses the other
# stdout outputs (exit 2); an oversized x86_64 map is
# refused up front; --help, the man page and the option table agree;
# `make install` installs the binary and the man page; this machine's
# /sys/firmware/memmap boots and gives the zone and node lines its own
# kernel printed (when dmesg shows them).
# Prints "ok N - ..." / "FAIL N - ..." (scripts/run-scripts.sh).
set -u
cd "$(dirname "$0")/../.."
sim=build/host/bootmm
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 fail=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL $n - $*"; }
check() {	# DESCRIPTION COMMAND...: ok if the command succeeds
	d=$1; shift
	if "$@" >"$tmp/check.out" 2>&1; then ok "$d"; else bad "$d"; head -20 "$tmp/check.out"; fi
}
[ -x "$sim" ] || { echo "FAIL 0 - $sim missing"; exit 1; }

# --json: valid JSON with the firmware map, both e820 tables, memblock,
# zones (spanned/present/managed, watermarks, lowmem_reserve, free lists).
"$sim" --qemu-pc 3G --json >"$tmp/i386.json" 2>/dev/null
"$sim" --qemu-pc 4G --arch x86_64 --json >"$tmp/x86_64.json" 2>/dev/null
for a in i386 x86_64; do
	check "--json ($a) is valid JSON (python3 -m json.tool)" python3 -m json.tool "$tmp/$a.json"
	check "--json ($a) has firmware, e820, memblock, zones with watermarks and free lists" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
want_zones = {"i386": ["DMA", "Normal", "HighMem"], "x86_64": ["DMA", "DMA32", "Normal"]}[sys.argv[2]]
assert d["arch"] == sys.argv[2]
for k in ("firmware", "e820_firmware", "e820"):
    assert d[k] and all({"addr", "size", "type", "name"} <= set(e) for e in d[k]), k
assert d["memblock"]["memory"] and d["memblock"]["reserved"]
names = [z["name"] for z in d["zones"] if z["present"]]
assert names == want_zones, names
for z in d["zones"]:
    assert z["present"] <= z["spanned"] and z["managed"] <= z["present"] and z["free"] <= z["managed"], z["name"]
    w = z["watermarks"]; assert w["min"] <= w["low"] <= w["high"], z["name"]
    assert len(z["free_area"]) == 11 and len(z["lowmem_reserve"]) >= 3
    assert sum(c << o for o, c in enumerate(z["free_area"])) <= z["free"] + 1024, z["name"]
mem = sum(r["size"] for r in d["memblock"]["memory"])
assert abs(mem - sum(z["present"] for z in d["zones"]) * 4096) < 4096 * 4, "memblock vs present"
' "$tmp/$a.json" "$a"
done

# /proc/buddyinfo: "Node 0, zone      DMA" and 11 counts.
"$sim" --qemu-pc 512M --buddyinfo >"$tmp/buddyinfo" 2>/dev/null
check "--buddyinfo in /proc/buddyinfo format" sh -c "
	grep -qE '^Node 0, zone +DMA( +[0-9]+){11} *\$' '$tmp/buddyinfo' &&
	grep -qE '^Node 0, zone +Normal( +[0-9]+){11} *\$' '$tmp/buddyinfo' &&
	! grep -vqE '^Node 0, zone +[A-Za-z0-9]+( +[0-9]+){11} *\$' '$tmp/buddyinfo'"
# /proc/zoneinfo: per zone "pages free", min/low/high, spanned/present/managed, protection.
"$sim" --qemu-pc 512M --zoneinfo >"$tmp/zoneinfo" 2>/dev/null
check "--zoneinfo in /proc/zoneinfo format" sh -c "
	grep -qE '^Node 0, zone +DMA\$' '$tmp/zoneinfo' &&
	for k in 'pages free +[0-9]+' 'min +[0-9]+' 'low +[0-9]+' 'high +[0-9]+' 'spanned +[0-9]+' \
		 'present +[0-9]+' 'managed +[0-9]+' 'protection: \\([0-9, ]+\\)' 'start_pfn: +[0-9]+'; do
		grep -qE \"^ +\$k\\\$\" '$tmp/zoneinfo' || { echo \"no \$k\"; exit 1; }; done"
# /proc/slabinfo: version line, header, one line per cache with ": tunables" and ": slabdata".
"$sim" --qemu-pc 512M --slabinfo >"$tmp/slabinfo" 2>/dev/null
check "--slabinfo in /proc/slabinfo format" sh -c "
	head -1 '$tmp/slabinfo' | grep -qx 'slabinfo - version: 2.1' &&
	sed -n 2p '$tmp/slabinfo' | grep -q '^# name  *<active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>' &&
	grep -qE '^kmalloc-64 +[0-9]+ +[0-9]+ +64 +[0-9]+ +[0-9]+ : tunables +0 +0 +0 : slabdata +[0-9]+ +[0-9]+ +0\$' '$tmp/slabinfo'"
# debugfs memblock: "   N: 0x%016llx..0x%016llx  NID FLAGS".
"$sim" --qemu-pc 512M --memblock >"$tmp/memblock" 2>/dev/null
check "--memblock in debugfs memblock/{memory,reserved} format" sh -c "
	grep -qx '/sys/kernel/debug/memblock/memory:' '$tmp/memblock' &&
	grep -qx '/sys/kernel/debug/memblock/reserved:' '$tmp/memblock' &&
	grep -qE '^ +0: 0x0000000000001000\\.\\.0x000000000009efff +0 NONE\$' '$tmp/memblock' &&
	! grep -v '^/sys' '$tmp/memblock' | grep -vqE '^ +[0-9]+: 0x[0-9a-f]{16}\\.\\.0x[0-9a-f]{16} +([0-9]+|x) [A-Z_ ]+\$'"

# --svg / --html: well-formed, the first MiB and 1 TiB maps both drawn with labels.
printf '0 0x9fc00 usable\n0x9fc00 0xa0000 reserved\n0xf0000 0x100000 reserved\n1M 1G usable\n1T +4G usable\n' >"$tmp/hole.e820"
"$sim" --qemu-pc 512M --svg "$tmp/a.svg" --html "$tmp/a.html" >/dev/null 2>&1
"$sim" --e820 "$tmp/hole.e820" --arch x86_64 --svg "$tmp/b.svg" >/dev/null 2>&1
check "--svg is well-formed SVG with an address label per row (512M and a 1 TiB hole map)" python3 -c '
import sys, xml.etree.ElementTree as ET
for path, want in ((sys.argv[1], ["0x0000000000000000", "0x00000000000f0000", "0x0000000000100000", "0x0000000100000000  end of the map"]),
                   (sys.argv[2], ["0x0000010000000000", "1020 GiB  hole"])):
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg"), root.tag
    texts = [t.text or "" for t in root.iter() if t.tag.endswith("text")]
    for w in want:
        assert any(w in t for t in texts), (path, w)
' "$tmp/a.svg" "$tmp/b.svg"
check "--html embeds the picture, the zone table and the lint" sh -c "
	grep -q '<svg' '$tmp/a.html' && grep -q '<table' '$tmp/a.html' && grep -q 'unaligned-ram' '$tmp/a.html'"

# A file name with XML and JSON specials, a control byte, a byte that is
# not UTF-8, and Chinese: the JSON parses (the name escaped, U+FFFD for the
# bad byte), the SVG and HTML are well-formed, the Chinese kept.
odd=$(printf '%s/m&<a>"\\\001\377-内存.e820' "$tmp")
cp tests/data/qemu-seabios-128M.e820 "$odd"
"$sim" "$odd" --json --svg "$tmp/odd.svg" --html "$tmp/odd.html" >"$tmp/odd.json" 2>/dev/null
check "an odd file name (specials, control and non-UTF-8 bytes, Chinese): valid JSON, SVG and HTML" python3 -c '
import json, sys, xml.dom.minidom
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["source"].endswith("m&<a>\"\\\x01\ufffd-内存.e820"), d["source"]
xml.dom.minidom.parse(sys.argv[2])
assert "m&amp;&lt;a&gt;&quot;\\??-内存.e820" in open(sys.argv[3], encoding="utf-8").read()
' "$tmp/odd.json" "$tmp/odd.svg" "$tmp/odd.html"

# A map the kernel cannot boot (no RAM): exit 1; the log up to the panic
# on stdout by default, but on stderr with --json (stdout stays JSON or empty).
printf '0 +1G reserved\n' >"$tmp/noram.e820"
"$sim" "$tmp/noram.e820" >"$tmp/noram.out" 2>"$tmp/noram.err"; r1=$?
"$sim" "$tmp/noram.e820" --json >"$tmp/noram.json" 2>"$tmp/noram.jerr"; r2=$?
check "a panicking boot: exit 1, its log on stdout, or on stderr under --json" sh -c "
	[ $r1 -eq 1 ] && grep -q 'Kernel panic' '$tmp/noram.out' && grep -q 'panicked' '$tmp/noram.err' &&
	[ $r2 -eq 1 ] && [ ! -s '$tmp/noram.json' ] && grep -q 'Kernel panic' '$tmp/noram.jerr'"

# --json keeps stdout one JSON document: each text output with it is a
# usage error naming that option (exit 2, nothing on stdout); --stats
# (stderr), --svg and --html (files) go with it.
for o in --log --explain --zoneinfo --buddyinfo --slabinfo --memblock; do
	"$sim" --qemu-pc 64M --json "$o" >"$tmp/mix.out" 2>"$tmp/mix.err"
	rc=$?
	[ $rc -eq 2 ] && [ ! -s "$tmp/mix.out" ] &&
		head -1 "$tmp/mix.err" | grep -qF -- "bootmm: --json and $o: --json keeps standard output one JSON document" ||
		{ echo "bootmm --json $o: exit $rc, stdout $(wc -c <"$tmp/mix.out") bytes, stderr:"; cat "$tmp/mix.err"; }
done >"$tmp/mix"
"$sim" --qemu-pc 64M --zoneinfo --json >/dev/null 2>&1 && echo "--zoneinfo --json (other order) accepted" >>"$tmp/mix"
"$sim" --qemu-pc 64M --json --stats --svg "$tmp/mix.svg" >"$tmp/mix.json" 2>"$tmp/mix.err" &&
	python3 -m json.tool "$tmp/mix.json" >/dev/null && grep -q 'peak RSS' "$tmp/mix.err" && [ -s "$tmp/mix.svg" ] ||
	echo "--json --stats --svg: stdout not pure JSON, or no stats/SVG" >>"$tmp/mix"
check "--json with --log/--explain/--zoneinfo/--buddyinfo/--slabinfo/--memblock: exit 2 naming it, stdout empty; with --stats/--svg stdout is JSON" sh -c "! grep . '$tmp/mix' >&2"

# x86_64 RAM whose memmap cannot fit in this host (60 TiB: 720 GiB of
# struct pages): refused up front with the figures and the way out
# (mem=), not killed by the OOM killer halfway.
avail_kb=$(sed -n 's/^MemAvailable: *\([0-9]*\) kB/\1/p' /proc/meminfo)
if [ -n "$avail_kb" ] && [ "$avail_kb" -lt $((700 << 20)) ]; then
	printf '0 0x9fc00 usable\n1M +60T usable\n' >"$tmp/60t.e820"
	"$sim" "$tmp/60t.e820" --arch x86_64 >/dev/null 2>"$tmp/60t.err"; r=$?
	check "a 60 TiB x86_64 map on a smaller host: exit 1 before booting, naming the memmap's size and mem=" sh -c "
		[ $r -eq 1 ] && grep -q 'memmap needs about 720 GiB of host memory .*--append mem=SIZE' '$tmp/60t.err'"
else
	ok "a host with 700 GiB free: the oversized-map refusal is not tested (skipped)"
fi

# x86_64 RAM at 1 PiB, past MAX_PHYSMEM_BITS (46): not refused as too
# big, no memmap for it (Linux's memory_present() warns and drops it), so
# the hole after DMA32 is only the rest of its section; the audit balances.
printf '0 0x9fc00 usable\n1M +1G usable\n1P +1G usable\n' >"$tmp/1p.e820"
check "x86_64 RAM at 1 PiB: a WARNING, no memmap, 32512 pages in the DMA32 tail hole, audit ok" sh -c "
	'$sim' '$tmp/1p.e820' --arch x86_64 --append mm_audit >'$tmp/1p.log' 2>&1 &&
	grep -q 'WARNING: at mm/mm_init.c:' '$tmp/1p.log' &&
	grep -q 'On node 0, zone DMA32: 32512 pages in unavailable ranges\$' '$tmp/1p.log' &&
	grep -q 'page audit: ok' '$tmp/1p.log'"

# A real log as users have it: timestamps stripped, CRLF line ends, a
# 3000-byte line, syslog's NUL padding: the same boot as the original.
ref=tests/data/reference/amd64-4G.log
{ printf '\0\0\0\n'; head -c 3000 /dev/zero | tr '\0' x; echo; sed 's/^\[[ 0-9.]*\] //; s/$/\r/' "$ref"; } >"$tmp/mangled.log"
"$sim" --dmesg "$ref" --log >"$tmp/ref.out" 2>&1
"$sim" --dmesg "$tmp/mangled.log" --log >"$tmp/mangled.out" 2>&1
"$sim" "$tmp/mangled.log" --log >"$tmp/mangled-auto.out" 2>&1
check "a log without timestamps, with CRLF, a long line and NUL padding boots as the original (--dmesg and recognised as a log)" sh -c "
	cmp '$tmp/ref.out' '$tmp/mangled.out' && cmp '$tmp/ref.out' '$tmp/mangled-auto.out'"

# --explain: every step, named by its functions, with this run's figures.
"$sim" --qemu-pc 512M --explain >"$tmp/explain" 2>/dev/null
check "--explain names each step's functions" sh -c "
	for f in detect_memory_e820 e820__memory_setup sanitize_e820_map trim_bios_range find_max_pfn \
		 e820__memblock_setup memblock_reserve free_area_init memblock_free_all free_all_bootmem \
		 kmem_cache_init 'This run: max_pfn 0x1ffe0'; do
		grep -q \"\$f\" '$tmp/explain' || { echo \"missing \$f\"; exit 1; }; done"

# --lint: each kind, with its line, and exit status 3.
cat >"$tmp/lint.e820" <<'EOF'
1M 64M usable
0 0x9fc00 usable
0x9fc00 0xa0000 reserved
0xa0000 0xc0000 usable
32M 40M reserved
0x5000000 0x5000000 usable
0x6000800 0x7000000 usable
alt_mem_k 900000
EOF
"$sim" --e820 "$tmp/lint.e820" --lint >"$tmp/lint" 2>&1
rc=$?
check "--lint: exit 3 and unsorted, unaligned, RAM in the hole, zero-length, overlap, E801 findings by line; RAM ending at the EBDA a note" sh -c "
	[ $rc -eq 3 ] &&
	grep -q 'lint.e820:2: unsorted' '$tmp/lint' && grep -q 'lint.e820:2: unaligned-ram (note)' '$tmp/lint' &&
	grep -q 'lint.e820:4: ram-in-bios-hole' '$tmp/lint' && grep -q 'lint.e820:6: zero-length' '$tmp/lint' &&
	grep -q 'lint.e820:7: unaligned-ram: .* starts inside a page: 2048 bytes' '$tmp/lint' &&
	grep -q 'lint.e820:5: overlap' '$tmp/lint' &&
	grep -q 'suspicious-e801' '$tmp/lint' && grep -q '^6 findings (1 note)' '$tmp/lint'"
check "--lint of a clean map: exit 0" sh -c "
	printf '0 0x9f000 usable\n1M 512M usable\n' >'$tmp/clean.e820'; '$sim' --e820 '$tmp/clean.e820' --lint"
check "--lint of SeaBIOS's and the seeds' maps (RAM ending at the EBDA): a note, exit 0; the boot warns of nothing" sh -c "
	'$sim' --qemu-q35 2G --lint | grep -q '^no findings: the map is clean (1 note)' &&
	'$sim' tests/data/overlapping-bios.e820 --lint >/dev/null; [ \$? -eq 3 ] &&
	printf ' BIOS-e820: 0000000000000000 - 000000000009f800 (usable)\n BIOS-e820: 0000000000100000 - 0000000008000000 (usable)\n' >'$tmp/seed.log' &&
	'$sim' '$tmp/seed.log' --lint >/dev/null &&
	'$sim' --qemu-pc 64M --log 2>&1 >/dev/null | { ! grep -q finding; }"
check "a bare PATH before the options (the synopsis' order), and tests/data's tables read as --e820 tables: SeaBIOS's 1G map boots as --qemu-pc 1G does" sh -c "
	'$sim' tests/data/qemu-seabios-1G.e820 --log >'$tmp/t1g' 2>&1 && '$sim' --qemu-pc 1G --log >'$tmp/q1g' 2>&1 &&
	cmp '$tmp/t1g' '$tmp/q1g' && '$sim' - --lint <tests/data/qemu-seabios-2G.e820 >/dev/null"

# Errors: exit 1 naming the input, exit 2 for usage.
"$sim" --e820 "$tmp/nope" >/dev/null 2>"$tmp/err1"; r1=$?
printf '0 1M usable\n1M 2M bogus\n' >"$tmp/bad.e820"
"$sim" --e820 "$tmp/bad.e820" >/dev/null 2>"$tmp/err2"; r2=$?
"$sim" --qemu-pc 12X >/dev/null 2>"$tmp/err3"; r3=$?
"$sim" --frobnicate >/dev/null 2>"$tmp/err4"; r4=$?
"$sim" >/dev/null 2>"$tmp/err5"; r5=$?
check "bad input exits 1 naming file:line, bad usage exits 2" sh -c "
	[ $r1 -eq 1 ] && grep -q 'nope' '$tmp/err1' &&
	[ $r2 -eq 1 ] && grep -q 'bad.e820:2: unknown type \"bogus\"' '$tmp/err2' &&
	[ $r3 -eq 1 ] && grep -q 'bad size \"12X\"' '$tmp/err3' &&
	[ $r4 -eq 2 ] && [ $r5 -eq 2 ] && grep -q 'no input' '$tmp/err5'"

# Each bad command line: one clear line naming the culprit, then the
# --help hint; exit 2 for usage, 1 for input and output files.
err_case() {	# EXIT WANT ARGS...: bootmm ARGS exits EXIT, its first stderr line has WANT
	want_rc=$1 want=$2; shift 2
	"$sim" "$@" >/dev/null 2>"$tmp/e"; rc=$?
	[ $rc -eq "$want_rc" ] && head -1 "$tmp/e" | grep -qF -- "$want" && ! grep -q 'Sanitizer\|runtime error' "$tmp/e" ||
		{ echo "bootmm $*: exit $rc, stderr:"; cat "$tmp/e"; }
}
mkdir "$tmp/dir" && : >"$tmp/empty"
{
	err_case 2 'bootmm: --dmesg: missing argument' --qemu-pc 1G --dmesg
	err_case 2 'bootmm: --json=1: this option takes no argument' --qemu-pc 1G --json=1
	err_case 2 'bootmm: --frob: unknown option' --qemu-pc 1G --frob
	err_case 2 'bootmm: unknown option -x' -x
	err_case 2 'bootmm: --lint checks the firmware map without booting: it takes only --json' --qemu-pc 1G --lint --svg "$tmp/x.svg"
	err_case 1 "bootmm: $tmp/dir: is a directory (a /sys/firmware/memmap copy? use --memmap)" --e820 "$tmp/dir"
	err_case 1 "bootmm: $tmp/dir: no numbered entries" "$tmp/dir"
	err_case 1 "bootmm: $tmp/empty: Not a directory" --memmap "$tmp/empty"
	err_case 1 "bootmm: $tmp/empty: no entries" "$tmp/empty"
	err_case 1 "bootmm: $tmp/empty: no \"BIOS-e820:\" lines" --dmesg "$tmp/empty"
	err_case 1 "bootmm: $tmp/dir/no/x.svg: No such file or directory" --qemu-pc 64M --svg "$tmp/dir/no/x.svg"
} >"$tmp/errs"
check "usage and file errors: each names the culprit in one line" sh -c "! grep . '$tmp/errs' >&2"

# --help, man page and the option table list the same long options.
"$sim" --help >"$tmp/help"
grep -oE -- '--[a-z][a-z0-9-]*' "$tmp/help" | sort -u >"$tmp/help.opts"
sed 's/\\-/-/g' tools/bootmm/bootmm.1 | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u >"$tmp/man.opts"
sed -n 's/^	{ "\([a-z0-9-]*\)",.*/--\1/p' tools/bootmm/options.c | sort -u >"$tmp/table.opts"
check "--help lists every option in the option table" sh -c "comm -13 '$tmp/help.opts' '$tmp/table.opts' | { ! grep .; }"
check "the man page lists every option --help lists, and no other" diff "$tmp/help.opts" "$tmp/man.opts"
check "the man page renders without warnings" sh -c "
	! command -v groff >/dev/null || groff -man -Tutf8 -ww tools/bootmm/bootmm.1 2>&1 >/dev/null | { ! grep .; }"

# One release number: bootmm --version, the man page and the kernel's
# banner all carry include/linux/utsrelease.h's UTS_RELEASE.
release=$(sed -n 's/^#define UTS_RELEASE[[:space:]]*"\(.*\)"$/\1/p' include/linux/utsrelease.h)
check "bootmm --version, the man page and the boot banner say release $release" sh -c "
	[ -n '$release' ] && \"$sim\" --version | grep -q '^bootmm $release ' &&
	grep -q '^\.TH BOOTMM 1 .* \"bootmm $release\"' tools/bootmm/bootmm.1 &&
	\"$sim\" --qemu-pc 64M | grep -q 'bootmm version $release '"

# make install PREFIX=...: the binary and the man page.
check "make install PREFIX=DIR installs bin/bootmm and share/man/man1/bootmm.1" sh -c "
	make --no-print-directory -s install PREFIX='$tmp/prefix' >/dev/null &&
	[ -x '$tmp/prefix/bin/bootmm' ] && cmp -s tools/bootmm/bootmm.1 '$tmp/prefix/share/man/man1/bootmm.1' &&
	'$tmp/prefix/bin/bootmm' --version | grep -q '^bootmm '"

# A laptop's /sys/firmware/memmap (sysfs names, inclusive ends, an
# "Unknown E820 type", ACPI tables and NVS, RAM above 4 GiB, a type 7
# PMEM range): x86_64 by default, types as Linux prints them, the memmap
# holes SPARSEMEM counts (0x8dd00..0x90000 in Normal: 8960 pages; the
# tail to the 128 MiB section: 8192; in the picture, the 288 MiB hole
# above RAM has memmap only in RAM's last section), no finding, and the
# unknown type a note naming its entry.
i=0
while read -r a b c; do
	mkdir -p "$tmp/lap/$i" && echo "$a" >"$tmp/lap/$i/start" && echo "$b" >"$tmp/lap/$i/end" &&
	echo "$c" >"$tmp/lap/$i/type"; i=$((i + 1))
done <<'EOF'
0x0 0x9efff System RAM
0x9f000 0xfffff Reserved
0x100000 0x3fffffff System RAM
0x40000000 0x403fffff Reserved
0x40400000 0x8a5fffff System RAM
0x8a600000 0x8a6fffff Unknown E820 type
0x8a700000 0x8c9fefff System RAM
0x8c9ff000 0x8d9fefff Reserved
0x8d9ff000 0x8dbfefff ACPI Non-volatile Storage
0x8dbff000 0x8dcfefff ACPI Tables
0x8dcff000 0x8dcfffff System RAM
0x8dd00000 0x8fffffff Reserved
0xe0000000 0xefffffff Reserved
0xfed10000 0xfed19fff Reserved
0xff000000 0xffffffff Reserved
0x100000000 0x46dffffff System RAM
0x480000000 0x87fffffff Persistent Memory
EOF
"$sim" "$tmp/lap" --log --explain --svg "$tmp/lap.svg" >"$tmp/lap.log" 2>"$tmp/lap.err"; r=$?
"$sim" --memmap "$tmp/lap" --lint >"$tmp/lap.lint"; rl=$?
"$sim" --memmap "$tmp/lap" --arch i386 >"$tmp/lap32.log" 2>&1
check "a laptop's sysfs memmap tree: x86_64 zones, sysfs types, SPARSEMEM holes, unknown type a note, --explain in x86_64 terms; as i386 the summary says what RAM goes unused" sh -c "
	[ $r -eq 0 ] && [ $rl -eq 0 ] && ! grep . '$tmp/lap.err' &&
	grep -q 'x86_64 memory' '$tmp/lap.log' &&
	grep -q '0x000000008d9ff000-0x000000008dbfefff\] ACPI NVS' '$tmp/lap.log' &&
	grep -q '0x000000008dbff000-0x000000008dcfefff\] ACPI data' '$tmp/lap.log' &&
	grep -q '0x0000000480000000-0x000000087fffffff\] persistent (type 7)' '$tmp/lap.log' &&
	grep -q 'Normal   \[mem 0x0000000100000000-0x000000046dffffff\]' '$tmp/lap.log' &&
	grep -q 'zone Normal: 8960 pages in unavailable ranges' '$tmp/lap.log' &&
	grep -q 'zone Normal: 8192 pages in unavailable ranges' '$tmp/lap.log' &&
	grep -q 'lap:5: unknown-type (note): 1 entry says' '$tmp/lap.lint' &&
	grep -q '>no memmap here (SPARSEMEM)<' '$tmp/lap.svg' &&
	grep -q '>no memmap for 256 MiB of it (SPARSEMEM)<' '$tmp/lap.svg' &&
	grep -q \"This run's zonelist: Normal -> DMA32 -> DMA\$\" '$tmp/lap.log' &&
	grep -q 'max_low_pfn 0x46e000 (18144 MiB): a 64-bit kernel maps all RAM directly' '$tmp/lap.log' &&
	grep -q '^  13.7 GiB of RAM above 4 GiB unused: a 32-bit kernel without PAE' '$tmp/lap32.log'"

# This machine's own map.
if [ -d /sys/firmware/memmap ] && [ -r /sys/firmware/memmap/0/start ]; then
	check "bootmm --memmap /sys/firmware/memmap boots this machine's map" sh -c "
		'$sim' --memmap /sys/firmware/memmap --log >'$tmp/self' 2>&1 && grep -q 'Memory: ' '$tmp/self'"
	# ... and prints the zone and node lines this machine's own kernel
	# printed, when its boot log is readable, from a single-node kernel
	# booted without mem=/memmap= (else there is nothing to compare).
	pat='Zone ranges|^\[[^]]*\]   (DMA|DMA32|Normal|Device) |node   [0-9]+:|Initmem setup|unavailable ranges'
	if dmesg 2>/dev/null | grep -qE "$pat" && ! dmesg | grep -q 'node   1:' &&
	   ! tr ' ' '\n' </proc/cmdline | grep -qE '^(mem|memmap|movablecore|kernelcore)='; then
		dmesg | grep -E "$pat" | cut -c16- >"$tmp/self.want"
		grep -E "$pat" "$tmp/self" | cut -c16- >"$tmp/self.got"
		check "--memmap /sys/firmware/memmap: zone and node lines equal this machine's dmesg" \
			diff "$tmp/self.want" "$tmp/self.got"
	fi
else
	ok "no /sys/firmware/memmap here (skipped)"
fi
[ "$fail" -eq 0 ]
