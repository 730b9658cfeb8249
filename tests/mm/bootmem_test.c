// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/bootmem.c (the 2.6.2x bitmap allocator; the bootmem= switch
 * and the one early-allocation API are nobootmem_test.c's).  Physical memory
 * is a sparse 8 GiB arena, so the bitmap, the pages it hands out and the
 * 4 GiB limit of the "low" allocators are real.  Most scenarios put the
 * bitmap outside the node it describes (PFN 0x100000, 4 GiB) so that
 * freeing the whole node cannot free the bitmap; the setup and hand-over
 * scenarios put it inside, as a boot does.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/pfn.h>
#include <linux/bitops.h>
#include <linux/memblock.h>
#include <linux/bootmem.h>
#include <linux/early_res.h>
#include <linux/mm.h>
#include <asm/e820/api.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "expect_panic.h"
#include "boot_fixture.h"

#define ARENA_SIZE	(8ULL << 30)
#define OUTSIDE_MAP	0x100000UL	/* bitmap PFN outside every test node */
#define P		"[    0.000000] "

static bootmem_data_t *bdata = &bootmem_node_data[0];
static char out[1 << 18];

static int setup(void **state)
{
	early_allocator = EARLY_ALLOC_MEMBLOCK;
	boot_fixture_reset();
	return 0;
}

static int group_setup(void **state)
{
	return boot_fixture_init(ARENA_SIZE);
}

static bool reserved(unsigned long pfn)
{
	return test_bit(pfn - PFN_DOWN(bdata->node_boot_start), bdata->node_bootmem_map);
}

/* A node of PFNs [0, end) with the bitmap outside it, every page free. */
static void node_all_free(unsigned long end)
{
	init_bootmem_core(bdata, OUTSIDE_MAP, 0, end);
	free_bootmem(0, PFN_PHYS(end));
}

static phys_addr_t pa(void *p)
{
	assert_non_null(p);
	return __pa(p);
}

/* Expect one page of bitmap per 32768 pages, rounded up. */
static void bootmem_bootmap_pages_sizes(void **state)
{
	assert_int_equal(bootmem_bootmap_pages(0), 0);
	assert_int_equal(bootmem_bootmap_pages(1), 1);
	assert_int_equal(bootmem_bootmap_pages(32768), 1);
	assert_int_equal(bootmem_bootmap_pages(32769), 2);
	assert_int_equal(bootmem_bootmap_pages(SZ_1G >> PAGE_SHIFT), 8);
	assert_int_equal(bootmem_bootmap_pages(SZ_4G >> PAGE_SHIFT), 32);
	assert_int_equal(bootmem_bootmap_pages((64ULL << 30) >> PAGE_SHIFT), 512);
}

/*
 * init_bootmem(0x100, 0x1000): bitmap at 1 MiB for 16 MiB of pages.
 * Expect min/max_low_pfn set, 0x200 bytes returned, every bit set.
 */
static void init_bootmem_sets_every_bit(void **state)
{
	unsigned long pfn;

	memset(__va(0x100000), 0, PAGE_SIZE);
	assert_int_equal(init_bootmem(0x100, 0x1000), 0x200);
	assert_int_equal(min_low_pfn, 0x100);
	assert_int_equal(max_low_pfn, 0x1000);
	assert_ptr_equal(bdata->node_bootmem_map, __va(0x100000));
	assert_int_equal(bdata->node_boot_start, 0);
	assert_int_equal(bdata->node_low_pfn, 0x1000);
	for (pfn = 0; pfn < 0x1000; pfn++)
		assert_true(reserved(pfn));
	assert_int_equal(*((u8 *)__va(0x100000) + 0x200), 0);
}

/*
 * A node whose page count is not a multiple of a long: 0x1001 pages.
 * Expect 0x208 bytes (rounded to 8) and the padding bits set, so a scan
 * never finds a page past the end.
 */
