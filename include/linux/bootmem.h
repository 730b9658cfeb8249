/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Two things live here, as they did in Linux 3.13-4.19's bootmem.h:
 *
 * 1. The bootmem bitmap allocator of Linux 2.6.2x (mm/bootmem.c, seed 004):
 *    one bit per low-memory page, set = reserved, first-fit allocation.
 * 2. The one early-allocation API (mm/nobootmem.c): memblock_virt_alloc*()
 *    and free_all_bootmem().  Zones, the memmap and the buddy hand-over
 *    call these; the boot command line ("bootmem=bitmap", default
 *    "bootmem=memblock") decides which allocator answers.  Linux chose at
 *    build time (CONFIG_NO_BOOTMEM, seed 001); bootmm chooses at boot so
 *    one image can show both generations.
 */
#ifndef _LINUX_BOOTMEM_H
#define _LINUX_BOOTMEM_H

#include <linux/types.h>
#include <linux/numa.h>
#include <linux/cache.h>
#include <linux/mmzone.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/memblock.h>

/* ---------------------------------------------------------- the bitmap */

/* reserve_bootmem() flags */
#define BOOTMEM_DEFAULT		0
#define BOOTMEM_EXCLUSIVE	(1 << 0)	/* -EBUSY if any page is taken */

/* alloc_bootmem()'s goal: __pa(MAX_DMA_ADDRESS), keep ISA DMA memory free. */
#define BOOTMEM_DMA_GOAL	(16UL << 20)
/* __alloc_bootmem_low()'s limit (ARCH_LOW_ADDRESS_LIMIT): below 4 GiB. */
#define BOOTMEM_LOW_LIMIT	0xffffffffULL

/**
 * struct bootmem_data - the bitmap allocator of one node
 * @node_boot_start: physical address of the page bit 0 stands for
 * @node_low_pfn: PFN after the last page the bitmap covers
 * @node_bootmem_map: the bitmap (direct-mapped); NULL after hand-over
 * @last_pos: page in which the previous allocation ended
 * @last_offset: bytes used in that page (0: none, or the page is full)
 * @last_success: where the previous search succeeded; the next search
 *	with a goal below it starts there
 */
typedef struct bootmem_data {
	phys_addr_t node_boot_start;
	unsigned long node_low_pfn;
	unsigned long *node_bootmem_map;
	unsigned long last_pos;
	unsigned long last_offset;
	phys_addr_t last_success;
} bootmem_data_t;

extern bootmem_data_t bootmem_node_data[MAX_NUMNODES];

/* hand-over: give PFNs [start_pfn, end_pfn) to the page allocator */
typedef void (*bootmem_free_range_fn)(unsigned long start_pfn, unsigned long end_pfn);

unsigned long bootmem_bootmap_pages(unsigned long pages);
unsigned long init_bootmem_core(bootmem_data_t *bdata, unsigned long mapstart,
				unsigned long start, unsigned long end);
unsigned long init_bootmem_node(pg_data_t *pgdat, unsigned long freepfn,
				unsigned long startpfn, unsigned long endpfn);
unsigned long init_bootmem(unsigned long start, unsigned long pages);

void register_bootmem_low_pages(unsigned long max_low_pfn);

int reserve_bootmem_core(bootmem_data_t *bdata, phys_addr_t addr,
			 phys_addr_t size, int flags);
int reserve_bootmem(phys_addr_t addr, phys_addr_t size, int flags);
int reserve_bootmem_node(pg_data_t *pgdat, phys_addr_t addr, phys_addr_t size,
			 int flags);
void free_bootmem_core(bootmem_data_t *bdata, phys_addr_t addr, phys_addr_t size);
void free_bootmem(phys_addr_t addr, phys_addr_t size);
void free_bootmem_node(pg_data_t *pgdat, phys_addr_t addr, phys_addr_t size);

void *__alloc_bootmem_core(bootmem_data_t *bdata, unsigned long size,
			   unsigned long align, phys_addr_t goal, phys_addr_t limit);
void *__alloc_bootmem_core_raw(bootmem_data_t *bdata, unsigned long size,
			       unsigned long align, phys_addr_t goal, phys_addr_t limit);
void *__alloc_bootmem_nopanic(unsigned long size, unsigned long align, phys_addr_t goal);
void *__alloc_bootmem(unsigned long size, unsigned long align, phys_addr_t goal);
void *__alloc_bootmem_node(pg_data_t *pgdat, unsigned long size,
			   unsigned long align, phys_addr_t goal);
void *__alloc_bootmem_low(unsigned long size, unsigned long align, phys_addr_t goal);
void *__alloc_bootmem_low_node(pg_data_t *pgdat, unsigned long size,
			       unsigned long align, phys_addr_t goal);

/* The 2.6 wrappers: small objects cache-aligned, above ISA DMA if possible. */
#define alloc_bootmem(x) \
	__alloc_bootmem(x, SMP_CACHE_BYTES, BOOTMEM_DMA_GOAL)
#define alloc_bootmem_low(x) \
	__alloc_bootmem_low(x, SMP_CACHE_BYTES, 0)
#define alloc_bootmem_pages(x) \
	__alloc_bootmem(x, PAGE_SIZE, BOOTMEM_DMA_GOAL)
