// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel/early_res.c: the 20-entry table of named early
 * reservations, its overlap and overflow panics, find_e820_area() over a
 * real e820_table (holes, unaligned edges, the 4 GiB boundary, 2^64) and
 * the hand-over of every entry to the bootmem bitmap with its 2.6 log.
 * Each test starts from an empty table and an e820_table of its own.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/pfn.h>
#include <linux/bitops.h>
#include <linux/early_res.h>
#include <linux/bootmem.h>
#include <asm/e820/api.h>
#include <asm/host.h>
#include "../mm/expect_panic.h"

#define NF	EARLY_RES_NOT_FOUND

static char out[8192];

static void clear_early_res(void)
{
	u64 s, e;

	while (early_res_entry(0, &s, &e, NULL))
		free_early(s, e);
}

static void e820_reset(void)
{
	e820_table->nr_entries = 0;
}

static void e820_add(u64 start, u64 size, enum e820_type type)
{
	__e820__range_add(e820_table, start, size, type);
}

static int setup(void **state)
{
	clear_early_res();
	e820_reset();
	return 0;
}

static void assert_entry(int i, u64 start, u64 end, const char *name)
{
	u64 s, e;
	const char *n;

	assert_true(early_res_entry(i, &s, &e, &n));
	assert_int_equal(s, start);
	assert_int_equal(e, end);
	assert_string_equal(n, name);
}

/*
 * Three disjoint reservations, the second touching the first.
 *   [0x1000, 0x2000) A | [0x2000, 0x3000) B    [0x10000, 0x11000) C
 * Expect three entries in the order they were made.
 */
static void reserve_early_records_in_order(void **state)
{
	reserve_early(0x10000, 0x11000, "C");
	reserve_early(0x1000, 0x2000, "A");
	reserve_early(0x2000, 0x3000, "B");
	assert_int_equal(early_res_count(), 3);
	assert_entry(0, 0x10000, 0x11000, "C");
	assert_entry(1, 0x1000, 0x2000, "A");
	assert_entry(2, 0x2000, 0x3000, "B");
	assert_false(early_res_entry(3, NULL, NULL, NULL));
	assert_false(early_res_entry(-1, NULL, NULL, NULL));
}

/* Expect an empty range to be ignored and an inverted one reported. */
static void reserve_early_empty_and_inverted(void **state)
{
	host_console_capture(out, sizeof(out));
	reserve_early(0x5000, 0x5000, "EMPTY");
	assert_string_equal(out, "");
	reserve_early(0x6000, 0x5000, "INVERTED");
	host_console_capture(NULL, 0);
	assert_int_equal(early_res_count(), 0);
	assert_non_null(strstr(out, "reserve_early: inverted range 6000-5000 INVERTED ignored"));
}

/* Expect a NULL name to print as empty and a long one to be cut to 15. */
static void reserve_early_names(void **state)
{
	reserve_early(0, 0x1000, NULL);
	reserve_early(0x1000, 0x2000, "A-NAME-LONGER-THAN-15");
	assert_entry(0, 0, 0x1000, "");
	assert_entry(1, 0x1000, 0x2000, "A-NAME-LONGER-T");
}

/*
 * Overlap by one byte at each end, and full containment:
 *   existing       [0x100000 ............ 0x200000)  TEXT DATA BSS
 *   new A      [0xff000 . 0x100001)
 *   new B                           [0x1fffff . 0x300000)
 *   new C              [0x180000 . 0x181000)
 * Expect each to panic naming both ranges (inclusive ends, as 2.6).
 */
static void reserve_early_overlap_panics(void **state)
{
	reserve_early(0x100000, 0x200000, "TEXT DATA BSS");
	expect_panic(reserve_early(0xff000, 0x100001, "RAMDISK"),
		     "Overlapping early reservations ff000-100000 RAMDISK to 100000-1fffff TEXT DATA BSS");
	expect_panic(reserve_early(0x1fffff, 0x300000, "PGTABLE"),
		     "Overlapping early reservations 1fffff-2fffff PGTABLE to 100000-1fffff TEXT DATA BSS");
	expect_panic(reserve_early(0x180000, 0x181000, NULL),
		     "Overlapping early reservations 180000-180fff  to 100000-1fffff TEXT DATA BSS");
	assert_int_equal(early_res_count(), 1);
}

/* Overlap across the 4 GiB boundary: expect 64-bit addresses in the panic. */
static void reserve_early_overlap_above_4g(void **state)
{
	reserve_early(SZ_4G - 0x1000, SZ_4G + 0x1000, "CROSS");
	expect_panic(reserve_early(SZ_4G, SZ_4G + 0x2000, "HIGH"),
		     "Overlapping early reservations 100000000-100001fff HIGH to fffff000-100000fff CROSS");
}

/*
 * Expect entry 21 to panic after printing the 20 that filled the table
 * (from "#0 [0000000000 - 0000000800]" to "#19 [0000013000 - 0000013800]"),
 * the table still holding 20.
 */