static void init_bootmem_core_odd_size_pads_with_reserved(void **state)
{
	unsigned long pfn;

	assert_int_equal(init_bootmem_core(bdata, OUTSIDE_MAP, 0, 0x1001), 0x208);
	free_bootmem(0, PFN_PHYS(0x1001));
	for (pfn = 0x1001; pfn < 0x1040; pfn++)
		assert_true(test_bit(pfn, bdata->node_bootmem_map));
	assert_false(reserved(0x1000));
}

/* Expect an empty node to panic with its PFNs. */
static void init_bootmem_core_empty_panics(void **state)
{
	expect_panic(init_bootmem_core(bdata, OUTSIDE_MAP, 0x10, 0x10),
		     "init_bootmem_core: empty node, PFNs 0x10-0x10");
}

/*
 * Seed 004's loop over an e820 map with unaligned edges, max_low_pfn 0x1000:
 *
 *   RAM [0, 0x9fc00)           pfn 0..0x9e free, 0x9f partial: reserved
 *   reserved [0x9fc00, 1 MiB)
 *   RAM [0x100800, 0x200400)   0x100 and 0x200 partial: 0x101..0x1ff free
 *   RAM [0x300100, 0x300f00)   inside one page: nothing
 *   RAM [4 MiB, 16 MiB + 20 KiB) clipped: 0x400..0xfff free (ends exactly
 *                              at max_low_pfn)
 *   RAM [32 MiB, 64 MiB)       above max_low_pfn: skipped
 * Expect exactly those bits clear.
 */
static void register_bootmem_low_pages_rounds_inward(void **state)
{
	unsigned long pfn;

	__e820__range_add(e820_table, 0, 0x9fc00, E820_TYPE_RAM);
	__e820__range_add(e820_table, 0x9fc00, 0x60400, E820_TYPE_RESERVED);
	__e820__range_add(e820_table, 0x100800, 0xffc00, E820_TYPE_RAM);
	__e820__range_add(e820_table, 0x300100, 0xe00, E820_TYPE_RAM);
	__e820__range_add(e820_table, 0x400000, 0xc05000, E820_TYPE_RAM);
	__e820__range_add(e820_table, SZ_32M, SZ_32M, E820_TYPE_RAM);
	init_bootmem_core(bdata, OUTSIDE_MAP, 0, 0x1000);
	register_bootmem_low_pages(0x1000);
	for (pfn = 0; pfn < 0x1000; pfn++) {
		bool free = pfn <= 0x9e || (pfn >= 0x101 && pfn <= 0x1ff) || pfn >= 0x400;

		if (reserved(pfn) == free)
			fail_msg("pfn %#lx: expected %s", pfn, free ? "free" : "reserved");
	}
}

/*
 * Only the first and the last page of a node are free:
 *   pfn 0 free | 1 .. 0xffe reserved | 0xfff free  (max_low_pfn 0x1000)
 * Expect a goal-less page to be pfn 0, a goal-less second page to be
 * 0xfff (scan reaches the very last bit), a third to fail.
 */
static void alloc_first_and_last_pfn(void **state)
{
	init_bootmem_core(bdata, OUTSIDE_MAP, 0, 0x1000);
	free_bootmem(0, PAGE_SIZE);
	free_bootmem(PFN_PHYS(0xfff), PAGE_SIZE);
	assert_int_equal(pa(__alloc_bootmem_nopanic(PAGE_SIZE, PAGE_SIZE, 0)), 0);
	assert_int_equal(pa(__alloc_bootmem_nopanic(PAGE_SIZE, PAGE_SIZE, 0)), 0xfff000);
	assert_null(__alloc_bootmem_nopanic(1, 0, 0));
	assert_true(reserved(0) && reserved(0xfff));
}

/*
 * reserve_bootmem on a free 16 MiB node:
 *   [0x1800, 0x2800)  partial pages: pfn 1 and 2 (outward)
 *   [0x5000, 0x5001)  one byte: pfn 5
 *   EXCLUSIVE [0x2000, 0x4000): pfn 2 taken -> -EBUSY, pfn 3 untouched
 *   EXCLUSIVE [0x3000, 0x5000): free -> 0
 *   the last page exactly -> 0; one byte past the node, empty, wrapping -> -EINVAL
 */
