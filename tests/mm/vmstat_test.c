// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/vmstat.c: /proc/buddyinfo, /proc/pagetypeinfo and
 * /proc/zoneinfo in Linux 6.1's formats, fed to a line sink here, and the
 * mm_show= boot switch that prints them through printk.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/pageblock-flags.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "boot_fixture.h"

#define P	"[    0.000000] "

static char out[1 << 18];

static int group_setup(void **state)
{
	boot_fixture_log(out, sizeof(out));
	return boot_fixture_init(SZ_2G);
}

static char dump[1 << 16];
static size_t dump_len;

static void sink(void *data, const char *line)
{
	dump_len += snprintf(dump + dump_len, sizeof(dump) - dump_len, "%s\n", line);
	(*(int *)data)++;
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static int setup(void **state)
{
	dump_len = 0;
	dump[0] = '\0';
	return 0;
}

/*
 * buddyinfo: one line per populated zone, "Node 0, zone %8s " then
 * "%6lu " per order.  Expect the numbers to be the free_area counts.
 */
static void buddyinfo_show_format(void **state)
{
	char expect[256];
	int lines = 0, n, o;

	boot_fixture_qemu(&mm_profile_i386, SZ_1G, NULL);
	buddyinfo_show(sink, &lines);
	assert_int_equal(lines, 3);
	n = snprintf(expect, sizeof(expect), "Node 0, zone   Normal ");
	for (o = 0; o < MAX_ORDER; o++)
		n += snprintf(expect + n, sizeof(expect) - n, "%6lu ",
			      node_zone(ZONE_NORMAL)->free_area[o].nr_free);
	assert_non_null(strstr(dump, expect));
	assert_true(strncmp(dump, "Node 0, zone      DMA ", 22) == 0);
	assert_null(strstr(dump, "Movable"));		/* unpopulated: not shown */
}

/*
 * pagetypeinfo: header, per-type free counts per order, then pageblocks
 * per type.  At boot every pageblock that starts in RAM is Movable: DMA's
 * block 0 starts at pfn 0, a hole, and stays Unmovable, as real Linux
 * x86_64 shows ("1 7" for DMA).
 */
static void pagetypeinfo_show_format(void **state)
{
	int lines = 0;

	boot_fixture_qemu(&mm_profile_x86_64, SZ_512M, NULL);
	pagetypeinfo_show(sink, &lines);
	assert_true(starts_with(dump, "Page block order: 9\nPages per block:  512\n\n"
				"Free pages count per migrate type at order       0      1"
				"      2      3      4      5      6      7      8      9     10 \n"));
	assert_non_null(strstr(dump, "Node    0, zone    DMA32, type    Unmovable      0      0 "));
	assert_non_null(strstr(dump, "\nNumber of blocks type     Unmovable      Movable  Reclaimable   HighAtomic \n"));
	assert_non_null(strstr(dump, "Node 0, zone      DMA            1            7            0            0 \n"));
	assert_int_equal(lines, 3 + 1 + 2 * MIGRATE_TYPES + 1 + 1 + 2);
}

/*
 * Number of blocks per type on i386 -m 1G, where two zone edges are not
 * pageblock-aligned (1024 pages):
 *
 *   pfn 0   1 ............ 0x1000 ........ 0x377fe .......... 0x3ffe0
 *   |  DMA: block 0 starts |  Normal: aligned  |  HighMem: block 0x37400
 *   |  in a hole           |                   |  starts in Normal
 *
 * Memmap init marks only pageblocks whose first PFN is in the zone's RAM,
 * so DMA's block 0 and HighMem's first block stay Unmovable.  Linux
 * counts one sample per 1024 PFNs from the zone's start: DMA 4 samples,
 * Normal 218, HighMem 34 (its last block, 0x3fc00, is never sampled).
 * Expect "1 3", "0 218" and "1 33" (Unmovable, Movable) before any
 * allocation has re-typed a block.
 */
static void pagetypeinfo_blocks_at_unaligned_zone_edges(void **state)
{
	int lines = 0;

	boot_fixture_qemu(&mm_profile_i386, SZ_1G, NULL);
	pagetypeinfo_show(sink, &lines);
	assert_non_null(strstr(dump, "Node 0, zone      DMA            1            3            0            0 \n"
				     "Node 0, zone   Normal            0          218            0            0 \n"
				     "Node 0, zone  HighMem            1           33            0            0 \n"));
	/* DMA's free pages of block 0 (pfn 0x100..0x3ff) sit on the Unmovable lists */
	assert_non_null(strstr(dump, "zone      DMA, type    Unmovable      0      0      0      0"
				     "      0      0      0      0      1      1      0 \n"));
}

/*
 * A free list longer than 100000 blocks: Linux stops counting there and
 * prints ">100000".  x86_64 -m 1G, every page allocated, then every
 * even PFN freed (no buddy can merge), so DMA32's Movable order-0 list
 * holds about 130000 blocks.
 *
 *   pfn  ... 2k   2k+1  2k+2  2k+3 ...
 *            free alloc free  alloc
 *
 * Expect ">100000" in that column, the exact count elsewhere (the few
 * blocks the min watermark kept back), and the free counts back where
 * they were after everything is freed.
 */
static void pagetypeinfo_caps_long_lists(void **state)
{
	unsigned long free_before;
	struct page *page, *next;
	LIST_HEAD(held);
	int lines = 0;

	boot_fixture_qemu(&mm_profile_x86_64, SZ_1G, NULL);
	free_before = nr_free_pages();
	while ((page = alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN, 0)))
		list_add(&page->lru, &held);
	list_for_each_entry_safe(page, next, &held, lru)
		if (!(page_to_pfn(page) & 1)) {
			list_del(&page->lru);
			__free_pages(page, 0);
		}
	drain_local_pages(NULL);
	pagetypeinfo_show(sink, &lines);
	assert_non_null(strstr(dump, "Node    0, zone    DMA32, type      Movable >100000      1 "));
	assert_non_null(strstr(dump, "Node    0, zone    DMA32, type    Unmovable      0 "));
	list_for_each_entry_safe(page, next, &held, lru) {
		list_del(&page->lru);
		__free_pages(page, 0);
	}
	drain_local_pages(NULL);
	assert_int_equal(nr_free_pages(), free_before);
}