#define alloc_bootmem_low_pages(x) \
	__alloc_bootmem_low(x, PAGE_SIZE, 0)
#define alloc_bootmem_node(pgdat, x) \
	__alloc_bootmem_node(pgdat, x, SMP_CACHE_BYTES, BOOTMEM_DMA_GOAL)
#define alloc_bootmem_pages_node(pgdat, x) \
	__alloc_bootmem_node(pgdat, x, PAGE_SIZE, BOOTMEM_DMA_GOAL)

unsigned long free_all_bootmem_core(bootmem_data_t *bdata,
				    bootmem_free_range_fn free_range);

/* ------------------------------------ the one early-allocation API */

enum early_allocator {
	EARLY_ALLOC_MEMBLOCK,	/* default: Linux 2.6.35+ */
	EARLY_ALLOC_BOOTMEM,	/* bootmem=bitmap: early_res + bitmap, 2.6.2x */
};

extern enum early_allocator early_allocator;

/** bootmem_bitmap_selected() - true when bootmem=bitmap chose the old path */
static inline bool bootmem_bitmap_selected(void)
{
	return early_allocator == EARLY_ALLOC_BOOTMEM;
}

void bootmem_reserve_early(u64 start, u64 end, const char *name);
void setup_bootmem_allocator(void);

void *bootmem_virt_alloc_raw(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr, int nid);

/*
 * The memblock_virt_alloc_try_nid*() family is inline so that, under
 * memblock, the memblock_alloc_try_nid*() line memblock=debug prints
 * names the real caller (setup_usemap, alloc_node_mem_map ...), as
 * Linux 6.1's log does, not this wrapper.
 */

/**
 * memblock_virt_alloc_try_nid_raw() - early memory, not zeroed
 * @size: bytes
 * @align: power of two; 0 means SMP_CACHE_BYTES
 * @min_addr: memblock: lowest address (dropped if nothing fits above it);
 *	bootmem: where to start looking
 * @max_addr: end limit; 0 (MEMBLOCK_ALLOC_ACCESSIBLE): the allocator's own
 * @nid: node, or NUMA_NO_NODE
 *
 * Return: the direct-mapped address, or NULL.
 */
static __always_inline void *memblock_virt_alloc_try_nid_raw(phys_addr_t size,
		phys_addr_t align, phys_addr_t min_addr, phys_addr_t max_addr, int nid)
{
	if (bootmem_bitmap_selected())
		return bootmem_virt_alloc_raw(size, align, min_addr, max_addr, nid);
	return memblock_alloc_try_nid_raw(size, align ? align : SMP_CACHE_BYTES,
					  min_addr, max_addr, nid);
}

/** memblock_virt_alloc_try_nid_nopanic() - as _raw, zeroed. */
static __always_inline void *memblock_virt_alloc_try_nid_nopanic(phys_addr_t size,
		phys_addr_t align, phys_addr_t min_addr, phys_addr_t max_addr, int nid)
{
	void *ptr;

	if (!bootmem_bitmap_selected())
		return memblock_alloc_try_nid(size, align ? align : SMP_CACHE_BYTES,
					      min_addr, max_addr, nid);
	ptr = bootmem_virt_alloc_raw(size, align, min_addr, max_addr, nid);
	if (ptr)
		memset(ptr, 0, size);
	return ptr;
}

/** memblock_virt_alloc_try_nid() - as _nopanic, but panics on failure. */
static __always_inline void *memblock_virt_alloc_try_nid(phys_addr_t size,
		phys_addr_t align, phys_addr_t min_addr, phys_addr_t max_addr, int nid)
{
	void *ptr = memblock_virt_alloc_try_nid_nopanic(size, align, min_addr,
							max_addr, nid);

	if (!ptr)
		panic("%s: Failed to allocate %llu bytes align=0x%llx nid=%d from=%pa max_addr=%pa",
		      __func__, (unsigned long long)size, (unsigned long long)align,
		      nid, &min_addr, &max_addr);
	return ptr;
}

void memblock_free_early(phys_addr_t base, phys_addr_t size);
unsigned long free_all_bootmem(void);

/* max_addr 0: up to the allocator's limit (memblock's current_limit, or
 * the end of the bitmap) - MEMBLOCK_ALLOC_ACCESSIBLE in both modes. */
static inline void *memblock_virt_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_virt_alloc_try_nid(size, align, 0, 0, NUMA_NO_NODE);
}

static inline void *memblock_virt_alloc_nopanic(phys_addr_t size, phys_addr_t align)
{
	return memblock_virt_alloc_try_nid_nopanic(size, align, 0, 0, NUMA_NO_NODE);
}

static inline void *memblock_virt_alloc_low(phys_addr_t size, phys_addr_t align)
{
	return memblock_virt_alloc_try_nid(size, align, 0, BOOTMEM_LOW_LIMIT + 1,
					   NUMA_NO_NODE);
}

static inline void *memblock_virt_alloc_node(phys_addr_t size, int nid)
{
	return memblock_virt_alloc_try_nid(size, 0, 0, 0, nid);
}

#endif /* _LINUX_BOOTMEM_H */
