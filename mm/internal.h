/* SPDX-License-Identifier: GPL-2.0 */
/* Interfaces shared by mm/ and arch/x86/mm/ only (Linux's mm/internal.h). */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/bootmem.h>

void __free_pages_memory(unsigned long start_pfn, unsigned long end_pfn);

/* A hex dump, 16 bytes a line with the bytes as text (mm/slab_report.c). */
void print_section(const char *level, const char *text, const u8 *addr,
		   unsigned int length);

/*
 * Where boot-time mm structures (memmap, page tables) should go: above
 * the 16 MiB ISA DMA zone when RAM goes well beyond it, as Linux 2.6's
 * alloc_bootmem_node(goal = MAX_DMA_ADDRESS).  A goal for the bitmap
 * allocator, a lower bound for memblock (which allocates top-down anyway),
 * so both early allocators leave the DMA zone alone.
 */
static inline phys_addr_t early_alloc_goal(void)
{
	return memblock_end_of_DRAM() > 2 * BOOTMEM_DMA_GOAL ? BOOTMEM_DMA_GOAL : 0;
}

#endif /* _MM_INTERNAL_H */
