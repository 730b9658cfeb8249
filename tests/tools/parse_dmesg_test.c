// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for tools/bootmm/parse_dmesg.c: the BIOS-e820 lines of a kernel
 * log, in Linux 6.x "[mem A-B] type" (inclusive end) and 2.6 "A - B
 * (type)" (exclusive end) formats; everything else in the log ignored.
 * A malformed BIOS-e820 line is an error naming "source:line".
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "../../tools/bootmm/fwmap.h"

static int parse(struct fw_map *map, const char *text, char *err)
{
	fwmap_init(map, "boot.log");
	return fwmap_parse_dmesg(map, text, strlen(text), err, FWMAP_ERR_MAX);
}

static void expect_error(const char *text, const char *want)
{
	char err[FWMAP_ERR_MAX] = "";
	struct fw_map map;

	assert_int_equal(parse(&map, text, err), -1);
	if (!strstr(err, want))
		fail_msg("error \"%s\" does not contain \"%s\"", err, want);
	fwmap_free(&map);
}

/*
 * A 6.1 amd64 log: inclusive ends become sizes, the 64-bit hint is taken
 * from "Linux version ... amd64", other lines are skipped, and a second
 * "BIOS-provided physical RAM map:" (a later boot in the same file) ends
 * the map.  Expect 3 entries from lines 3..5.
 */
static void parse_dmesg_modern(void **state)
{
	const char *text =
		"[    0.000000] Linux version 6.1.0-56-amd64 (gcc) #1\n"
		"[    0.000000] BIOS-provided physical RAM map:\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000100000000-0x000000013fffffff] usable\n"
		"[    0.000000] NX (Execute Disable) protection: active\n"
		"[    0.000000] BIOS-provided physical RAM map:\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x0000000000000fff] usable\n";
	char err[FWMAP_ERR_MAX] = "";
	struct fw_map map;

	assert_int_equal(parse(&map, text, err), 0);
	assert_int_equal(map.nr, 3);
	assert_true(map.x86_64_hint);
	assert_false(map.legacy_format);
	assert_string_equal(map.who, "BIOS-e820");
	assert_true(map.entries[0].size == 0x9fc00);
	assert_int_equal(map.entries[1].type, E820_TYPE_RESERVED);
	assert_true(map.entries[2].addr == 1ULL << 32 && map.entries[2].size == 1ULL << 30);
	assert_int_equal(map.entries[2].line, 5);
	fwmap_free(&map);
}

/* The seeds' 2.6 format: " BIOS-e820: 0000000000000000 - 000000000009f800 (usable)". */
static void parse_dmesg_legacy(void **state)
{
	const char *text =
		"BIOS-provided physical RAM map:\n"
		" BIOS-e820: 0000000000000000 - 000000000009f800 (usable)\n"
		" BIOS-e820: 00000000000f0000 - 0000000000100000 (reserved)\n"
		" BIOS-e820: 0000000000100000 - 000000001f7d0000 (usable)\n"
		" BIOS-e820: 000000001f7d0000 - 000000001f7e0000 (ACPI data)\n";
	char err[FWMAP_ERR_MAX] = "";
	struct fw_map map;

	assert_int_equal(parse(&map, text, err), 0);
	assert_int_equal(map.nr, 4);
	assert_true(map.legacy_format);
	assert_true(map.entries[0].size == 0x9f800);
	assert_true(map.entries[1].size == 0x10000);
	assert_int_equal(map.entries[3].type, E820_TYPE_ACPI);
	fwmap_free(&map);
}

/*
 * Expect a 64-bit kernel recognised by its max_arch_pfn (a version string
 * without "amd64"), and i386's and PAE's figures not taken for one.
 */
static void parse_dmesg_arch_hint(void **state)
{
	static const struct { const char *pfn; bool x86_64; } cases[] = {
		{ "0x400000000", true }, { "0x10000000000", true },
		{ "0x1000000", false }, { "0x100000", false },
	};
	char text[512], err[FWMAP_ERR_MAX];
	struct fw_map map;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text),
			 "[    0.000000] Linux version 6.18.44-custom\n"
			 "[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
			 "[    0.000000] last_pfn = 0x9f max_arch_pfn = %s\n", cases[i].pfn);
		assert_int_equal(parse(&map, text, err), 0);
		assert_int_equal(map.x86_64_hint, cases[i].x86_64);
		fwmap_free(&map);
	}
}

/* Expect a log without any BIOS-e820 line refused with a hint. */
static void parse_dmesg_no_map(void **state)
{
	expect_error("[    0.000000] Linux version 6.1\nhello\n", "boot.log: no \"BIOS-e820:\" lines");
	expect_error("", "no \"BIOS-e820:\" lines");
}

