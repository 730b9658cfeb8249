// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for tools/bootmm/lint.c, the firmware-map lint: which oddities
 * are findings (they count for --lint's exit status and the boot's
 * warning) and which are notes, and that what each finding says Linux
 * does is what e820__update_table() really does.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "../../tools/bootmm/lint.h"

static void map_of(struct fw_map *map, const u64 (*e)[3], size_t n)
{
	size_t i;

	fwmap_init(map, "t");
	for (i = 0; i < n; i++)
		assert_int_equal(fwmap_add(map, e[i][0], e[i][1], e[i][2], i + 1), 0);
}

static const struct lint_finding *find(const struct lint_report *r, unsigned int line,
				       unsigned int line2)
{
	size_t i;

	for (i = 0; i < r->nr; i++)
		if (r->items[i].line == line && r->items[i].line2 == line2)
			return &r->items[i];
	fail_msg("no finding for line %u/%u", line, line2);
	return NULL;
}

/*
 *   0       0x9fc00 0xa0000          RAM ending where the EBDA starts
 *   |-usable-|-rsvd-|                 (every SeaBIOS map): a note
 *
 *   0x100800          0x200400       RAM starting and ending mid-page:
 *   |----- usable -----|              a finding, 0x800 + 0x400 bytes lost
 *
 *   0x300000 +0x800                   smaller than a page: all of it lost
 *
 * Expect 2 findings, 1 note, and the lost bytes in the text.
 */
static void lint_unaligned_ram(void **state)
{
	static const u64 e[][3] = {
		{ 0, 0x9fc00, E820_TYPE_RAM }, { 0x9fc00, 0x400, E820_TYPE_RESERVED },
		{ 0x100800, 0xffc00, E820_TYPE_RAM }, { 0x300000, 0x800, E820_TYPE_RAM },
	};
	struct lint_report r = { 0 };
	struct fw_map map;

	map_of(&map, e, 4);
	assert_int_equal(lint_map(&map, &r), 2);
	assert_int_equal(r.notes, 1);
	assert_true(find(&r, 1, 0)->note);
	assert_non_null(strstr(find(&r, 1, 0)->what, "ends inside page 0x9f000"));
	assert_false(find(&r, 3, 0)->note);
	assert_non_null(strstr(find(&r, 3, 0)->what, "starts and ends inside a page: 3072 bytes"));
	assert_non_null(strstr(find(&r, 4, 0)->what, "2048 bytes"));
	lint_free(&r);
	fwmap_free(&map);
}

/*
 *   0x30000000      0x30001000
 *   |-- 1: usable ------------------|   (up to 0x40000000)
 *   |-- 2: ACPI NVS -|
 *   |-- 3: ACPI data-|
 *
 * Linux gives the overlap the largest type: all three make it ACPI NVS.
 * Expect three pairs (2-1, 3-1, 3-2), each saying "ACPI NVS".
 */
static void lint_overlap_winner(void **state)
{
	static const u64 e[][3] = {
		{ 0x30000000, 0x10000000, E820_TYPE_RAM },
		{ 0x30000000, 0x1000, E820_TYPE_NVS },
		{ 0x30000000, 0x1000, E820_TYPE_ACPI },
	};
	struct lint_report r = { 0 };
	struct fw_map map;
	unsigned int pairs[][2] = { { 2, 1 }, { 3, 1 }, { 3, 2 } };
	size_t i;

	map_of(&map, e, 3);
	lint_map(&map, &r);
	assert_int_equal(r.per_kind[LINT_OVERLAP], 3);
	for (i = 0; i < 3; i++) {
		const struct lint_finding *f = find(&r, pairs[i][0], pairs[i][1]);

		assert_int_equal(f->kind, LINT_OVERLAP);
		assert_true(f->start == 0x30000000 && f->end == 0x30001000);
		assert_non_null(strstr(f->what, "Linux makes it ACPI NVS"));
	}
	lint_free(&r);
	fwmap_free(&map);
}

/*
 * 10,000 entries each inside the previous one: every pair overlaps
 * (49,995,000 pairs).  Expect all counted, 16 stored, a too-many-entries
 * and a no-ram finding besides, and the sweep to finish (no per-pair work
 * once the stored ones are full).
 */
static void lint_nested_overlaps(void **state)
{
	struct lint_report r = { 0 };
	struct fw_map map;
	u64 i, n = 10000;

	fwmap_init(&map, "t");
	for (i = 0; i < n; i++)
		assert_int_equal(fwmap_add(&map, i << 12, (2 * (n - i)) << 12,
					   E820_TYPE_RESERVED, i + 1), 0);
	assert_int_equal(lint_map(&map, &r), n * (n - 1) / 2 + 2);
	assert_int_equal(r.per_kind[LINT_OVERLAP], n * (n - 1) / 2);
	assert_int_equal(r.per_kind[LINT_TOO_MANY], 1);
	assert_int_equal(r.per_kind[LINT_NO_RAM], 1);
	assert_int_equal(r.nr, LINT_MAX_PER_KIND + 2);
	lint_free(&r);
	fwmap_free(&map);
}