static void reserve_early_table_full(void **state)
{
	int i;

	for (i = 0; i < MAX_EARLY_RES; i++)
		reserve_early(i * 0x1000ULL, i * 0x1000ULL + 0x800, "X");
	assert_int_equal(early_res_count(), MAX_EARLY_RES);
	host_console_capture(out, sizeof(out));
	expect_panic(reserve_early(0x100000, 0x101000, "ONE TOO MANY"),
		     "Too many early reservations");
	host_console_capture(NULL, 0);
	assert_int_equal(early_res_count(), MAX_EARLY_RES);
	assert_non_null(strstr(out, "[    0.000000] (20/20 early reservations)\n"
				    "[    0.000000]   #0 [0000000000 - 0000000800]                X\n"));
	assert_non_null(strstr(out, "[    0.000000]   #19 [0000013000 - 0000013800]                X\n"
				    "[    0.000000] Kernel panic - not syncing: Too many early reservations"));
}

/*
 * free_early of the middle entry of A B C.
 * Expect A C left in order; then a partial free, a free of something
 * never reserved and a repeated free all panic.
 */
static void free_early_exact_only(void **state)
{
	reserve_early(0x1000, 0x2000, "A");
	reserve_early(0x3000, 0x4000, "B");
	reserve_early(0x5000, 0x6000, "C");
	free_early(0x3000, 0x4000);
	assert_int_equal(early_res_count(), 2);
	assert_entry(0, 0x1000, 0x2000, "A");
	assert_entry(1, 0x5000, 0x6000, "C");
	expect_panic(free_early(0x1000, 0x1800), "free_early on not reserved area: 1000-17ff!");
	expect_panic(free_early(0x8000, 0x9000), "free_early on not reserved area: 8000-8fff!");
	expect_panic(free_early(0x3000, 0x4000), "free_early on not reserved area: 3000-3fff!");
	assert_int_equal(early_res_count(), 2);
}

/* Expect the table in 2.6's "#i [start - end] name" format. */
static void print_early_res_format(void **state)
{
	reserve_early(0x100000, 0x3c2000, "TEXT DATA BSS");
	reserve_early(0x9f000, 0x100000, "BIOS reserved");
	host_console_capture(out, sizeof(out));
	print_early_res();
	host_console_capture(NULL, 0);
	assert_string_equal(out,
		"[    0.000000] (2/20 early reservations)\n"
		"[    0.000000]   #0 [0000100000 - 00003c2000]    TEXT DATA BSS\n"
		"[    0.000000]   #1 [000009f000 - 0000100000]    BIOS reserved\n");
}

/*
 * A QEMU-like map with unaligned edges:
 *   RAM [0, 0x9fc00)  reserved [0x9fc00, 0x100000)  RAM [0x100000, 0x3ffe0000)
 *   early_res: [0, 0x1000) BIOS, [0x100000, 0x1000000) TEXT
 * Expect: the lowest free page 0x1000; 0x9f000 does not fit 2 pages below
 * the hole so the search moves on to 0x1000000 (TEXT pushed it up); an
 * alignment of 2 MiB rounds up; nothing when the range is too small.
 */
static void find_e820_area_skips_holes_and_reservations(void **state)
{
	e820_add(0, 0x9fc00, E820_TYPE_RAM);
	e820_add(0x9fc00, 0x60400, E820_TYPE_RESERVED);
	e820_add(0x100000, 0x3fee0000, E820_TYPE_RAM);
	reserve_early(0, 0x1000, "BIOS data page");
	reserve_early(0x100000, 0x1000000, "TEXT DATA BSS");

	assert_int_equal(find_e820_area(0, SZ_1G, 0x1000, 0x1000), 0x1000);
	assert_int_equal(find_e820_area(0x9e000, SZ_1G, 0x1000, 0x1000), 0x9e000);
	assert_int_equal(find_e820_area(0x9f000, SZ_1G, 0x1000, 0x1000), 0x1000000);
	assert_int_equal(find_e820_area(0x9e000, SZ_1G, 0x2000, 0x1000), 0x1000000);
	assert_int_equal(find_e820_area(0x1000001, SZ_1G, 0x1000, SZ_2M), 0x1200000);
	/* the last page of RAM fits exactly, one more byte does not */
	assert_int_equal(find_e820_area(0x3ffdf000, 0x3ffe0000, 0x1000, 0x1000), 0x3ffdf000);
	assert_int_equal(find_e820_area(0x3ffdf000, 0x3ffe0000, 0x1001, 0x1000), NF);
	/* end limit below the only fit */
	assert_int_equal(find_e820_area(0x9f000, 0x1000fff, 0x1000, 0x1000), NF);
	/* bad size and alignment */
	assert_int_equal(find_e820_area(0, SZ_1G, 0, 0x1000), NF);
	assert_int_equal(find_e820_area(0, SZ_1G, 0x1000, 0x3000), NF);
}

/*
 * Only usable RAM counts: ACPI, NVS and reserved entries are never found.
 * Expect the RAM entry after them.
 */
static void find_e820_area_only_ram(void **state)
{
	e820_add(0x100000, 0x100000, E820_TYPE_ACPI);
	e820_add(0x200000, 0x100000, E820_TYPE_NVS);
	e820_add(0x300000, 0x100000, E820_TYPE_RESERVED_KERN);
	e820_add(0x400000, 0x100000, E820_TYPE_RAM);
	assert_int_equal(find_e820_area(0, SZ_1G, 0x1000, 0x1000), 0x400000);
}

