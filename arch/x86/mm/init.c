// SPDX-License-Identifier: GPL-2.0
/*
 * The two machine shapes the core serves, and the x86 steps common to
 * both: zone_sizes_init() (zone limits from max_low_pfn / max_pfn) and
 * mem_init() (hand memory to the buddy allocator).
 *
 * The i386 kernel always runs the i386 profile; the host simulator picks
 * one per run (mm_profile = &mm_profile_x86_64) before setup_arch().
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/bootmem.h>
#include <linux/mm.h>
#include <asm/pgtable_32_areas.h>
#include "mm_internal.h"

#define MAX_DMA_PFN	((16UL << 20) >> PAGE_SHIFT)	/* ISA DMA: 16 MiB */
#define MAX_DMA32_PFN	(1UL << (32 - PAGE_SHIFT))	/* 4 GiB */

/* i386 (HIGHMEM4G, VMSPLIT_3G, FLATMEM): DMA / Normal / HighMem. */
const struct mm_profile mm_profile_i386 = {
	.name = "i386",
	.zone_mask = 1U << ZONE_DMA | 1U << ZONE_NORMAL | 1U << ZONE_HIGHMEM |
		     1U << ZONE_MOVABLE,
	.section_shift = 0,
	.pageblock_order = MAX_ORDER - 1,
	.max_lowmem_pfn = MAXMEM_PFN,
	.numa = false,
};

/*
 * x86_64 (SPARSEMEM 128 MiB sections, NUMA): DMA / DMA32 / Normal / Device.
 * 4-level paging: MAX_PHYSMEM_BITS 46 (asm/sparsemem.h), 64 TiB.
 */
const struct mm_profile mm_profile_x86_64 = {
	.name = "x86_64",
	.zone_mask = 1U << ZONE_DMA | 1U << ZONE_DMA32 | 1U << ZONE_NORMAL |
		     1U << ZONE_MOVABLE | 1U << ZONE_DEVICE,
	.section_shift = 27 - PAGE_SHIFT,
	.pageblock_order = 9,
	.max_physmem_bits = 46,
	.max_lowmem_pfn = ~0UL,
	.numa = true,
};

const struct mm_profile *mm_profile =
	BITS_PER_LONG == 32 ? &mm_profile_i386 : &mm_profile_x86_64;

/**
 * zone_sizes_init() - tell free_area_init() where each zone ends
 *
 * DMA below 16 MiB, DMA32 below 4 GiB, Normal up to max_low_pfn,
 * HighMem up to max_pfn; each capped by max_low_pfn as Linux does.
 */
void __init zone_sizes_init(void)
{
	unsigned long max_zone_pfns[MAX_NR_ZONES];

	memset(max_zone_pfns, 0, sizeof(max_zone_pfns));
	max_zone_pfns[ZONE_DMA] = min(MAX_DMA_PFN, max_low_pfn);
	max_zone_pfns[ZONE_DMA32] = min(MAX_DMA32_PFN, max_low_pfn);
	max_zone_pfns[ZONE_NORMAL] = max_low_pfn;
	max_zone_pfns[ZONE_HIGHMEM] = max_pfn;
	free_area_init(max_zone_pfns);
}

/**
 * mem_init() - put all free memory into the buddy allocator
 *
 * Lowmem first (free_all_bootmem: memblock_free_all or the bootmem
 * bitmap's free pages), then highmem page ranges, as Linux's
 * 32-bit mem_init(); on the i386 profile also print the virtual layout.
 */
void __init mem_init(void)
{
	free_all_bootmem();		/* memblock_free_all(), or the bitmap's */
	set_highmem_pages_init();
	if (zone_configured(ZONE_HIGHMEM))
		print_vm_layout();
}
