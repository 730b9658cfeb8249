// SPDX-License-Identifier: GPL-2.0
/*
 * The switch between the two generations of early allocator, and the one
 * early-allocation API that zones, the memmap and the buddy hand-over
 * call (Linux 3.13-4.19 names: memblock_virt_alloc*, inline in
 * <linux/bootmem.h> with their bitmap half here, and free_all_bootmem).
 *
 * Linux 2.6.34-4.19 built either mm/bootmem.c or mm/nobootmem.c (bootmem's
 * API over memblock) and chose with CONFIG_NO_BOOTMEM (seed 001).  bootmm
 * builds both and chooses at boot: "bootmem=memblock" (the default) keeps
 * memblock to the end; "bootmem=bitmap" makes setup_bootmem_allocator()
 * move every reservation into the 2.6.2x bitmap (seeds 000, 004), after
 * which memblock only describes memory and is closed for allocation.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/pfn.h>
#include <linux/memblock.h>
#include <linux/bootmem.h>
#include <linux/early_res.h>
#include <linux/mm.h>
#include "internal.h"

enum early_allocator early_allocator = EARLY_ALLOC_MEMBLOCK;

/* "bootmem=bitmap" or "bootmem=memblock"; anything else is malformed. */
static int __init early_bootmem(char *p)
{
	if (!p)
		return -EINVAL;
	if (!strcmp(p, "bitmap"))
		early_allocator = EARLY_ALLOC_BOOTMEM;
	else if (!strcmp(p, "memblock"))
		early_allocator = EARLY_ALLOC_MEMBLOCK;
	else
		return -EINVAL;
	return 0;
}
early_param("bootmem", early_bootmem);

/*
 * The lowest page-aligned place for the bitmap at or above @start that
 * neither an early_res entry nor a memblock reservation covers (code that
 * ran before the switch reserved through memblock).
 */
static u64 __init find_bootmap_area(u64 start, u64 end, u64 size)
{
	for (;;) {
		u64 addr = find_e820_area(start, end, size, PAGE_SIZE);
		phys_addr_t rs, re, next = 0;
		u64 i;

		if (addr == EARLY_RES_NOT_FOUND)
			return addr;
		for_each_reserved_mem_range(i, &rs, &re)
			if (rs < addr + size && re > addr && re > next)
				next = re;
		if (!next)
			return addr;
		start = round_up((u64)next, PAGE_SIZE);
	}
}

/* Every memblock reservation below @end becomes reserved in the bitmap. */
static void __init memblock_reserved_to_bootmem(phys_addr_t end)
{
	phys_addr_t rs, re;
	int n = 0;
	u64 i;

	for_each_reserved_mem_range(i, &rs, &re) {
		if (rs >= end)
			break;
		re = min(re, end);
		printk(KERN_DEBUG "  memblock reserved [%010llx - %010llx] ==> bootmem\n",
		       (unsigned long long)rs, (unsigned long long)re);
		reserve_bootmem(rs, re - rs, BOOTMEM_DEFAULT);
		n++;
	}
	printk(KERN_INFO "(%d memblock reservations) ==> bootmem [%010llx - %010llx]\n",
	       n, 0ULL, (unsigned long long)end);
}

/**
 * setup_bootmem_allocator() - bootmem=bitmap: hand early allocation to bootmem
 *
 * Call once from setup_arch() when e820_table, memblock.memory,
 * min_low_pfn and max_low_pfn are final and every early reservation is
 * made (kernel image, page tables, EBDA, page 0: through memblock_reserve
 * or reserve_early, either works), and before anything allocates the
 * memmap.  Does nothing under bootmem=memblock, or (with a warning) when
 * called a second time: a new bitmap would forget every allocation.
 *
 * Seed 004's order: the bitmap goes at the first free page from
 * min_low_pfn (reserved as "BOOTMAP"), every bit set; e820 RAM below
 * max_low_pfn is freed; the memblock and early_res reservations are set
 * again.  When no free RAM follows the kernel and its page tables (a
 * machine whose RAM ends there), the bitmap goes at the first free page
 * from 0, where 2.6's x86_64 initmem_init() always looked; 2.6.28's i386
 * code panicked.  Only when neither exists: "Cannot find bootmem map".  memblock's allocation limit then drops to 0 so a forgotten
 * memblock_alloc() fails loudly instead of handing out bitmap memory.
 */
