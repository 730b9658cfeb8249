// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memblock.c in the configurations bootmm itself does not build: on a
 * NUMA machine (the node-aware scenarios of Linux's tools/testing/memblock:
 * alloc_nid_api's NUMA group, alloc_exact_nid_api, memblock_set_node,
 * written again for cmocka) and with the physmem table.
 *
 * bootmm is built with one node (MAX_NUMNODES 1), so node ids 1..7 would
 * all mean "any node" there.  Linux's suite runs these with
 * CONFIG_NODES_SHIFT=4; this file compiles the real mm/memblock.c the same
 * way (8 nodes here, plus CONFIG_HAVE_MEMBLOCK_PHYS_MAP) into the test
 * binary, so the code under test is the unmodified source, configured.
 *
 * The machine: 32 KiB of RAM at 1 GiB split into eight nodes of 8K, 2K,
 * 4K, 4K, 2K, 2K, 8K, 2K (Linux's node_fractions), every node marked
 * hotpluggable as Linux's setup_numa_memblock() does, filled with 0xa5 so
 * that the _raw allocators can be told from the zeroing one.
 */
#define CONFIG_NODES_SHIFT	3
#define CONFIG_HAVE_MEMBLOCK_PHYS_MAP
#include "../../mm/memblock.c"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/sizes.h>
#include <asm/host.h>

#define PA(x)		((phys_addr_t)(x))
#define RAM_BASE	PA(SZ_1G)
#define RAM_SIZE	PA(SZ_32K)
#define CL		PA(SMP_CACHE_BYTES)
#define NR_NODES	8
#define RGN_SIZE	sizeof(struct memblock_region)

static const phys_addr_t node_size[NR_NODES] = {
	SZ_8K, SZ_2K, SZ_4K, SZ_4K, SZ_2K, SZ_2K, SZ_8K, SZ_2K,
};

static struct memblock_region *static_memory, *static_reserved;
static char out[8192];

enum nid_api { TRY_NID, TRY_NID_RAW, EXACT_NID_RAW, NR_NID_API };

/* ---------------------------------------------------------------- fixture */

/* Empty arrays, top-down, no limit: Linux's reset_memblock_regions(). */
static void reset_memblock(void)
{
	memblock.memory.regions = static_memory;
	memset(static_memory, 0, INIT_MEMBLOCK_MEMORY_REGIONS * RGN_SIZE);
	memblock.memory.cnt = 0;
	memblock.memory.max = INIT_MEMBLOCK_MEMORY_REGIONS;
	memblock.memory.total_size = 0;

	memblock.reserved.regions = static_reserved;
	memset(static_reserved, 0, INIT_MEMBLOCK_RESERVED_REGIONS * RGN_SIZE);
	memblock.reserved.cnt = 0;
	memblock.reserved.max = INIT_MEMBLOCK_RESERVED_REGIONS;
	memblock.reserved.total_size = 0;

	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
}

/* The eight nodes, filled, in direction @bottom_up. */
static void numa_setup(bool bottom_up)
{
	phys_addr_t base = RAM_BASE;
	int i;

	reset_memblock();
	memblock_set_bottom_up(bottom_up);
	for (i = 0; i < NR_NODES; i++) {
		memblock_add_node(base, node_size[i], i, MEMBLOCK_HOTPLUG);
		base += node_size[i];
	}
	memset(__va(RAM_BASE), 0xa5, RAM_SIZE);
}

static struct memblock_region *node(int nid)
{
	return &memblock.memory.regions[nid];
}

static phys_addr_t node_end(int nid)
{
	return node(nid)->base + node(nid)->size;
}

static bool all_bytes(void *p, phys_addr_t size, int c)
{
	unsigned char *b = p;
	phys_addr_t i;

	for (i = 0; i < size; i++)
		if (b[i] != c)
			return false;
	return true;
}

/* One allocation through @api; checks zeroed / left alone; 0 on failure. */
static phys_addr_t nid_alloc(enum nid_api api, phys_addr_t size,
			     phys_addr_t min, phys_addr_t max, int nid)
{
	void *p;

	if (api == TRY_NID)
		p = memblock_alloc_try_nid(size, CL, min, max, nid);
	else if (api == TRY_NID_RAW)
		p = memblock_alloc_try_nid_raw(size, CL, min, max, nid);
	else
		p = memblock_alloc_exact_nid_raw(size, CL, min, max, nid);
	if (!p)
		return 0;
	assert_true(all_bytes(p, size, api == TRY_NID ? 0 : 0xa5));
	return __pa(p);
}

#define for_each_api_dir(api, bu)					\
	for (api = 0; api < NR_NID_API; api++)				\
		for (bu = 0; bu < 2; bu++)

#define assert_rgn(type, i, b, s) do {					\
	assert_int_equal((type)->regions[i].base, (b));			\
	assert_int_equal((type)->regions[i].size, (s));			\
} while (0)

