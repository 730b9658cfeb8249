#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kallsyms.sh NM_OUTPUT - turn `nm -n vmlinux` into the .kallsyms table
# (arch/x86/kernel/kallsyms.c): every text symbol, sorted by address.
set -eu
awk '
$2 ~ /^[tTwW]$/ && $3 !~ /^\./ && $3 !~ /^(_text|_stext|_etext|__brk_base|__init_begin|__init_end|_sinittext|_einittext)$/ {
	addr[n] = $1; name[n] = $3; n++
}
END {
	print "\t.section \".kallsyms\", \"a\""
	print "\t.balign 4"
	print "\t.globl kallsyms_num"
	print "kallsyms_num:\t.long " n
	print "\t.globl kallsyms_table"
	print "kallsyms_table:"
	for (i = 0; i < n; i++)
		printf "\t.long 0x%s, .Lname%d\n", addr[i], i
	for (i = 0; i < n; i++)
		printf ".Lname%d:\t.asciz \"%s\"\n", i, name[i]
}' "$1"