/*
 * RAM on both sides of 4 GiB with a reservation crossing it:
 *   RAM [3 GiB, 4 GiB)  RAM [4 GiB, 5 GiB)   early_res [4G-4K, 4G+4K)
 * Expect a search from 4G-8K for 8 KiB to land at 4G+4K.
 */
static void find_e820_area_4g_boundary(void **state)
{
	e820_add(3ULL * SZ_1G, SZ_1G, E820_TYPE_RAM);
	e820_add(SZ_4G, SZ_1G, E820_TYPE_RAM);
	reserve_early(SZ_4G - 0x1000, SZ_4G + 0x1000, "CROSS");
	assert_int_equal(find_e820_area(SZ_4G - 0x2000, -1ULL, 0x1000, 0x1000),
			 SZ_4G - 0x2000);
	assert_int_equal(find_e820_area(SZ_4G - 0x2000, -1ULL, 0x2000, 0x1000),
			 SZ_4G + 0x1000);
	assert_int_equal(find_e820_area(SZ_4G - 1, -1ULL, 0x1000, 0x1000), SZ_4G + 0x1000);
	assert_int_equal(find_e820_area(SZ_4G - 0x2000, SZ_4G, 0x2000, 0x1000), NF);
}

/*
 * The top of the 64-bit space: a reservation ending at 2^64 - 4 KiB and
 * an alignment that would wrap.  Expect "not found", never a wrapped hit.
 */
static void find_early_area_wrap(void **state)
{
	u64 top = ~0ULL;

	reserve_early(top - 0x2fff, top - 0xfff, "TOP");
	assert_int_equal(find_early_area(top - 0x3fff, top, 0, top, 0x1000, 0x1000),
			 top - 0x3fff);
	assert_int_equal(find_early_area(top - 0x2fff, top, 0, top, 0x2000, 0x1000), NF);
	assert_int_equal(find_early_area(top - 0x2fff, top, 0, top, 0x1000, SZ_1G), NF);
	assert_int_equal(find_early_area(0x1000, 0x2000, top - 0xfff, top, 1, 0x1000), NF);
}

/*
 * early_res_to_bootmem on a 64 MiB bitmap clipped to [0, 32 MiB):
 *   #0 [0x1000, 0x2800)     partial pages: pages 1..2 reserved
 *   #1 [0x1fff000, 0x2001000)  crosses 32 MiB: clipped
 *   #2 [0x3000000, 0x3001000)  above the window: printed, not reserved
 * Expect those bits, the 2.6 log and an empty table afterwards.
 */
static void early_res_to_bootmem_clips_and_empties(void **state)
{
	bootmem_data_t *bdata = &bootmem_node_data[0];
	unsigned long pfn;

	assert_int_equal(sim_ram_setup(SZ_64M), 0);
	init_bootmem_core(bdata, 0x3800, 0, 0x4000);
	free_bootmem(0, SZ_32M);
	reserve_early(0x1000, 0x2800, "A");
	reserve_early(0x1fff000, 0x2001000, "B");
	reserve_early(0x3000000, 0x3001000, "C");
	host_console_capture(out, sizeof(out));
	early_res_to_bootmem(0, SZ_32M);
	host_console_capture(NULL, 0);
	assert_string_equal(out,
		"[    0.000000] (3/20 early reservations) ==> bootmem [0000000000 - 0002000000]\n"
		"[    0.000000]   #0 [0000001000 - 0000002800]                A ==> [0000001000 - 0000002800]\n"
		"[    0.000000]   #1 [0001fff000 - 0002001000]                B ==> [0001fff000 - 0002000000]\n"
		"[    0.000000]   #2 [0003000000 - 0003001000]                C\n");
	assert_int_equal(early_res_count(), 0);
	for (pfn = 0; pfn < 0x2000; pfn++)
		assert_int_equal(test_bit(pfn, bdata->node_bootmem_map),
				 pfn == 1 || pfn == 2 || pfn == 0x1fff);
	sim_ram_teardown();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(reserve_early_records_in_order, setup),
		cmocka_unit_test_setup(reserve_early_empty_and_inverted, setup),
		cmocka_unit_test_setup(reserve_early_names, setup),
		cmocka_unit_test_setup(reserve_early_overlap_panics, setup),
		cmocka_unit_test_setup(reserve_early_overlap_above_4g, setup),
		cmocka_unit_test_setup(reserve_early_table_full, setup),
		cmocka_unit_test_setup(free_early_exact_only, setup),
		cmocka_unit_test_setup(print_early_res_format, setup),
		cmocka_unit_test_setup(find_e820_area_skips_holes_and_reservations, setup),
		cmocka_unit_test_setup(find_e820_area_only_ram, setup),
		cmocka_unit_test_setup(find_e820_area_4g_boundary, setup),
		cmocka_unit_test_setup(find_early_area_wrap, setup),
		cmocka_unit_test_setup(early_res_to_bootmem_clips_and_empties, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