static void check_type(struct memblock_type *type)
{
	phys_addr_t total = 0;
	unsigned long i;

	assert_true(type->cnt <= type->max);
	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		assert_true(r->size > 0);
		total += r->size;
		if (i + 1 < type->cnt)
			assert_true(r->base + r->size <= r[1].base);
	}
	assert_int_equal(total, type->total_size);
}

static int setup(void **state)
{
	reset_memblock();
	return 0;
}

static int teardown(void **state)
{
	check_type(&memblock.memory);
	check_type(&memblock.reserved);
	host_console_capture(NULL, 0);
	return 0;
}

static int group_setup(void **state)
{
	static_memory = memblock.memory.regions;
	static_reserved = memblock.reserved.regions;
	return sim_ram_setup(SZ_4G);
}

static int group_teardown(void **state)
{
	sim_ram_teardown();
	return 0;
}

/* ---------------------------------------------------------------- layout */

/*
 *  | n0 8K | n1 | n2 4K | n3 4K | n4 | n5 | n6 8K | n7 |
 *  +-------+----+-------+-------+----+----+-------+----+
 *  1G                                                  1G + 32K
 * Expect eight regions (adjacent, but different nodes never merge), each
 * with its node id, hotplug flag, and " on node N" in the dump.
 */
static void numa_layout(void **state)
{
	int i;

	numa_setup(false);
	assert_int_equal(memblock.memory.cnt, NR_NODES);
	assert_int_equal(memblock_phys_mem_size(), RAM_SIZE);
	for (i = 0; i < NR_NODES; i++) {
		assert_int_equal(memblock_get_region_node(node(i)), i);
		assert_true(memblock_is_hotpluggable(node(i)));
		assert_int_equal(node(i)->size, node_size[i]);
	}
	host_console_capture(out, sizeof(out));
	memblock_debug = 1;
	memblock_dump_all();
	memblock_debug = 0;
	host_console_capture(NULL, 0);
	assert_non_null(strstr(out, " memory[0x7]\t[0x0000000040007800-0x0000000040007fff], 0x0000000000000800 bytes on node 7 flags: 0x1\n"));
}

/* ---------------------------------------------------------------- alloc */

/*
 *  |  n0  | n1 |  n2  |[==n3==]| n4 | ...
 * Requested node 3 has room.  Expect a quarter of node 3 at its end
 * (top-down) or start (bottom-up), from every entry point.
 */
static void numa_alloc_simple(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		phys_addr_t size;

		numa_setup(bu);
		size = node(3)->size / 4;
		assert_int_equal(nid_alloc(api, size, memblock_start_of_DRAM(),
					   memblock_end_of_DRAM(), 3),
				 bu ? node(3)->base : node_end(3) - size);
		assert_int_equal(memblock.reserved.cnt, 1);
		assert_int_equal(memblock.reserved.total_size, size);
	}
}

/*
 *  | [=exp=] | req |  ...  | [=exp=] |n7 |
 *     bu 0    2K            td 6
 * Node 1 (2K) is asked for 4K.  Expect try_nid to fall back to any node:
 * the end of node 6 top-down (node 7 is too small), the start of node 0
 * bottom-up; exact_nid to fail with nothing reserved.
 */
static void numa_alloc_small_node(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		numa_setup(bu);
		if (api == EXACT_NID_RAW) {
			assert_int_equal(nid_alloc(api, SZ_4K, memblock_start_of_DRAM(),
						   memblock_end_of_DRAM(), 1), 0);
			assert_int_equal(memblock.reserved.cnt, 0);
			continue;
		}
		assert_int_equal(nid_alloc(api, SZ_4K, memblock_start_of_DRAM(),
					   memblock_end_of_DRAM(), 1),
				 bu ? node(0)->base : node_end(6) - SZ_4K);
	}
}