/* Expect each truncated form to name the line and the missing part. */
static void parse_dmesg_truncated(void **state)
{
	expect_error("BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		     "BIOS-e820: [mem 0x0000000000100000-\n",
		     "boot.log:2: malformed firmware map line: no end address");
	expect_error("BIOS-e820: [mem 0x0000000000100000\n", "boot.log:1: malformed firmware map line: expected '-'");
	expect_error("BIOS-e820: [mem 0x0000000000100000-0x0000000000200000\n", "expected ']'");
	expect_error("BIOS-e820: [mem 0x0000000000100000-0x0000000000200000]\n", "no type after the range");
	expect_error("BIOS-e820: 0000000000100000 - \n", "boot.log:1: malformed firmware map line: no end address");
	expect_error("BIOS-e820: 0000000000100000 -\n", "boot.log:1: malformed firmware map line: expected \" - \"");
	expect_error("BIOS-e820: \n", "no start address");
}

/*
 * What real log files hold around the map: a 2000-byte line (a long
 * "Kernel command line", a journal record), a run of NUL bytes that
 * syslog leaves after a crash with the next record glued on, CRLF line
 * ends.  Expect all three entries read, none of it an error.
 */
static void parse_dmesg_log_file_quirks(void **state)
{
	static const char nuls[] = "\0\0\0\0<6>[    0.000000] BIOS-e820: 0000000000100000 - 0000000001000000 (usable)\r\n";
	char *text = malloc(4096), *p = text, err[FWMAP_ERR_MAX] = "";
	struct fw_map map;

	p += sprintf(p, "[    0.000000] Kernel command line: ");
	memset(p, 'x', 2000);
	p += 2000;
	p += sprintf(p, "\r\n BIOS-e820: 0000000000000000 - 000000000009fc00 (usable)\r\n");
	memcpy(p, nuls, sizeof(nuls) - 1);
	p += sizeof(nuls) - 1;
	p += sprintf(p, " BIOS-e820: 00000000000f0000 - 0000000000100000 (reserved)");
	fwmap_init(&map, "syslog");
	assert_int_equal(fwmap_parse_dmesg(&map, text, p - text, err, sizeof(err)), 0);
	assert_int_equal(map.nr, 3);
	assert_true(map.entries[1].addr == 0x100000 && map.entries[1].size == 0xf00000);
	assert_int_equal(map.entries[1].line, 3);
	assert_int_equal(map.entries[2].type, E820_TYPE_RESERVED);
	fwmap_free(&map);

	/* a binary file: no map, and the error says what it looks like */
	memset(text, 0, 4096);
	for (p = text; p < text + 4000; p += 40)
		p[39] = '\n';
	fwmap_init(&map, "a.out");
	assert_int_equal(fwmap_parse_dmesg(&map, text, 4000, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "a.out: no \"BIOS-e820:\" lines (a binary file"));
	fwmap_free(&map);
	free(text);
}

/* Expect a log cut off inside its last map line to say it was truncated. */
static void parse_dmesg_cut_short(void **state)
{
	expect_error("BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		     "BIOS-e820: [mem 0x0000000000100000-0x00000000bf",
		     "boot.log:2: malformed firmware map line: expected ']' after the end address (the log ends in the middle of this line: truncated?)");
}

/* Expect garbage after the label and unknown types refused by line. */
static void parse_dmesg_garbage(void **state)
{
	expect_error("x\nBIOS-e820: [mem zzzz-0x1] usable\n", "boot.log:2: malformed firmware map line: no start address");
	expect_error("BIOS-e820: [mem 0x0-0xfff] wibble\n", "boot.log:1: malformed firmware map line: unknown type");
	expect_error("BIOS-e820: 0000000000000000 + 0000000000001000 (usable)\n", "expected \" - \"");
}

/* Expect 17+ hex digits refused (not silently truncated), and 2^64 coverage refused. */
static void parse_dmesg_huge_numbers(void **state)
{
	expect_error("BIOS-e820: [mem 0x10000000000000000-0x10000000000000fff] usable\n",
		     "boot.log:1: malformed firmware map line: no start address (or more than 16 hex digits)");
	expect_error("BIOS-e820: [mem 0x0000000000000000-0xffffffffffffffff] reserved\n",
		     "range covers all 2^64 bytes");
}

/*
 *   [mem 0x200000-0x100000]: end below start
 * Expect "end below start" in both formats.
 */
static void parse_dmesg_end_below_start(void **state)
{
	expect_error("BIOS-e820: [mem 0x0000000000200000-0x00000000000fffff] usable\n", "boot.log:1: malformed firmware map line: end below start");
	expect_error("BIOS-e820: 0000000000200000 - 0000000000100000 (usable)\n", "end below start");
}

/* Expect 10,000 lines read in order. */
static void parse_dmesg_ten_thousand_entries(void **state)
{
	size_t i, len = 0, cap = 10000 * 100;
	char *text = malloc(cap), err[FWMAP_ERR_MAX];
	struct fw_map map;

	assert_non_null(text);
	for (i = 0; i < 10000; i++)
		len += snprintf(text + len, cap - len,
				"[    0.000000] BIOS-e820: [mem 0x%016llx-0x%016llx] usable\n",
				(unsigned long long)i << 13, ((unsigned long long)i << 13) + 0xfff);
	assert_int_equal(parse(&map, text, err), 0);
	assert_int_equal(map.nr, 10000);
	assert_true(map.entries[9999].addr == 9999ULL << 13 && map.entries[9999].size == 0x1000);
	fwmap_free(&map);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_dmesg_modern),
		cmocka_unit_test(parse_dmesg_legacy),
		cmocka_unit_test(parse_dmesg_arch_hint),
		cmocka_unit_test(parse_dmesg_no_map),
		cmocka_unit_test(parse_dmesg_truncated),
		cmocka_unit_test(parse_dmesg_log_file_quirks),
		cmocka_unit_test(parse_dmesg_cut_short),
		cmocka_unit_test(parse_dmesg_garbage),
		cmocka_unit_test(parse_dmesg_huge_numbers),
		cmocka_unit_test(parse_dmesg_end_below_start),
		cmocka_unit_test(parse_dmesg_ten_thousand_entries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