static void reserve_bootmem_rounds_outward(void **state)
{
	node_all_free(0x1000);
	assert_int_equal(reserve_bootmem(0x1800, 0x1000, BOOTMEM_DEFAULT), 0);
	assert_int_equal(reserve_bootmem(0x5000, 1, BOOTMEM_DEFAULT), 0);
	assert_true(!reserved(0) && reserved(1) && reserved(2) && !reserved(3));
	assert_true(!reserved(4) && reserved(5) && !reserved(6));
	assert_int_equal(reserve_bootmem(0x2000, 0x2000, BOOTMEM_EXCLUSIVE), -EBUSY);
	assert_false(reserved(3));
	assert_int_equal(reserve_bootmem(0x3000, 0x2000, BOOTMEM_EXCLUSIVE), 0);
	assert_true(reserved(3) && reserved(4));
	/* reserving twice without EXCLUSIVE is fine */
	assert_int_equal(reserve_bootmem(0x1000, 0x1000, BOOTMEM_DEFAULT), 0);
	assert_int_equal(reserve_bootmem(0xfff000, 0x1000, BOOTMEM_DEFAULT), 0);
	assert_true(reserved(0xfff) && !reserved(0xffe));
	assert_int_equal(reserve_bootmem(0xfff000, 0x1001, BOOTMEM_DEFAULT), -EINVAL);
	assert_int_equal(reserve_bootmem(0x7000, 0, BOOTMEM_DEFAULT), -EINVAL);
	assert_int_equal(reserve_bootmem(~0ULL - 0xfff, 0x2000, BOOTMEM_DEFAULT), -EINVAL);
	assert_false(reserved(0x7));
}

/*
 * free_bootmem [0x1800, 0x3800) on a reserved node: only pfn 2 is whole.
 * Expect pfn 1 and 3 still reserved; freeing pfn 2 again panics; a range
 * past the node is reported and changes nothing.
 */
static void free_bootmem_rounds_inward(void **state)
{
	init_bootmem_core(bdata, OUTSIDE_MAP, 0, 0x1000);
	free_bootmem(0x1800, 0x2000);
	assert_true(reserved(1) && !reserved(2) && reserved(3));
	expect_panic(free_bootmem(0x2000, 0x1000), "free_bootmem: page 0x2000 is already free");
	host_console_capture(out, sizeof(out));
	free_bootmem(0xfff000, 0x2000);
	host_console_capture(NULL, 0);
	assert_string_equal(out, P "free_bootmem: [mem 0x0000000000fff000-0x0000000001000fff] is outside the bitmap\n");
	assert_true(reserved(0xfff));
}

/*
 * First fit with the 2.6 wrappers on a free 32 MiB node (SMP_CACHE_BYTES
 * alignment for objects, page alignment for pages, goal 16 MiB):
 *   alloc_bootmem(100)         -> 16 MiB
 *   alloc_bootmem_pages(4096)  -> 16 MiB + 4 KiB (16 MiB's page is taken)
 *   alloc_bootmem(64)          -> 16 MiB + 8 KiB
 *   alloc_bootmem(64)          -> shares that page at + 64
 *   alloc_bootmem_low(10)      -> 0 (no goal: from the bottom)
 *   alloc_bootmem_node(pgdat)  -> 16 MiB + 12 KiB: the low allocation
 *                                 moved the shared page to pfn 0
 */
