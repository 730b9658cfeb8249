// SPDX-License-Identifier: GPL-2.0
/*
 * The two early allocators side by side on simulated x86_64 machines of
 * 1, 16 and 64 GiB (QEMU-like map: 3 GiB below the PCI hole, the rest
 * above 4 GiB): setup, N early allocations through the one API
 * (memblock_virt_alloc_try_nid_raw) and the hand-over to the buddy
 * allocator (free_all_bootmem), bootmem=memblock against bootmem=bitmap,
 * alternating within one run, best of REPEAT.
 *
 * setup: memblock = registering RAM and the reservations plus
 * initmem_init() (its arrays are static); bitmap = the same, then
 * setup_bootmem_allocator() as setup_arch() calls it (memset of the bitmap,
 * register_bootmem_low_pages, reservations into the bitmap).  The memmap
 * then comes from the selected allocator (untimed).  The free page counts
 * after hand-over are printed so any difference is visible.  There is no
 * numeric target here: the table compares the two generations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/pfn.h>
#include <linux/memblock.h>
#include <linux/bootmem.h>
#include <linux/early_res.h>
#include <linux/mm.h>
#include <asm/e820/api.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "bench.h"

#define NALLOC	10000
#define REPEAT	3

static struct memblock_region *static_memory, *static_reserved;

struct result {
	double setup_ns, alloc_ns, handover_ns;
	unsigned long handed, free_pages, regions;
};

static void reset_state(enum early_allocator mode)
{
	u64 s, e;

	memblock.memory.regions = static_memory;
	memset(static_memory, 0, INIT_MEMBLOCK_MEMORY_REGIONS * sizeof(struct memblock_region));
	memblock.memory.cnt = 0;
	memblock.memory.max = INIT_MEMBLOCK_MEMORY_REGIONS;
	memblock.memory.total_size = 0;
	memblock.reserved.regions = static_reserved;
	memset(static_reserved, 0, INIT_MEMBLOCK_RESERVED_REGIONS * sizeof(struct memblock_region));
	memblock.reserved.cnt = 0;
	memblock.reserved.max = INIT_MEMBLOCK_RESERVED_REGIONS;
	memblock.reserved.total_size = 0;
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	memset(bootmem_node_data, 0, sizeof(bootmem_node_data));
	while (early_res_entry(0, &s, &e, NULL))
		free_early(s, e);
	e820_table->nr_entries = 0;
	early_allocator = mode;
	mm_profile = &mm_profile_x86_64;
}

static void add_ram(phys_addr_t base, phys_addr_t size)
{
	__e820__range_add(e820_table, base, size, E820_TYPE_RAM);
	memblock_add(base, size);
}

/* Sizes of typical boot allocations: objects, tables, pages. */
static const unsigned long sizes[] = { 32, 64, 100, 256, 1000, 4096, 200, 8192 };

static void run(phys_addr_t size, enum early_allocator mode, struct result *r)
{
	phys_addr_t low = min_t(phys_addr_t, size, 3ULL << 30);
	double t0, t1;
	int i;

	reset_state(mode);
	t0 = now_ns();
	add_ram(0x1000, 0x9f000 - 0x1000);
	add_ram(0x100000, low - 0x20000 - 0x100000);
	if (size > low)
		add_ram(1ULL << 32, size - low);
	host_kernel_image_setup(SZ_16M, 14 << 20, 9 << 20, 2 << 20, 3 << 20, 17 << 20);
	memblock_reserve(0, SZ_1M);
	memblock_reserve(__pa(_text), _end - _text);
	r->setup_ns = now_ns() - t0;

	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	min_low_pfn = PFN_UP(__pa(_end));	/* the bitmap goes after the kernel */
	find_low_pfn_range();
	init_mem_mapping();
	t0 = now_ns();
	initmem_init();
	setup_bootmem_allocator();		/* bootmem=bitmap only, as setup_arch() */
	r->setup_ns += now_ns() - t0;
	zone_sizes_init();			/* memmap from the early API, untimed */

	t1 = now_ns();
	for (i = 0; i < NALLOC; i++) {
		unsigned long sz = sizes[i % ARRAY_SIZE(sizes)];

		if (!memblock_virt_alloc_try_nid_raw(sz, sz >= PAGE_SIZE ? PAGE_SIZE : 0, 0, 0,
						     NUMA_NO_NODE))
			abort();
	}
	t0 = now_ns();
	r->alloc_ns = (t0 - t1) / NALLOC;
	r->regions = memblock.reserved.cnt;

	r->handed = free_all_bootmem();
	r->handover_ns = now_ns() - t0;
	r->free_pages = nr_free_pages();
}

static void keep_best(struct result *best, const struct result *r)
{
	best->setup_ns = min(best->setup_ns, r->setup_ns);
	best->alloc_ns = min(best->alloc_ns, r->alloc_ns);
	best->handover_ns = min(best->handover_ns, r->handover_ns);
	best->handed = r->handed;
	best->free_pages = r->free_pages;
	best->regions = r->regions;
}

int main(void)
{
	static const unsigned int gib[] = { 1, 16, 64 };
	static const char *const name[] = { "memblock", "bitmap" };
	unsigned int i, m, rep;

	static_memory = memblock.memory.regions;
	static_reserved = memblock.reserved.regions;
	host_console_quiet(true);
	memblock_allow_resize();	/* as after paging_init: gaps make regions */
	printf("early allocator: setup, %d allocations, hand-over to the buddy allocator\n"
	       "(x86_64 profile, best of %d, modes alternating)\n", NALLOC, REPEAT);
	printf("%5s %-9s %10s %12s %8s %13s %10s %11s %11s\n", "RAM", "mode", "setup us",
	       "alloc ns/op", "regions", "hand-over ms", "ns/page", "pages given",
	       "free pages");
	for (i = 0; i < ARRAY_SIZE(gib); i++) {
		phys_addr_t size = (phys_addr_t)gib[i] << 30;
		struct result best[2], r;

		if (sim_ram_setup(size + (4ULL << 30))) {
			printf("%4uG  (no address space)\n", gib[i]);
			continue;
		}
		for (m = 0; m < 2; m++)
			best[m] = (struct result){ 1e30, 1e30, 1e30, 0, 0 };
		for (rep = 0; rep < REPEAT; rep++)
			for (m = 0; m < 2; m++) {
				run(size, m ? EARLY_ALLOC_BOOTMEM : EARLY_ALLOC_MEMBLOCK, &r);
				keep_best(&best[m], &r);
			}
		for (m = 0; m < 2; m++)
			printf("%4uG %-9s %10.1f %12.1f %8lu %13.2f %10.2f %11lu %11lu\n", gib[i],
			       name[m], best[m].setup_ns / 1e3, best[m].alloc_ns, best[m].regions,
			       best[m].handover_ns / 1e6,
			       best[m].handover_ns / best[m].handed, best[m].handed,
			       best[m].free_pages);
		printf("%4uG free pages after hand-over: bitmap - memblock = %ld\n", gib[i],
		       (long)best[1].free_pages - (long)best[0].free_pages);
		sim_ram_teardown();
	}
	printf("regions: memblock.reserved entries after the allocations; memblock's search\n"
	       "  walks them (O(n) per allocation), the bitmap scans words from its goal.\n"
	       "free pages: the allocations pack differently (memblock fills gaps top-down,\n"
	       "  the bitmap shares a page only with the allocation just before); without\n"
	       "  them both modes free the same pages (tests/mm/nobootmem_test.c).\n");
	early_allocator = EARLY_ALLOC_MEMBLOCK;
	return 0;
}
