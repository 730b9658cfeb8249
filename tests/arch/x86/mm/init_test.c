// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for arch/x86/mm/init.c: the two machine profiles, zone_sizes_init()
 * (where each zone ends, every limit capped by max_low_pfn) and mem_init()
 * (lowmem then highmem into the buddy allocator, the layout print on
 * i386).  Each scenario boots a machine through the real boot sequence.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/pageblock-flags.h>
#include <asm/host.h>
#include "../../../mm/boot_fixture.h"

static char out[1 << 18];

static int group_setup(void **state)
{
	boot_fixture_log(out, sizeof(out));
	return boot_fixture_init(7ULL << 30);
}

static int teardown(void **state)
{
	highmem_param = -1;
	return 0;
}

/*
 * The profiles: i386 is FLATMEM with pageblocks of MAX_ORDER - 1 (no
 * huge pages), DMA/Normal/HighMem; x86_64 is SPARSEMEM (128 MiB
 * sections) with 2 MiB pageblocks, DMA/DMA32/Normal/Device.  Movable
 * exists in both.  Expect each profile's zones and block sizes, and
 * free_area_init() to take the pageblock order from the profile booted.
 */
static void mm_profiles_zones_and_blocks(void **state)
{
	mm_profile = &mm_profile_i386;
	assert_int_equal(mm_profile_i386.pageblock_order, MAX_ORDER - 1);
	assert_true(zone_configured(ZONE_HIGHMEM) && zone_configured(ZONE_MOVABLE));
	assert_false(zone_configured(ZONE_DMA32));
	assert_int_equal(mm_profile_i386.section_shift, 0);
	mm_profile = &mm_profile_x86_64;
	assert_int_equal(PFN_PHYS(1UL << mm_profile_x86_64.pageblock_order), SZ_2M);
	assert_true(zone_configured(ZONE_DMA32) && zone_configured(ZONE_DEVICE));
	assert_false(zone_configured(ZONE_HIGHMEM));
	assert_int_equal(PFN_PHYS(1UL << mm_profile_x86_64.section_shift), SZ_128M);
	boot_fixture_qemu(&mm_profile_x86_64, SZ_256M, NULL);
	assert_int_equal(pageblock_nr_pages, 512);
	boot_fixture_qemu(&mm_profile_i386, SZ_256M, NULL);
	assert_int_equal(pageblock_nr_pages, 1024);
}

/*
 * i386 with 8 MiB: max_low_pfn is below the 16 MiB DMA limit, so DMA is
 * capped there and the rest is empty.
 *
 *   0 ............ 8 MiB (max_low_pfn = max_pfn) ....... 16 MiB
 *   |---- DMA -----|                                     (DMA limit)
 *
 * Expect DMA to end at max_low_pfn, Normal and HighMem empty.
 */
static void zone_sizes_init_dma_capped_by_max_low_pfn(void **state)
{
	boot_fixture_qemu(&mm_profile_i386, SZ_8M, NULL);
	assert_int_equal(zone_end_pfn(node_zone(ZONE_DMA)), max_low_pfn);
	assert_int_equal(max_low_pfn, PFN_DOWN(SZ_8M - 0x20000));
	assert_int_equal(node_zone(ZONE_NORMAL)->spanned_pages, 0);
	assert_int_equal(node_zone(ZONE_HIGHMEM)->spanned_pages, 0);
}

/*
 * i386 -m 512M highmem=64M: Normal stops at max_low_pfn, HighMem takes
 * [max_low_pfn, max_pfn).
 *
 *   0 .. 16M | 16M ...... 448M - 128K | ... 512M - 128K
 *     DMA    |        Normal          |    HighMem
 *
 * Expect the three zones to meet exactly at 16 MiB and max_low_pfn.
 */