static void alloc_bootmem_first_fit_from_goal(void **state)
{
	node_all_free(0x2000);
	assert_int_equal(pa(alloc_bootmem(100)), SZ_16M);
	assert_int_equal(pa(alloc_bootmem_pages(PAGE_SIZE)), SZ_16M + 0x1000);
	assert_int_equal(pa(alloc_bootmem(64)), SZ_16M + 0x2000);
	assert_int_equal(pa(alloc_bootmem(64)), SZ_16M + 0x2000 + SMP_CACHE_BYTES);
	assert_int_equal(pa(alloc_bootmem_low(10)), 0);
	assert_int_equal(pa(alloc_bootmem_node(NODE_DATA(0), 8)), SZ_16M + 0x3000);
	assert_false(reserved(0x1004));
}

/*
 * Everything from the goal up is reserved:
 *   [0, 16 MiB) free | [16 MiB, 32 MiB) reserved
 * Expect alloc_bootmem() to fall back to the bottom (pfn 0), and the
 * last_success hint not to push a later goal-less search upward.
 */
static void alloc_bootmem_goal_full_falls_back(void **state)
{
	node_all_free(0x2000);
	reserve_bootmem(SZ_16M, SZ_16M, BOOTMEM_DEFAULT);
	assert_int_equal(pa(alloc_bootmem_pages(PAGE_SIZE)), 0);
	assert_int_equal(pa(alloc_bootmem_pages(PAGE_SIZE)), 0x1000);
	/* a goal past the node's end is ignored */
	assert_int_equal(pa(__alloc_bootmem(PAGE_SIZE, PAGE_SIZE, SZ_1G)), 0x2000);
}

/*
 * Alignment larger than a page, on a node that starts at an odd PFN:
 *   node [0x101, 0x2000)  align 16 KiB -> first 4-page boundary is 0x104
 *   goal 1 MiB + 1 with align 2 MiB -> 2 MiB
 */
static void alloc_bootmem_alignment(void **state)
{
	init_bootmem_core(bdata, OUTSIDE_MAP, 0x101, 0x2000);
	free_bootmem(PFN_PHYS(0x101), PFN_PHYS(0x2000 - 0x101));
	assert_int_equal(pa(__alloc_bootmem(PAGE_SIZE, 0x4000, 0)), 0x104000);
	assert_int_equal(pa(__alloc_bootmem(PAGE_SIZE, SZ_2M, 0x100001)), SZ_2M);
	assert_int_equal(pa(__alloc_bootmem(3 * PAGE_SIZE, 0x4000, 0)), 0x108000);
}

/*
 * Small allocations share the previous one's last page (align 8, no goal):
 *   100 B -> 0        100 B -> 104 (ALIGN(100, 8))
 *   4000 B -> 208, spills 112 bytes into pfn 1
 *   8 B -> 0x1000 + 112
 * After pfn 1 is freed the shared tail is forgotten: 8 B -> 0x1000.
 */
static void alloc_bootmem_merges_partial_pages(void **state)
{
	node_all_free(0x100);
	assert_int_equal(pa(__alloc_bootmem(100, 8, 0)), 0);
	assert_int_equal(pa(__alloc_bootmem(100, 8, 0)), 104);
	assert_int_equal(pa(__alloc_bootmem(4000, 8, 0)), 208);
	assert_true(reserved(0) && reserved(1) && !reserved(2));
	assert_int_equal(pa(__alloc_bootmem(8, 8, 0)), 0x1000 + 112);
	free_bootmem(0x1000, 0x1000);
	assert_int_equal(pa(__alloc_bootmem(8, 8, 0)), 0x1000);
}

/*
 * The pgdat wrappers of a 32 MiB node (node 0 is the only node):
 *   free all, reserve [0, 8 KiB) through the node calls
 * Expect alloc_bootmem_low_pages -> 8 KiB (bottom), alloc_bootmem_pages_node
 * -> 16 MiB (goal), __alloc_bootmem_low_node -> 12 KiB, and a page given
 * back with free_bootmem_node to be found again.
 */