/*
 *  |  n0  | n1 |[reserved n2]| n3 | ... | n6 |
 * Node 2 is fully reserved; a node-2-sized block is asked for.  Expect
 * the fallback to node 6 (top-down) / node 0 (bottom-up), two regions;
 * exact_nid to fail.
 */
static void numa_alloc_node_reserved(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		phys_addr_t size;

		numa_setup(bu);
		size = node(2)->size;
		memblock_reserve(node(2)->base, size);
		if (api == EXACT_NID_RAW) {
			assert_int_equal(nid_alloc(api, size, memblock_start_of_DRAM(),
						   memblock_end_of_DRAM(), 2), 0);
			assert_int_equal(memblock.reserved.cnt, 1);
			continue;
		}
		assert_int_equal(nid_alloc(api, size, memblock_start_of_DRAM(),
					   memblock_end_of_DRAM(), 2),
				 bu ? node(0)->base : node_end(6) - size);
		assert_int_equal(memblock.reserved.cnt, 2);
		assert_int_equal(memblock.reserved.total_size, 2 * size);
	}
}

/*
 *  node 4:  [ reserved half |  free half  ]
 *                            ^bu       td^
 * Expect the block inside node 4: at its end top-down (two regions), right
 * after the reservation bottom-up (merged, one region).
 */
static void numa_alloc_part_reserved(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		phys_addr_t half, size;

		numa_setup(bu);
		half = node(4)->size / 2;
		size = half / 4;
		memblock_reserve(node(4)->base, half);
		assert_int_equal(nid_alloc(api, size, memblock_start_of_DRAM(),
					   memblock_end_of_DRAM(), 4),
				 bu ? node(4)->base + half : node_end(4) - size);
		assert_int_equal(memblock.reserved.cnt, bu ? 1 : 2);
		assert_int_equal(memblock.reserved.total_size, half + size);
	}
}

/*
 *  node 4:  [ 512 free | reserved 1K | 512 free ]    asked for 1K
 * No contiguous 1K left in node 4.  Expect try_nid to fall back (end of
 * node 7 top-down, start of node 0 bottom-up) and exact_nid to fail.
 */
static void numa_alloc_part_reserved_fallback(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		numa_setup(bu);
		memblock_reserve(node(4)->base + SZ_512, SZ_1K);
		if (api == EXACT_NID_RAW) {
			assert_int_equal(nid_alloc(api, SZ_1K, memblock_start_of_DRAM(),
						   memblock_end_of_DRAM(), 4), 0);
			continue;
		}
		assert_int_equal(nid_alloc(api, SZ_1K, memblock_start_of_DRAM(),
					   memblock_end_of_DRAM(), 4),
				 bu ? node(0)->base : node_end(7) - SZ_1K);
		assert_int_equal(memblock.reserved.cnt, 2);
	}
}

/*
 *                 min    max
 *  |   [ n2 (req) |256|256| n3 ]    512 bytes asked, [min, max) straddles
 * The range holds only 256 bytes of each node.  Expect min to be dropped
 * and the block to go inside node 2: its end top-down, its start
 * bottom-up, from every entry point.
 */
static void numa_alloc_split_range_low(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		phys_addr_t min;

		numa_setup(bu);
		min = node_end(2) - SZ_256;
		assert_int_equal(nid_alloc(api, SZ_512, min, min + SZ_512, 2),
				 bu ? node(2)->base : node_end(2) - SZ_512);
	}
}

/*
 *                 min    max
 *  |   [ n2       |256|256| n3 (req) ]
 * Same range, node 3 requested: only 256 bytes of it lie below max.
 * Expect try_nid, once min is dropped, to fall back to any node below
 * max: the end of node 2 top-down, the start of node 0 bottom-up; and
 * exact_nid to fail.
 */
static void numa_alloc_split_range_high(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		phys_addr_t min, got;

		numa_setup(bu);
		min = node_end(2) - SZ_256;
		got = nid_alloc(api, SZ_512, min, min + SZ_512, 3);
		if (api == EXACT_NID_RAW)
			assert_int_equal(got, 0);
		else
			assert_int_equal(got, bu ? node(0)->base : node_end(2) - SZ_512);
	}
}