static void zone_sizes_init_i386_highmem_split(void **state)
{
	boot_fixture_qemu(&mm_profile_i386, SZ_512M, "highmem=64M");
	assert_int_equal(zone_end_pfn(node_zone(ZONE_DMA)), PFN_DOWN(SZ_16M));
	assert_int_equal(node_zone(ZONE_NORMAL)->zone_start_pfn, PFN_DOWN(SZ_16M));
	assert_int_equal(zone_end_pfn(node_zone(ZONE_NORMAL)), max_low_pfn);
	assert_int_equal(max_low_pfn, PFN_DOWN(SZ_512M - 0x20000 - SZ_64M));
	assert_int_equal(node_zone(ZONE_HIGHMEM)->zone_start_pfn, max_low_pfn);
	assert_int_equal(zone_end_pfn(node_zone(ZONE_HIGHMEM)), max_pfn);
}

/*
 * x86_64 -m 2G: all below 4 GiB, so DMA32 is capped by max_low_pfn
 * (= max_pfn) and Normal is empty.  -m 6G: DMA32 ends at 4 GiB exactly
 * and Normal holds the 3 GiB above it.
 *
 *   2G: | DMA | DMA32 ........ 2G - 128K |
 *   6G: | DMA | DMA32 ... 3G - 128K | hole | 4G ... Normal ... 7G |
 *
 * Expect those zone ends.
 */
static void zone_sizes_init_x86_64_dma32(void **state)
{
	boot_fixture_qemu(&mm_profile_x86_64, SZ_2G, NULL);
	assert_int_equal(zone_end_pfn(node_zone(ZONE_DMA32)), max_low_pfn);
	assert_int_equal(max_low_pfn, PFN_DOWN(SZ_2G - 0x20000));
	assert_int_equal(node_zone(ZONE_NORMAL)->spanned_pages, 0);

	boot_fixture_qemu(&mm_profile_x86_64, 6ULL << 30, NULL);
	assert_int_equal(zone_end_pfn(node_zone(ZONE_DMA32)), PFN_DOWN(SZ_4G));
	assert_int_equal(node_zone(ZONE_NORMAL)->zone_start_pfn, PFN_DOWN(SZ_4G));
	assert_int_equal(node_zone(ZONE_NORMAL)->present_pages, PFN_DOWN(3ULL << 30));
}

/*
 * mem_init on i386 -m 1G: highmem holds no boot allocation (page tables
 * and memmap stay in lowmem), so every HighMem page ends up free, and the
 * highmem total is that zone's.  Expect managed = present = free in
 * HighMem (nothing allocated yet), totalhigh_pages() equal to it, and
 * the "virtual kernel memory layout" print.
 */
static void mem_init_frees_all_highmem(void **state)
{
	struct zone *high = node_zone(ZONE_HIGHMEM);

	boot_fixture_qemu(&mm_profile_i386, SZ_1G, NULL);
	drain_local_pages(NULL);
	assert_true(high->present_pages > 0);
	assert_int_equal(high->managed_pages, high->present_pages);
	assert_int_equal(zone_page_state(high, NR_FREE_PAGES), high->present_pages);
	assert_int_equal(totalhigh_pages(), high->managed_pages);
	assert_non_null(strstr(out, "virtual kernel memory layout:\n"));
}

/*
 * mem_init on x86_64: no highmem, no layout print; lowmem managed pages
 * add up to totalram_pages().
 */
static void mem_init_x86_64(void **state)
{
	unsigned long managed = 0;
	struct zone *z;

	boot_fixture_qemu(&mm_profile_x86_64, SZ_512M, NULL);
	for_each_zone(z)
		managed += z->managed_pages;
	assert_int_equal(managed, totalram_pages());
	assert_int_equal(totalhigh_pages(), 0);
	assert_null(strstr(out, "virtual kernel memory layout"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mm_profiles_zones_and_blocks),
		cmocka_unit_test_teardown(zone_sizes_init_dma_capped_by_max_low_pfn, teardown),
		cmocka_unit_test_teardown(zone_sizes_init_i386_highmem_split, teardown),
		cmocka_unit_test_teardown(zone_sizes_init_x86_64_dma32, teardown),
		cmocka_unit_test_teardown(mem_init_frees_all_highmem, teardown),
		cmocka_unit_test_teardown(mem_init_x86_64, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