static void bootmem_node_wrappers(void **state)
{
	pg_data_t *pgdat = NODE_DATA(0);

	assert_int_equal(init_bootmem_node(pgdat, OUTSIDE_MAP, 0, 0x2000), 0x400);
	free_bootmem_node(pgdat, 0, SZ_32M);
	assert_int_equal(reserve_bootmem_node(pgdat, 0, 0x2000, BOOTMEM_EXCLUSIVE), 0);
	assert_int_equal(reserve_bootmem_node(pgdat, 0x1000, 1, BOOTMEM_EXCLUSIVE), -EBUSY);
	assert_int_equal(pa(alloc_bootmem_low_pages(PAGE_SIZE)), 0x2000);
	assert_int_equal(pa(alloc_bootmem_pages_node(pgdat, 2 * PAGE_SIZE)), SZ_16M);
	assert_int_equal(pa(__alloc_bootmem_low_node(pgdat, 8, 8, 0)), 0x3000);
	free_bootmem_node(pgdat, 0, PAGE_SIZE);
	assert_int_equal(pa(__alloc_bootmem_node(pgdat, PAGE_SIZE, PAGE_SIZE, 0)), 0);
}

/*
 * Alignment 0 means "any byte": a 75-byte block then a 1-byte block.
 * Expect the second right after the first (offset 75), not on top of it.
 */
static void alloc_bootmem_align_zero_shares_after(void **state)
{
	node_all_free(4);
	assert_int_equal(pa(__alloc_bootmem(75, 8, 0)), 0);
	assert_int_equal(pa(__alloc_bootmem(1, 0, 0)), 75);
	assert_int_equal(pa(__alloc_bootmem(1, 0, 0)), 76);
}

/*
 * The low allocators stop below 4 GiB.  Node [0, 5 GiB), only
 * [4 GiB, 4 GiB + 12 KiB) free:
 * Expect _low to fail ("Out of low memory"), a 3-page block to fit
 * exactly under a limit of 4 GiB + 12 KiB, and nothing more after it.
 */
static void alloc_bootmem_low_limit_4g(void **state)
{
	init_bootmem_core(bdata, 0x180000, 0, PFN_DOWN(5ULL << 30));
	free_bootmem(SZ_4G, 0x3000);
	host_console_capture(out, sizeof(out));
	expect_panic(__alloc_bootmem_low(8, 8, 0), "Out of low memory");
	host_console_capture(NULL, 0);
	assert_non_null(strstr(out, "low bootmem alloc of 8 bytes failed!"));
	assert_null(__alloc_bootmem_low_node(NODE_DATA(0), 8, 8, 0));
	assert_null(__alloc_bootmem_core(bdata, 0x3000, PAGE_SIZE, 0, SZ_4G + 0x2fff));
	assert_int_equal(pa(__alloc_bootmem_core(bdata, 0x3000, PAGE_SIZE, 0, SZ_4G + 0x3000)),
			 SZ_4G);
	assert_null(__alloc_bootmem_core(bdata, 1, 0, 0, 0));
}

/*
 * Exhaustion: a 64-page node.  Expect 64 page allocations in ascending
 * order, then NULL from _nopanic and "Out of memory" from __alloc_bootmem.
 */
static void alloc_bootmem_exhaustion(void **state)
{
	phys_addr_t want;

	node_all_free(64);
	for (want = 0; want < PFN_PHYS(64); want += PAGE_SIZE)
		assert_int_equal(pa(__alloc_bootmem_nopanic(PAGE_SIZE, PAGE_SIZE, 0)), want);
	assert_null(__alloc_bootmem_nopanic(1, 1, 0));
	host_console_capture(out, sizeof(out));
	expect_panic(__alloc_bootmem(PAGE_SIZE, PAGE_SIZE, 0), "Out of memory");
	host_console_capture(NULL, 0);
	assert_non_null(strstr(out, "bootmem alloc of 4096 bytes failed!"));
}