/*
 *  | n0 | n1 | [ n2 req ] | n3 | n4 | n5 |256|256| n6 | n7 |
 *                                         min  max
 * The range straddles nodes 5 and 6 and misses node 2.  Expect min to be
 * dropped and the block to land in node 2 (end / start), for every entry
 * point.
 */
static void numa_alloc_no_overlap_split(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		phys_addr_t min;

		numa_setup(bu);
		min = node(6)->base - SZ_256;
		assert_int_equal(nid_alloc(api, SZ_512, min, min + SZ_512, 2),
				 bu ? node(2)->base : node_end(2) - SZ_512);
	}
}

/*
 *  | [n0 req] | n1 | min [ n2 | n3 | n4 | n5 ] max | n6 | n7 |
 * The range [start of node 2, end of node 5) misses node 0.  Expect
 * try_nid to fall back inside the range (end of node 5 / start of node
 * 2); exact_nid to drop min and stay on node 0 (end / start of node 0).
 */
static void numa_alloc_no_overlap_low(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		phys_addr_t got;

		numa_setup(bu);
		got = nid_alloc(api, SZ_64, node(2)->base, node_end(5), 0);
		if (api == EXACT_NID_RAW)
			assert_int_equal(got, bu ? node(0)->base : node_end(0) - SZ_64);
		else
			assert_int_equal(got, bu ? node(2)->base : node_end(5) - SZ_64);
	}
}

/*
 *  | n0 | n1 | min [ n2 | n3 | n4 | n5 ] max | n6 | [n7 req] |
 * Node 7 lies above max.  Expect try_nid to fall back inside the range
 * and exact_nid to fail (dropping min cannot reach node 7).
 */
static void numa_alloc_no_overlap_high(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		phys_addr_t got;

		numa_setup(bu);
		got = nid_alloc(api, SZ_64, node(2)->base, node_end(5), 7);
		if (api == EXACT_NID_RAW)
			assert_int_equal(got, 0);
		else
			assert_int_equal(got, bu ? node(2)->base : node_end(5) - SZ_64);
	}
}

/*
 *  +--------------- 16K ---------------+
 *  | n0 8K | n1 | n2 | n3 | ... | n6 8K | n7 |
 * Half of RAM in one block: no node is that big and blocks never span
 * nodes.  Expect NULL from every entry point in both directions.
 */
static void numa_alloc_large_region(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		numa_setup(bu);
		assert_int_equal(nid_alloc(api, RAM_SIZE / 2, memblock_start_of_DRAM(),
					   memblock_end_of_DRAM(), 3), 0);
		assert_int_equal(memblock.reserved.cnt, 0);
	}
}

/*
 *  | n5 |r2|[======= n6 (req) =======]|r1| n7 |
 *         min                        max
 * [min, max) is exactly node 6 and the request its size.  Expect the
 * block to fill node 6 and merge r2, it and r1 into one region.
 */
static void numa_alloc_reserved_full_merge(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		phys_addr_t size;

		numa_setup(bu);
		size = node(6)->size;
		memblock_reserve(node(7)->base, SZ_128);
		memblock_reserve(node(6)->base - SZ_128, SZ_128);
		assert_int_equal(nid_alloc(api, size, node(6)->base, node(7)->base, 6),
				 node(6)->base);
		assert_int_equal(memblock.reserved.cnt, 1);
		assert_rgn(&memblock.reserved, 0, node(6)->base - SZ_128, size + 2 * SZ_128);
	}
}

/*
 *  |================ r1 ===========|128|128|===== r2 =====|
 *                                 n6 end / n7 start
 * The only free 256 bytes straddle the node 6 / node 7 boundary.  Expect
 * a 256-byte request on any node to fail: a block never spans two nodes'
 * regions.
 */
static void numa_alloc_split_all_reserved(void **state)
{
	enum nid_api api;
	int bu;

	for_each_api_dir(api, bu) {
		phys_addr_t r2;

		numa_setup(bu);
		r2 = node(7)->base + SZ_128;
		memblock_reserve(r2, memblock_end_of_DRAM() - r2);
		memblock_reserve(RAM_BASE, node(7)->base - SZ_128 - RAM_BASE);
		assert_int_equal(nid_alloc(api, SZ_256, node(7)->base - SZ_128, r2,
					   NUMA_NO_NODE), 0);
	}
}

