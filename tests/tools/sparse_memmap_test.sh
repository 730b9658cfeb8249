#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# sparse_memmap_test.sh - holes never get memmap (issue 7, "Scale").
#
# x86_64 maps with huge holes must allocate struct pages only for the
# 128 MiB sections that hold RAM, as Linux's SPARSEMEM does, and the
# boot must touch little more host memory than that memmap.  Checked on
# the memmap size bootmm reports (--json stats), never on time:
#   - RAM at 0-1 GiB and 4 GiB at 1 TiB: 8 + 32 sections;
#   - RAM at 0-640K and 1 MiB-256 MiB, and 128 MiB at 16 TiB: 2 + 1 sections;
#   - peak RSS at most 1.2 x the memmap + 32 MiB (the program itself,
#     the console buffer, slab): a hole costs nothing.
# Prints "ok N - ..." / "FAIL N - ..." (scripts/run-scripts.sh).
set -u
cd "$(dirname "$0")/../.."
sim=build/host/bootmm
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 fail=0

# case NAME SECTIONS TABLE
run_case() {
	name=$1 sections=$2
	printf '%s\n' "$3" >"$tmp/$name.e820"
	n=$((n + 1))
	if ! "$sim" --e820 "$tmp/$name.e820" --arch x86_64 --json >"$tmp/$name.json" 2>"$tmp/$name.err"; then
		fail=$((fail + 1)); echo "FAIL $n - $name: bootmm failed: $(cat "$tmp/$name.err")"; return
	fi
	if msg=$(python3 - "$tmp/$name.json" "$sections" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); s = d["stats"]
want = int(sys.argv[2]) * 32768 * s["struct_page_bytes"]
assert s["memmap_bytes"] == want, "memmap %d bytes, want %d (%s sections)" % (s["memmap_bytes"], want, sys.argv[2])
rss = s["peak_rss_kb"] * 1024
assert rss <= 1.2 * want + (32 << 20), "peak RSS %d MiB for a %d MiB memmap" % (rss >> 20, want >> 20)
print("memmap %d MiB for %s sections, peak RSS %d MiB" % (want >> 20, sys.argv[2], rss >> 20))
PY
	); then
		echo "ok $n - $name: $msg"
	else
		fail=$((fail + 1)); echo "FAIL $n - $name: $msg"
	fi
}

[ -x "$sim" ] || { echo "FAIL 0 - $sim missing"; exit 1; }
run_case ram-at-0-and-1T 40 '0 0x9fc00 usable
0x9fc00 0xa0000 reserved
0xf0000 0x100000 reserved
1M 1G usable
1T +4G usable'
run_case ram-at-16T 3 '0 0x9fc00 usable
1M 256M usable
16T +128M usable'
[ "$fail" -eq 0 ]