/* Expect zeroed memory from __alloc_bootmem_core, dirty from _raw. */
static void alloc_bootmem_zeroes_raw_does_not(void **state)
{
	u8 *p;

	memset(__va(0), 0xaa, 2 * PAGE_SIZE);
	node_all_free(2);
	p = __alloc_bootmem_core(bdata, 100, 8, 0, 0);
	assert_int_equal(p[0], 0);
	assert_int_equal(p[99], 0);
	assert_int_equal(p[100], 0xaa);
	p = __alloc_bootmem_core_raw(bdata, PAGE_SIZE, PAGE_SIZE, 0, 0);
	assert_int_equal(__pa(p), 0x1000);
	assert_int_equal(p[0], 0xaa);
}

/* Expect a zero size and a non-power-of-two alignment to panic. */
static void alloc_bootmem_bad_arguments_panic(void **state)
{
	node_all_free(16);
	expect_panic(__alloc_bootmem_core(bdata, 0, 8, 0, 0),
		     "__alloc_bootmem_core(): zero-sized request");
	expect_panic(__alloc_bootmem_core(bdata, 8, 3, 0, 0),
		     "__alloc_bootmem_core(): alignment 0x3 is not a power of two");
}

static struct {
	unsigned long start, end;
} handed[16];
static int nr_handed;

static void record_range(unsigned long start_pfn, unsigned long end_pfn)
{
	assert_true(nr_handed < (int)ARRAY_SIZE(handed));
	handed[nr_handed].start = start_pfn;
	handed[nr_handed++].end = end_pfn;
}

static void assert_handed(int i, unsigned long start, unsigned long end)
{
	assert_int_equal(handed[i].start, start);
	assert_int_equal(handed[i].end, end);
}

/*
 * The hand-over of a 256-page node with the bitmap at pfn 0x80:
 *   0 | 1..0xf free | 0x10..0x1f | 0x20..0x7f free | 0x80 map | 0x81..0xfe free | 0xff
 * Expect the three free runs in order, then the bitmap page, 238 pages,
 * and a dead allocator afterwards.
 */
static void free_all_bootmem_core_runs_then_bitmap(void **state)
{
	nr_handed = 0;
	init_bootmem_core(bdata, 0x80, 0, 0x100);
	free_bootmem(0, PFN_PHYS(0x100));
	reserve_bootmem(0, PAGE_SIZE, BOOTMEM_DEFAULT);
	reserve_bootmem(PFN_PHYS(0x10), PFN_PHYS(0x10), BOOTMEM_DEFAULT);
	reserve_bootmem(PFN_PHYS(0x80), PAGE_SIZE, BOOTMEM_DEFAULT);
	reserve_bootmem(PFN_PHYS(0xff), PAGE_SIZE, BOOTMEM_DEFAULT);
	assert_int_equal(free_all_bootmem_core(bdata, record_range), 15 + 96 + 126 + 1);
	assert_int_equal(nr_handed, 4);
	assert_handed(0, 1, 0x10);
	assert_handed(1, 0x20, 0x80);
	assert_handed(2, 0x81, 0xff);
	assert_handed(3, 0x80, 0x81);
	assert_null(bdata->node_bootmem_map);
	assert_null(__alloc_bootmem_nopanic(1, 1, 0));
	assert_int_equal(free_all_bootmem_core(bdata, record_range), 0);
	assert_int_equal(nr_handed, 4);
}

/*
 * A bitmap that was never reserved was already handed over as free RAM.
 * Expect one run [0, 0x100), a complaint, and no second hand-over.
 */
static void free_all_bootmem_core_unreserved_bitmap(void **state)
{
	nr_handed = 0;
	init_bootmem_core(bdata, 0x80, 0, 0x100);
	free_bootmem(0, PFN_PHYS(0x100));
	host_console_capture(out, sizeof(out));
	assert_int_equal(free_all_bootmem_core(bdata, record_range), 0x100);
	host_console_capture(NULL, 0);
	assert_int_equal(nr_handed, 1);
	assert_handed(0, 0, 0x100);
	assert_string_equal(out, P "bootmem: bitmap page 0x80 was not reserved\n");
}