/*
 *  | n0 | n1 |[= n2 =]| ...      memblock_alloc_node(512, nid 2)
 * Expect the block inside node 2 and memblock_phys_alloc_try_nid to use
 * node 7 when asked, both top-down and bottom-up.
 */
static void numa_alloc_node_helpers(void **state)
{
	int bu;

	for (bu = 0; bu < 2; bu++) {
		phys_addr_t pa;

		numa_setup(bu);
		pa = __pa(memblock_alloc_node(SZ_512, CL, 2));
		assert_true(pa >= node(2)->base && pa + SZ_512 <= node_end(2));
		pa = memblock_phys_alloc_try_nid(SZ_512, CL, 7);
		assert_int_equal(pa, bu ? node(7)->base : node_end(7) - SZ_512);
	}
}

/* ---------------------------------------------------------------- set_node */

/*
 *  memory:   [===== node 0 =====][===== node 1 =====]   one 32K block
 *  reserved: [] [] [] ... [] (125 x 8 bytes)      [==]  <- across the
 *                                                          node boundary
 * Linux's memmap_init_reserved_pages() pattern: set each memory region's
 * node on memblock.reserved, repeated while that grows reserved[].
 * Splitting the crossing reservation fills the array, so the second call
 * doubles it and the new array's own reservation (nid MAX_NUMNODES)
 * appears in node 0.  Expect, after the repeat, every reserved region on
 * a valid node: the last (upper half of the crossing one) on node 1, all
 * others on node 0.
 */
static void numa_set_node_reserved_repeat(void **state)
{
	phys_addr_t start, half;
	struct memblock_region *r;
	unsigned long max;
	int i;

	memblock_allow_resize();
	memblock_add(RAM_BASE, RAM_SIZE);
	start = memblock_start_of_DRAM();
	half = memblock_phys_mem_size() / 2;
	memblock_set_node(start, half, &memblock.memory, 0);
	memblock_set_node(start + half, half, &memblock.memory, 1);
	assert_int_equal(memblock.memory.cnt, 2);
	assert_int_equal(memblock_get_region_node(node(0)), 0);
	assert_int_equal(memblock_get_region_node(node(1)), 1);

	for (i = 0; i < 125; i++)
		memblock_reserve(start + PA(i) * SZ_16, SZ_8);
	memblock_reserve(start + half - SZ_8, SZ_16);

	do {
		max = memblock.reserved.max;
		for_each_mem_region(r)
			memblock_set_node(r->base, r->size, &memblock.reserved,
					  memblock_get_region_node(r));
	} while (max != memblock.reserved.max);

	assert_int_equal(memblock.reserved.max, 2 * INIT_MEMBLOCK_RESERVED_REGIONS);
	for_each_reserved_mem_region(r) {
		assert_true(numa_valid_node(memblock_get_region_node(r)));
		if (r == &memblock.reserved.regions[memblock.reserved.cnt - 1])
			assert_int_equal(memblock_get_region_node(r), 1);
		else
			assert_int_equal(memblock_get_region_node(r), 0);
	}
}

/* ---------------------------------------------------------------- iterators */

/*
 *  | n0 | n1 | n2 |[r]n3 | n4 | n5 | n6 | n7 |   + 16K at 2G, no node
 * Expect the node filters of the iterators and lookups to see only the
 * node asked for; for_each_mem_pfn_range to skip the nodes that hold no
 * whole page (only n0, n6 and the 2G block do), and the coverage check to
 * count the 16K without a node.
 */
