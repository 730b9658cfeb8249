// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for tools/bootmm/parse_memmap.c: a /sys/firmware/memmap tree
 * (N/start, N/end inclusive, N/type as drivers/firmware/memmap.c names
 * it).  Each malformed attribute is an error naming "dir/N/file"; the
 * tree is built in a temporary directory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "../../tools/bootmm/fwmap.h"

static char root[64];

static void put(unsigned int n, const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%u", root, n);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/%u/%s", root, n, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void entry(unsigned int n, const char *start, const char *end, const char *type)
{
	put(n, "start", start);
	put(n, "end", end);
	put(n, "type", type);
}

static int setup(void **state)
{
	strcpy(root, "/tmp/bootmm-memmap-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd);
}

static void expect_error(const char *want)
{
	char err[FWMAP_ERR_MAX] = "";
	struct fw_map map;

	fwmap_init(&map, root);
	assert_int_equal(fwmap_read_memmap_dir(&map, root, err, sizeof(err)), -1);
	if (!strstr(err, want))
		fail_msg("error \"%s\" does not contain \"%s\"", err, want);
	fwmap_free(&map);
}

/*
 * Entries 0, 1, 2, 10 (numeric order, not readdir's or "10" < "2"),
 * ends inclusive, sysfs type names.  Expect 4 entries, the 4 GiB edge
 * exact, and each entry remembering its index.
 */
static void read_memmap_dir_good(void **state)
{
	char err[FWMAP_ERR_MAX] = "";
	struct fw_map map;

	entry(0, "0x0\n", "0x9fbff\n", "System RAM\n");
	entry(1, "0x100000\n", "0xffffffff\n", "System RAM\n");
	entry(2, "0xf0000\n", "0xfffff\n", "Reserved\n");
	entry(10, "0x100000000\n", "0x13fffffff\n", "ACPI Non-volatile Storage\n");
	fwmap_init(&map, root);
	assert_int_equal(fwmap_read_memmap_dir(&map, root, err, sizeof(err)), 0);
	assert_int_equal(map.nr, 4);
	assert_true(map.entries[0].size == 0x9fc00);
	assert_true(map.entries[1].addr + map.entries[1].size == 1ULL << 32);
	assert_int_equal(map.entries[2].type, E820_TYPE_RESERVED);
	assert_int_equal(map.entries[3].line, 10);
	assert_int_equal(map.entries[3].type, E820_TYPE_NVS);
	fwmap_free(&map);
}

/* Expect an empty or missing directory to say what was expected. */
static void read_memmap_dir_empty_or_missing(void **state)
{
	char err[FWMAP_ERR_MAX] = "", path[128];
	struct fw_map map;

	expect_error("no numbered entries (expected N/start, N/end, N/type)");
	snprintf(path, sizeof(path), "%s/nope", root);
	fwmap_init(&map, path);
	assert_int_equal(fwmap_read_memmap_dir(&map, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "nope: No such file"));
	fwmap_free(&map);
}

/* Expect a missing attribute file (a truncated copy of the tree) named. */
static void read_memmap_dir_truncated(void **state)
{
	entry(0, "0x0\n", "0x9fbff\n", "System RAM\n");
	put(1, "start", "0x100000\n");
	expect_error("/1/end: No such file");
	put(1, "end", "0x1fffff\n");
	put(1, "type", "System RAM\n");
	put(0, "start", "0x\n");
	expect_error("/0/start: not a hex address: \"0x");
	put(0, "start", "");
	expect_error("/0/start: not a hex address");
}

/* Expect garbage values and unknown types named by entry and file. */
static void read_memmap_dir_garbage(void **state)
{
	entry(0, "0x0\n", "0x9fbff\n", "System RAM\n");
	put(0, "end", "0x9fbff junk\n");
	expect_error("/0/end: not a hex address: \"0x9fbff junk");
	put(0, "end", "12345\n");
	expect_error("/0/end: not a hex address");
	put(0, "end", "0x9fbff\n");
	put(0, "type", "Mystery RAM\n");
	expect_error("/0/type: unknown type \"Mystery RAM");
}

/* Expect 17 hex digits refused, not truncated. */
static void read_memmap_dir_huge_numbers(void **state)
{
	entry(0, "0x10000000000000000\n", "0x10000000000000fff\n", "System RAM\n");
	expect_error("/0/start: not a hex address");
}

/*
 *   start 0x200000, end 0x100000 (inclusive): backwards
 * Expect "below start" naming the end file; and [0, 2^64-1] (all of it) too.
 */
static void read_memmap_dir_end_below_start(void **state)
{
	entry(0, "0x200000\n", "0x100000\n", "System RAM\n");
	expect_error("/0/end: 0x100000 is below start 0x200000 (end is inclusive)");
	entry(0, "0x0\n", "0xffffffffffffffff\n", "Reserved\n");
	expect_error("/0/end:");
}

/* Expect 10,000 entries read in index order. */
static void read_memmap_dir_ten_thousand_entries(void **state)
{
	char err[FWMAP_ERR_MAX] = "", s[32], e[32];
	struct fw_map map;
	unsigned int i;

	for (i = 0; i < 10000; i++) {
		snprintf(s, sizeof(s), "0x%llx\n", (unsigned long long)i << 13);
		snprintf(e, sizeof(e), "0x%llx\n", ((unsigned long long)i << 13) + 0xfff);
		entry(i, s, e, i % 2 ? "Reserved\n" : "System RAM\n");
	}
	fwmap_init(&map, root);
	if (fwmap_read_memmap_dir(&map, root, err, sizeof(err)))
		fail_msg("%s", err);
	assert_int_equal(map.nr, 10000);
	for (i = 0; i < 10000; i++)
		assert_true(map.entries[i].addr == (unsigned long long)i << 13);
	fwmap_free(&map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(read_memmap_dir_good, setup, teardown),
		cmocka_unit_test_setup_teardown(read_memmap_dir_empty_or_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(read_memmap_dir_truncated, setup, teardown),
		cmocka_unit_test_setup_teardown(read_memmap_dir_garbage, setup, teardown),
		cmocka_unit_test_setup_teardown(read_memmap_dir_huge_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(read_memmap_dir_end_below_start, setup, teardown),
		cmocka_unit_test_setup_teardown(read_memmap_dir_ten_thousand_entries, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