/*
 * A /sys/firmware/memmap entry whose type sysfs calls "Unknown E820 type"
 * (Linux does not export the number) and a "Persistent Memory" one.
 * Expect the first read as reserved and reported as a note naming its
 * index, the second as type 7, and no finding.
 */
static void lint_memmap_unknown_type(void **state)
{
	char err[FWMAP_ERR_MAX];
	struct lint_report r = { 0 };
	struct fw_map map;

	fwmap_init(&map, "memmap");
	assert_int_equal(fwmap_parse_memmap_entry(&map, 0, "0x0\n", "0x9efff\n", "System RAM\n",
						  err, sizeof(err)), 0);
	assert_int_equal(fwmap_parse_memmap_entry(&map, 5, "0x8a600000\n", "0x8a6fffff\n",
						  "Unknown E820 type\n", err, sizeof(err)), 0);
	assert_int_equal(fwmap_parse_memmap_entry(&map, 6, "0x480000000\n", "0x87fffffff\n",
						  "Persistent Memory\n", err, sizeof(err)), 0);
	assert_int_equal(map.entries[1].type, E820_TYPE_RESERVED);
	assert_int_equal(map.entries[2].type, E820_TYPE_PMEM);
	assert_int_equal(lint_map(&map, &r), 0);
	assert_int_equal(r.notes, 1);
	assert_int_equal(r.items[0].kind, LINT_UNKNOWN_TYPE);
	assert_int_equal(r.items[0].line, 5);
	assert_non_null(strstr(r.items[0].what, "1 entry says \"Unknown E820 type\""));
	lint_free(&r);
	fwmap_free(&map);
}

/*
 *   0x800 +0x1000 usable          4 KiB, but no whole page
 *   0     +1G     reserved
 * Expect a no-ram finding; then with a whole page of RAM, none.
 */
static void lint_no_ram(void **state)
{
	static const u64 e[][3] = {
		{ 0x800, 0x1000, E820_TYPE_RAM }, { 0, 1 << 30, E820_TYPE_RESERVED },
		{ 0x100000, 0x1000, E820_TYPE_RAM },
	};
	struct lint_report r = { 0 };
	struct fw_map map;

	map_of(&map, e, 2);
	lint_map(&map, &r);
	assert_int_equal(r.per_kind[LINT_NO_RAM], 1);
	lint_free(&r);
	fwmap_free(&map);
	map_of(&map, e, 3);
	lint_map(&map, &r);
	assert_int_equal(r.per_kind[LINT_NO_RAM], 0);
	lint_free(&r);
	fwmap_free(&map);
}

/*
 *   0 +0x1000 usable, 0x9f000 +0x1000 usable   only page 0 and the EBDA page
 *   1M +64M usable
 * Expect no-low-ram (nowhere for the real-mode trampoline); then with
 * 0x1000 +0x1000 usable too (unsorted, but it counts), none.
 */
static void lint_no_low_ram(void **state)
{
	static const u64 e[][3] = {
		{ 0, 0x1000, E820_TYPE_RAM }, { 0x9f000, 0x1000, E820_TYPE_RAM },
		{ 0x100000, 64 << 20, E820_TYPE_RAM }, { 0x1000, 0x1000, E820_TYPE_RAM },
	};
	struct lint_report r = { 0 };
	struct fw_map map;

	map_of(&map, e, 3);
	assert_int_equal(lint_map(&map, &r), 1);
	assert_int_equal(r.per_kind[LINT_NO_LOW_RAM], 1);
	lint_free(&r);
	fwmap_free(&map);
	map_of(&map, e, 4);
	lint_map(&map, &r);
	assert_int_equal(r.per_kind[LINT_NO_LOW_RAM], 0);
	lint_free(&r);
	fwmap_free(&map);
}

/*
 * 130 entries: more than the zero page's 128, within the kernel's table
 * (E820_MAX_ENTRIES): a note.  E820_MAX_ENTRIES + 1: a finding naming
 * the one entry dropped.
 */
static void lint_too_many(void **state)
{
	struct lint_report r = { 0 };
	struct fw_map map;
	u64 i;

	fwmap_init(&map, "t");
	for (i = 0; i < 130; i++)
		assert_int_equal(fwmap_add(&map, i << 12, 1 << 12, 1 + i % 2, i + 1), 0);
	assert_int_equal(lint_map(&map, &r), 0);
	assert_int_equal(r.per_kind[LINT_TOO_MANY], 1);
	assert_true(r.items[r.nr - 1].note);
	lint_free(&r);
	for (; i < E820_MAX_ENTRIES + 1; i++)
		assert_int_equal(fwmap_add(&map, i << 12, 1 << 12, 1 + i % 2, i + 1), 0);
	assert_int_equal(lint_map(&map, &r), 1);
	assert_false(r.items[r.nr - 1].note);
	assert_non_null(strstr(r.items[r.nr - 1].what, ": 1 more than the kernel's table holds"));
	lint_free(&r);
	fwmap_free(&map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lint_unaligned_ram),
		cmocka_unit_test(lint_overlap_winner),
		cmocka_unit_test(lint_nested_overlaps),
		cmocka_unit_test(lint_memmap_unknown_type),
		cmocka_unit_test(lint_no_ram),
		cmocka_unit_test(lint_no_low_ram),
		cmocka_unit_test(lint_too_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