static void numa_iterators(void **state)
{
	unsigned long spfn, epfn;
	phys_addr_t start, end;
	int i, nid, n;
	u64 j;

	numa_setup(false);
	memblock_add(SZ_2G, SZ_16K);
	memblock_reserve(node(3)->base, SZ_1K);

	n = 0;
	for_each_free_mem_range(j, 3, MEMBLOCK_NONE, &start, &end, &nid) {
		assert_int_equal(start, node(3)->base + SZ_1K);
		assert_int_equal(end, node_end(3));
		assert_int_equal(nid, 3);
		n++;
	}
	assert_int_equal(n, 1);
	n = 0;
	__for_each_mem_range_rev(j, &memblock.memory, NULL, 6, MEMBLOCK_NONE,
				 &start, NULL, &nid) {
		assert_int_equal(start, node(6)->base);
		n++;
	}
	assert_int_equal(n, 1);

	n = 0;
	for_each_mem_pfn_range(i, 6, &spfn, &epfn, &nid) {
		assert_int_equal(spfn, PFN_UP(node(6)->base));
		assert_int_equal(epfn, PFN_DOWN(node_end(6)));
		assert_int_equal(nid, 6);
		n++;
	}
	assert_int_equal(n, 1);
	n = 0;
	for_each_mem_pfn_range(i, 3, NULL, NULL, NULL)
		n++;
	assert_int_equal(n, 0);
	n = 0;
	for_each_mem_pfn_range(i, MAX_NUMNODES, NULL, NULL, &nid)
		n++;
	assert_int_equal(n, 3);

	assert_int_equal(memblock_search_pfn_nid(PFN_UP(node(6)->base), &spfn, &epfn), 6);
	assert_int_equal(memblock_search_pfn_nid(PFN_DOWN(SZ_2G), &spfn, &epfn), MAX_NUMNODES);
	assert_true(memblock_validate_numa_coverage(SZ_16K));
	host_console_capture(out, sizeof(out));
	assert_false(memblock_validate_numa_coverage(SZ_16K - 1));
	host_console_capture(NULL, 0);
	assert_non_null(strstr(out, "NUMA: no nodes coverage for 0MB of 0MB RAM"));
}

/* ---------------------------------------------------------------- physmem */

/*
 *  physmem:  [p0] [p1] [p2] [p3] | [p4]     static array of 4, then grown
 *  reserved: [== static physmem array's own address range ==]
 * Five disjoint physmem ranges: the fifth doubles physmem's array into
 * memblock memory (reserved there), as Linux does.  Expect max 8, all five
 * ranges kept, for_each_physmem_range to give physmem minus memory, and
 * the range holding the static array to stay reserved (Linux would
 * memblock_free() that static array, a hole in the kernel's reservation).
 */
static void physmem_grows(void **state)
{
	phys_addr_t array_pa = __pa(memblock_physmem_init_regions);
	phys_addr_t start, end;
	int i, n;
	u64 j;

	memblock_allow_resize();
	numa_setup(false);
	memblock_reserve(array_pa, PAGE_SIZE);
	for (i = 0; i < 5; i++)
		assert_int_equal(memblock_physmem_add(SZ_2G + PA(i) * SZ_1M, SZ_64K), 0);
	assert_int_equal(physmem.cnt, 5);
	assert_int_equal(physmem.max, 2 * INIT_PHYSMEM_REGIONS);
	assert_ptr_not_equal(physmem.regions, memblock_physmem_init_regions);
	assert_true(memblock_is_region_reserved(__pa(physmem.regions), 2 * INIT_PHYSMEM_REGIONS * RGN_SIZE));
	assert_true(memblock_is_reserved(array_pa));
	check_type(&physmem);

	memblock_add(SZ_2G, SZ_32K);
	n = 0;
	for_each_physmem_range(j, &memblock.memory, &start, &end) {
		assert_int_equal(start, n ? SZ_2G + PA(n) * SZ_1M : SZ_2G + SZ_32K);
		assert_int_equal(end, SZ_2G + PA(n) * SZ_1M + SZ_64K);
		n++;
	}
	assert_int_equal(n, 5);

	/* back to the static table for the next boot */
	physmem.regions = memblock_physmem_init_regions;
	physmem.cnt = 0;
	physmem.max = INIT_PHYSMEM_REGIONS;
	physmem.total_size = 0;
	memset(memblock_physmem_init_regions, 0, sizeof(memblock_physmem_init_regions));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(numa_layout),
		T(numa_alloc_simple),
		T(numa_alloc_small_node),
		T(numa_alloc_node_reserved),
		T(numa_alloc_part_reserved),
		T(numa_alloc_part_reserved_fallback),
		T(numa_alloc_split_range_low),
		T(numa_alloc_split_range_high),
		T(numa_alloc_no_overlap_split),
		T(numa_alloc_no_overlap_low),
		T(numa_alloc_no_overlap_high),
		T(numa_alloc_large_region),
		T(numa_alloc_reserved_full_merge),
		T(numa_alloc_split_all_reserved),
		T(numa_alloc_node_helpers),
		T(numa_set_node_reserved_repeat),
		T(numa_iterators),
		T(physmem_grows),
#undef T
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