/*
 * RAM ending exactly at max_low_pfn, where max_low_pfn is the i386 split
 * (0x377fe: not a multiple of the bitmap's word, so the map's last word
 * is padded):
 *
 *   e820 RAM [1 MiB, 0x377fe000)      max_low_pfn 0x377fe   word end 0x37800
 *   pfn 0x100 ............ 0x377fd | 0x377fe 0x377ff (padding: reserved)
 *
 * Expect the last RAM page free and the padding set; a goal at the last
 * page gets it, the next request at that goal falls back to the start;
 * free_all_bootmem_core() hands over every free page, none past the end,
 * then the bitmap's own 7 pages.
 */
static void region_ending_at_max_low_pfn(void **state)
{
	const unsigned long end = 0x377fe;
	unsigned long i;

	nr_handed = 0;
	__e820__range_add(e820_table, SZ_1M, PFN_PHYS(end) - SZ_1M, E820_TYPE_RAM);
	init_bootmem_core(bdata, OUTSIDE_MAP, 0, end);
	register_bootmem_low_pages(end);
	assert_true(reserved(0xff));
	assert_false(reserved(0x100));
	assert_false(reserved(end - 1));
	assert_true(test_bit(end, bdata->node_bootmem_map));
	assert_true(test_bit(end + 1, bdata->node_bootmem_map));
	assert_int_equal(pa(__alloc_bootmem_nopanic(PAGE_SIZE, PAGE_SIZE, PFN_PHYS(end - 1))),
			 PFN_PHYS(end - 1));
	assert_int_equal(pa(__alloc_bootmem_nopanic(PAGE_SIZE, PAGE_SIZE, PFN_PHYS(end - 1))),
			 SZ_1M);
	assert_int_equal(free_all_bootmem_core(bdata, record_range),
			 end - 0x102 + bootmem_bootmap_pages(end));
	assert_int_equal(nr_handed, 1 + bootmem_bootmap_pages(end));
	assert_handed(0, 0x101, end - 1);
	for (i = 0; i < bootmem_bootmap_pages(end); i++)	/* the bitmap, page by page */
		assert_handed(1 + i, OUTSIDE_MAP + i, OUTSIDE_MAP + i + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(bootmem_bootmap_pages_sizes, setup),
		cmocka_unit_test_setup(init_bootmem_sets_every_bit, setup),
		cmocka_unit_test_setup(init_bootmem_core_odd_size_pads_with_reserved, setup),
		cmocka_unit_test_setup(init_bootmem_core_empty_panics, setup),
		cmocka_unit_test_setup(register_bootmem_low_pages_rounds_inward, setup),
		cmocka_unit_test_setup(alloc_first_and_last_pfn, setup),
		cmocka_unit_test_setup(region_ending_at_max_low_pfn, setup),
		cmocka_unit_test_setup(reserve_bootmem_rounds_outward, setup),
		cmocka_unit_test_setup(free_bootmem_rounds_inward, setup),
		cmocka_unit_test_setup(alloc_bootmem_first_fit_from_goal, setup),
		cmocka_unit_test_setup(alloc_bootmem_goal_full_falls_back, setup),
		cmocka_unit_test_setup(alloc_bootmem_alignment, setup),
		cmocka_unit_test_setup(alloc_bootmem_merges_partial_pages, setup),
		cmocka_unit_test_setup(bootmem_node_wrappers, setup),
		cmocka_unit_test_setup(alloc_bootmem_align_zero_shares_after, setup),
		cmocka_unit_test_setup(alloc_bootmem_low_limit_4g, setup),
		cmocka_unit_test_setup(alloc_bootmem_exhaustion, setup),
		cmocka_unit_test_setup(alloc_bootmem_zeroes_raw_does_not, setup),
		cmocka_unit_test_setup(alloc_bootmem_bad_arguments_panic, setup),
		cmocka_unit_test_setup(free_all_bootmem_core_runs_then_bitmap, setup),
		cmocka_unit_test_setup(free_all_bootmem_core_unreserved_bitmap, setup),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
