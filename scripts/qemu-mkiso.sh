#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# qemu-mkiso.sh IMAGE OUT.iso APPEND [ENTRY...] - a GRUB rescue ISO (BIOS)
# that boots IMAGE.  Each ENTRY is "linux" (32-bit boot protocol: GRUB
# fills the zero page) or "linux16" (real mode: our setup code asks the
# BIOS), optionally followed by ":GRUB-COMMANDS" run first (e.g.
# "linux16:cutmem 32M 33M"); the first entry is the default, and GRUB
# waits TIMEOUT seconds (default 0) so a human can choose.  Without
# ENTRY: "linux" and "linux16", in that order.  GRUB talks on COM1 too.
set -eu
image=$1 out=$2 append=$3
shift 3
[ $# -eq 0 ] && set -- linux linux16
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/boot/grub"
cp "$image" "$dir/boot/bootmm"
{
	echo "set timeout=${TIMEOUT:-0}"
	echo "set default=0"
	echo "serial --unit=0 --speed=115200"
	echo "terminal_input serial console"
	echo "terminal_output serial console"
	for e in "$@"; do
		kind=${e%%:*}
		pre=""
		[ "$kind" != "$e" ] && pre=${e#*:}
		echo "menuentry 'bootmm ($kind${pre:+, $pre})' {"
		[ -n "$pre" ] && echo "	insmod mmap" && echo "	$pre"
		echo "	$kind /boot/bootmm $append"
		echo "	boot"
		echo "}"
	done
} > "$dir/boot/grub/grub.cfg"
grub-mkrescue -o "$out" "$dir" >/dev/null 2>&1 || {
	echo "qemu-mkiso.sh: grub-mkrescue failed (need grub-pc-bin, xorriso, mtools)" >&2
	exit 1
}