void __init setup_bootmem_allocator(void)
{
	unsigned long bootmap_size;
	u64 bootmap;

	if (!bootmem_bitmap_selected())
		return;
	if (WARN(bootmem_node_data[0].node_bootmem_map,
		 "setup_bootmem_allocator: the bitmap is already set up\n"))
		return;
	bootmap_size = bootmem_bootmap_pages(max_low_pfn) << PAGE_SHIFT;
	bootmap = find_bootmap_area(PFN_PHYS(min_low_pfn), PFN_PHYS(max_low_pfn),
				    bootmap_size);
	if (bootmap == EARLY_RES_NOT_FOUND)	/* nothing after the kernel: below it */
		bootmap = find_bootmap_area(0, PFN_PHYS(max_low_pfn), bootmap_size);
	if (bootmap == EARLY_RES_NOT_FOUND)
		panic("Cannot find bootmem map of size %ld", (long)bootmap_size);
	reserve_early(bootmap, bootmap + bootmap_size, "BOOTMAP");

	bootmap_size = init_bootmem_node(NODE_DATA(0), PFN_DOWN(bootmap), 0, max_low_pfn);
	printk(KERN_INFO "  node %d low ram: %08llx - %08llx\n", 0, 0ULL,
	       (unsigned long long)PFN_PHYS(max_low_pfn));
	printk(KERN_INFO "  node %d bootmap %08llx - %08llx\n", 0,
	       (unsigned long long)bootmap, (unsigned long long)bootmap + bootmap_size);

	register_bootmem_low_pages(max_low_pfn);
	memblock_reserved_to_bootmem(PFN_PHYS(max_low_pfn));
	early_res_to_bootmem(0, PFN_PHYS(max_low_pfn));
	memblock_set_current_limit(0);
}

/**
 * bootmem_reserve_early() - name an early reservation for bootmem=bitmap
 * @start: first byte
 * @end: byte after the last
 * @name: its 2.6 name ("TEXT DATA BSS", "RAMDISK", "INIT_PG_TABLE" ...)
 *
 * setup_arch() reserves through memblock in both modes: memblock hands
 * out the early page tables before setup_bootmem_allocator() runs.  Under
 * bootmem=bitmap the range also goes into the early_res table, as 2.6.2x's
 * head32.c did with reserve_early(), so the table setup_bootmem_allocator()
 * prints and pours into the bitmap names what seed 000 lists, and two
 * named ranges that overlap panic as they did then.  Under
 * bootmem=memblock it does nothing: memblock_reserve() is the record.
 */
void __init bootmem_reserve_early(u64 start, u64 end, const char *name)
{
	if (bootmem_bitmap_selected())
		reserve_early(start, end, name);
}

/**
 * bootmem_virt_alloc_raw() - bootmem's half of memblock_virt_alloc_try_nid*()
 * @size: bytes
 * @align: power of two; 0 means SMP_CACHE_BYTES
 * @min_addr: where to start looking (a goal, as alloc_bootmem's)
 * @max_addr: end limit; 0 or the memblock "anywhere" values: the bitmap's end
 * @nid: node, or NUMA_NO_NODE
 *
 * Return: the direct-mapped address, not zeroed, or NULL.
 */
void * __init bootmem_virt_alloc_raw(phys_addr_t size, phys_addr_t align,
				     phys_addr_t min_addr, phys_addr_t max_addr, int nid)
{
	bootmem_data_t *bdata = &bootmem_node_data[nid >= 0 && nid < MAX_NUMNODES ? nid : 0];

	if (!size || size > ULONG_MAX || align > ULONG_MAX)
		return NULL;
	if (max_addr == MEMBLOCK_ALLOC_ANYWHERE || max_addr == MEMBLOCK_ALLOC_NOLEAKTRACE)
		max_addr = 0;
	return __alloc_bootmem_core_raw(bdata, size, align ? align : SMP_CACHE_BYTES,
					min_addr, max_addr);
}

/** memblock_free_early() - give back early memory (before free_all_bootmem). */
void __init memblock_free_early(phys_addr_t base, phys_addr_t size)
{
	if (bootmem_bitmap_selected())
		free_bootmem(base, size);
	else
		memblock_phys_free(base, size);
}

/**
 * free_all_bootmem() - give all free low memory to the buddy allocator
 *
 * memblock: memblock_free_all().  bitmap: every page whose bit is clear,
 * then the bitmap's pages, through __free_pages_memory().  Highmem is the
 * arch's job afterwards in both modes (memblock still describes it).
 *
 * Return: pages handed over.
 */
unsigned long __init free_all_bootmem(void)
{
	if (!bootmem_bitmap_selected()) {
		memblock_free_all();
		return totalram_pages();
	}
	reset_all_zones_managed_pages();
	return free_all_bootmem_core(&bootmem_node_data[0], __free_pages_memory);
}
