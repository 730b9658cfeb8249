// SPDX-License-Identifier: GPL-2.0
/*
 * <linux/memblock.h> as a host program written for Linux's memblock sees
 * it: included after libc's <stdlib.h>, <string.h> and <assert.h> in the
 * order of Linux's tools/testing/memblock/tests/common.h, with that file's
 * own INIT_MEMBLOCK_REGIONS definitions after it, and every macro and
 * inline helper such a program uses.  A missing or clashing name fails the
 * build of this test; the behaviour of each helper is checked below.
 */
#include <stdlib.h>
#include <string.h>
#include <assert.h>
#include <linux/types.h>
#include <linux/memblock.h>
#include <linux/sizes.h>
#include <linux/printk.h>

/* as Linux's test suite defines them, after including memblock.h */
#define INIT_MEMBLOCK_REGIONS			128
#define INIT_MEMBLOCK_RESERVED_REGIONS		INIT_MEMBLOCK_REGIONS

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

/*
 * The constants.  Expect Linux 6.12's values: 128-entry arrays, flags
 * 0x1..0x10, ANYWHERE all ones, ACCESSIBLE 0, NOLEAKTRACE 1, LOW_LIMIT 0,
 * ARCH_LOW_ADDRESS_LIMIT 4 GiB - 1, PHYS_ADDR_MAX all ones, PAGE_ALIGN
 * rounding up to the page.
 */
static void memblock_header_constants(void **state)
{
	assert_int_equal(INIT_MEMBLOCK_MEMORY_REGIONS, 128);
	assert_int_equal(INIT_MEMBLOCK_RESERVED_REGIONS, 128);
	assert_int_equal(INIT_PHYSMEM_REGIONS, 4);
	assert_int_equal(MEMBLOCK_NONE, 0);
	assert_int_equal(MEMBLOCK_HOTPLUG, 0x1);
	assert_int_equal(MEMBLOCK_MIRROR, 0x2);
	assert_int_equal(MEMBLOCK_NOMAP, 0x4);
	assert_int_equal(MEMBLOCK_DRIVER_MANAGED, 0x8);
	assert_int_equal(MEMBLOCK_RSRV_NOINIT, 0x10);
	assert_true(MEMBLOCK_ALLOC_ANYWHERE == PHYS_ADDR_MAX);
	assert_int_equal(MEMBLOCK_ALLOC_ACCESSIBLE, 0);
	assert_int_equal(MEMBLOCK_ALLOC_NOLEAKTRACE, 1);
	assert_int_equal(MEMBLOCK_LOW_LIMIT, 0);
	assert_int_equal(ARCH_LOW_ADDRESS_LIMIT, 0xffffffffUL);
	assert_int_equal(sizeof(phys_addr_t), 8);
	assert_int_equal(PAGE_ALIGN((phys_addr_t)SZ_2), PAGE_SIZE);
	assert_int_equal(PAGE_ALIGN((phys_addr_t)PAGE_SIZE), PAGE_SIZE);
	assert_true(numa_valid_node(0));
	assert_false(numa_valid_node(NUMA_NO_NODE));
	assert_false(numa_valid_node(MAX_NUMNODES));
}

/*
 *  region:  [0x1800 .......... 0x5800)   pages 1.5 .. 5.5
 * Expect the memory pfn helpers to give whole pages inside (2..5), the
 * reserved ones every page touched (1..6); the flag tests and node
 * accessors to read and write the fields.
 */
static void memblock_header_region_helpers(void **state)
{
	struct memblock_region r = {
		.base = 0x1800, .size = 0x4000,
		.flags = MEMBLOCK_HOTPLUG | MEMBLOCK_NOMAP, .nid = 0,
	};

	assert_int_equal(memblock_region_memory_base_pfn(&r), 2);
	assert_int_equal(memblock_region_memory_end_pfn(&r), 5);
	assert_int_equal(memblock_region_reserved_base_pfn(&r), 1);
	assert_int_equal(memblock_region_reserved_end_pfn(&r), 6);
	assert_true(memblock_is_hotpluggable(&r));
	assert_true(memblock_is_nomap(&r));
	assert_false(memblock_is_mirror(&r));
	assert_false(memblock_is_driver_managed(&r));
	assert_false(memblock_is_reserved_noinit(&r));
	memblock_set_region_node(&r, MAX_NUMNODES);
	assert_int_equal(memblock_get_region_node(&r), MAX_NUMNODES);
	assert_int_equal(r.nid, MAX_NUMNODES);
}

/*
 *  memory:   [1M, 2M) [4M, 8M)        (the arrays reset by hand, as
 *  reserved: [5M, 6M)                  Linux's reset_memblock_regions does)
 * Expect for_each_mem_region / for_each_reserved_mem_region to walk the
 * arrays, memblock_set_bottom_up() / memblock_bottom_up() to be the
 * public field, and memblock_phys_alloc() to take the top free block.
 */
static void memblock_header_iteration_and_inlines(void **state)
{
	struct memblock_region *r;
	int n = 0;

	memset(memblock.memory.regions, 0,
	       memblock.memory.cnt * sizeof(struct memblock_region));
	memblock.memory.cnt = 0;
	memblock.memory.max = INIT_MEMBLOCK_REGIONS;
	memblock.memory.total_size = 0;
	memblock.reserved.cnt = 0;
	memblock.reserved.max = INIT_MEMBLOCK_RESERVED_REGIONS;
	memblock.reserved.total_size = 0;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;

	memblock_add(SZ_1M, SZ_1M);
	memblock_add(SZ_4M, SZ_4M);
	memblock_reserve(SZ_4M + SZ_1M, SZ_1M);
	for_each_mem_region(r)
		n++;
	assert_int_equal(n, 2);
	for_each_reserved_mem_region(r)
		assert_int_equal(r->base, SZ_4M + SZ_1M);

	memblock_set_bottom_up(true);
	assert_true(memblock.bottom_up && memblock_bottom_up());
	memblock_set_bottom_up(false);
	assert_false(memblock_bottom_up());
	assert_int_equal(memblock_phys_alloc(SZ_64K, SZ_64K), SZ_8M - SZ_64K);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(memblock_header_constants),
		cmocka_unit_test(memblock_header_region_helpers),
		cmocka_unit_test(memblock_header_iteration_and_inlines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
