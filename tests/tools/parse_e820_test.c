// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for tools/bootmm/parse_e820.c (and the number/type readers in
 * fwmap.c it uses): the plain "START END TYPE" / "START +SIZE TYPE"
 * table.  Good input gives entries in file order; every malformed line
 * gives one error that names "source:line" and says what is wrong.
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
	fwmap_init(map, "t.e820");
	return fwmap_parse_e820(map, text, strlen(text), err, FWMAP_ERR_MAX);
}

/* Parse @text, expect failure with an error containing @want. */
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
 *   0 ......... 0x9fc00 ... 1M ............. 4G-1 | 4G ... 5G
 *   [   usable ]             [  usable     ]        [ usable ]
 * Expect exclusive ends, +SIZE, suffixes, names and numbers for types,
 * comments, CRLF and blank lines, and the 4 GiB boundary exact.
 */
static void parse_e820_good_table(void **state)
{
	const char *text =
		"# a comment\n"
		"0 0x9fc00 usable\r\n"
		"\n"
		"1M 0xffffffff reserved   # trailing comment\n"
		"4G +1G 1\n"
		"0xfffffffffffff000 +4K ACPI NVS\n"
		"alt_mem_k 64512\n"
		"ext_mem_k 15360\n";
	char err[FWMAP_ERR_MAX] = "";
	struct fw_map map;

	assert_int_equal(parse(&map, text, err), 0);
	assert_int_equal(map.nr, 4);
	assert_true(map.entries[0].addr == 0 && map.entries[0].size == 0x9fc00);
	assert_int_equal(map.entries[0].type, E820_TYPE_RAM);
	assert_int_equal(map.entries[0].line, 2);
	assert_true(map.entries[1].addr == 1 << 20 && map.entries[1].size == 0xffffffffULL - (1 << 20));
	assert_int_equal(map.entries[1].type, E820_TYPE_RESERVED);
	assert_true(map.entries[2].addr == 1ULL << 32 && map.entries[2].size == 1ULL << 30);
	assert_int_equal(map.entries[3].type, E820_TYPE_NVS);
	assert_true(map.entries[3].addr + map.entries[3].size == 0);	/* ends at 2^64 */
	assert_int_equal(map.alt_mem_k, 64512);
	assert_int_equal(map.ext_mem_k, 15360);
	fwmap_free(&map);
}

/* Expect a zero-length entry kept (the lint reports it), not refused. */
static void parse_e820_zero_length_kept(void **state)
{
	char err[FWMAP_ERR_MAX];
	struct fw_map map;

	assert_int_equal(parse(&map, "0x1000 0x1000 usable\n", err), 0);
	assert_int_equal(map.nr, 1);
	assert_int_equal(map.entries[0].size, 0);
	fwmap_free(&map);
}

/* Expect truncated lines to name the line and the missing field. */
static void parse_e820_truncated(void **state)
{
	expect_error("0 0x9fc00 usable\n0x100000\n", "t.e820:2: expected an end address");
	expect_error("0x100000 0x200000\n", "t.e820:1: missing type");
	expect_error("0x100000 +\n", "t.e820:1: expected a size");
	expect_error("alt_mem_k\n", "t.e820:1: expected a size in KiB");
}

/* Expect garbage, binary and over-long lines to be refused by line. */
static void parse_e820_garbage(void **state)
{
	char text[5000];

	expect_error("hello world\n", "t.e820:1: expected a start address, got \"hello world\"");
	expect_error("0 1M\tsomething\n", "t.e820:1: unknown type \"something\"");
	expect_error("0 1Mx usable\n", "t.e820:1:");
	expect_error("0 1M usable\n\n0 1M usable\x01\n", "t.e820:3: unknown type");
	/* dmesg's inclusive "A-B" ranges pasted without their label: say how to write them */
	expect_error("0x0-0x9fbff usable\n", "t.e820:1: expected an end address, got \"-0x9fbff usable\" (write START END, END exclusive, or START +SIZE");
	expect_error("[mem 0x0-0x9fbff] usable\n", "t.e820:1: expected a start address, got \"[mem 0x0-0x9fbff] usable\" (write START END");
	memset(text, 'a', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	expect_error(text, "t.e820:1: line longer than");
	text[2000] = '\0';	/* a binary file's first "line": long, with a NUL */
	{
		char err[FWMAP_ERR_MAX] = "";
		struct fw_map map;

		fwmap_init(&map, "t.e820");
		assert_int_equal(fwmap_parse_e820(&map, text, sizeof(text) - 1, err, sizeof(err)), -1);
		assert_string_equal(err, "t.e820:1: NUL byte (not a text file?)");
		fwmap_free(&map);
	}
	{
		const char nul[] = "0 1M usable\n0\0 1M usable\n";
		char err[FWMAP_ERR_MAX] = "";
		struct fw_map map;

		fwmap_init(&map, "t.e820");
		assert_int_equal(fwmap_parse_e820(&map, nul, sizeof(nul) - 1, err, sizeof(err)), -1);
		assert_non_null(strstr(err, "t.e820:2: NUL byte"));
		fwmap_free(&map);
	}
}

/* Expect numbers beyond 64 bits (also through a suffix) refused, not wrapped. */
static void parse_e820_huge_numbers(void **state)
{
	expect_error("0x10000000000000000 0x1 usable\n", "t.e820:1: a start address does not fit in 64 bits");
	expect_error("0 18446744073709551616 usable\n", "does not fit in 64 bits");
	expect_error("0 16384P usable\n", "t.e820:1: an end address does not fit in 64 bits");
	expect_error("0xffffffffffff0000 +1M usable\n", "t.e820:1: 0xffffffffffff0000 +0x100000 runs past");
	expect_error("ext_mem_k 65536\n", "t.e820:1: ext_mem_k 65536 is too large");
	expect_error("alt_mem_k 0x100000000\n", "alt_mem_k 4294967296 is too large");
}

/*
 *   start 2M, end 1M: [ 1M <-- 2M )  backwards
 * Expect "end is below start" with both addresses and a hint.
 */
static void parse_e820_end_below_start(void **state)
{
	expect_error("0 1M usable\n2M 1M usable\n",
		     "t.e820:2: end 0x100000 is below start 0x200000");
}

/* Expect 10,000 entries read in order, each remembering its line. */
static void parse_e820_ten_thousand_entries(void **state)
{
	size_t i, len = 0, cap = 10000 * 48;
	char *text = malloc(cap), err[FWMAP_ERR_MAX];
	struct fw_map map;

	assert_non_null(text);
	for (i = 0; i < 10000; i++)
		len += snprintf(text + len, cap - len, "%#llx +0x1000 %s\n",
				(unsigned long long)i << 13, i % 2 ? "reserved" : "usable");
	assert_int_equal(parse(&map, text, err), 0);
	assert_int_equal(map.nr, 10000);
	assert_true(map.entries[9999].addr == 9999ULL << 13);
	assert_int_equal(map.entries[9999].line, 10000);
	assert_int_equal(map.entries[9999].type, E820_TYPE_RESERVED);
	fwmap_free(&map);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_e820_good_table),
		cmocka_unit_test(parse_e820_zero_length_kept),
		cmocka_unit_test(parse_e820_truncated),
		cmocka_unit_test(parse_e820_garbage),
		cmocka_unit_test(parse_e820_huge_numbers),
		cmocka_unit_test(parse_e820_end_below_start),
		cmocka_unit_test(parse_e820_ten_thousand_entries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