/*
 * zoneinfo: every zone the profile has, populated or not (an empty one
 * stops after "protection:"); protection lists one entry per zone of the
 * profile (i386: DMA, Normal, HighMem, Movable).
 */
static void zoneinfo_show_format(void **state)
{
	char expect[512];
	struct zone *n;
	int lines = 0;

	boot_fixture_qemu(&mm_profile_i386, SZ_1G, NULL);
	n = node_zone(ZONE_NORMAL);
	zoneinfo_show(sink, &lines);
	snprintf(expect, sizeof(expect),
		 "Node 0, zone   Normal\n  pages free     %lu\n        boost    0\n"
		 "        min      %lu\n        low      %lu\n        high     %lu\n"
		 "        spanned  %lu\n        present  %lu\n        managed  %lu\n"
		 "        cma      0\n        protection: (0, 0, %ld, %ld)\n"
		 "      nr_free_pages %lu\n",
		 zone_page_state(n, NR_FREE_PAGES), min_wmark_pages(n), low_wmark_pages(n),
		 high_wmark_pages(n), n->spanned_pages, n->present_pages,
		 zone_managed_pages(n), n->lowmem_reserve[ZONE_HIGHMEM],
		 n->lowmem_reserve[ZONE_MOVABLE], zone_page_state(n, NR_FREE_PAGES));
	assert_non_null(strstr(dump, expect));
	assert_non_null(strstr(dump, "  start_pfn:           4096\n"));
	assert_non_null(strstr(dump, "Node 0, zone  Movable\n"));
	assert_non_null(strstr(dump, "Node 0, zone  Movable\n  pages free     0\n"));
	assert_true(ends_with(dump, "        managed  0\n        cma      0\n"
			      "        protection: (0, 0, 0, 0)\n"));
	assert_null(strstr(dump, "DMA32"));
}

/* x86_64 lists DMA32 and Device too: five protection entries. */
static void zoneinfo_show_x86_64_zones(void **state)
{
	int lines = 0;

	boot_fixture_qemu(&mm_profile_x86_64, SZ_512M, NULL);
	zoneinfo_show(sink, &lines);
	assert_non_null(strstr(dump, "Node 0, zone    DMA32\n"));
	assert_non_null(strstr(dump, "Node 0, zone   Device\n"));
	assert_non_null(strstr(dump, "Node 0, zone   Normal\n  pages free     0\n"));
	assert_non_null(strstr(dump, "        protection: (0, 0, 0, 0, 0)\n"));
}

/* mm_show=buddyinfo,zoneinfo prints both through printk at the end of mm_core_init. */
static void mm_show_boot_switch(void **state)
{
	boot_fixture_qemu(&mm_profile_i386, SZ_128M, "mm_show=buddyinfo,zoneinfo");
	assert_non_null(strstr(out, P "Node 0, zone      DMA      "));
	assert_non_null(strstr(out, P "  pages free     "));
	assert_null(strstr(out, "Page block order"));
	parse_early_param("mm_show=none");
	boot_fixture_qemu(&mm_profile_i386, SZ_128M, NULL);
	assert_null(strstr(out, "pages free"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(buddyinfo_show_format, setup),
		cmocka_unit_test_setup(pagetypeinfo_show_format, setup),
		cmocka_unit_test_setup(pagetypeinfo_blocks_at_unaligned_zone_edges, setup),
		cmocka_unit_test_setup(pagetypeinfo_caps_long_lists, setup),
		cmocka_unit_test_setup(zoneinfo_show_format, setup),
		cmocka_unit_test_setup(zoneinfo_show_x86_64_zones, setup),
		cmocka_unit_test_setup(mm_show_boot_switch, setup),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
