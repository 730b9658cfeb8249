/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 memory setup steps setup_arch() calls, in this order (Linux's):
 *
 *   max_pfn = e820__end_of_ram_pfn();
 *   find_low_pfn_range();   max_low_pfn: lowmem/highmem split (highmem=)
 *   ... memblock reservations ...
 *   init_mem_mapping();     map lowmem at PAGE_OFFSET, load CR3
 *   initmem_init();         "xMB HIGHMEM available." / "LOWMEM" lines
 *   setup_bootmem_allocator();  bootmem=bitmap only (linux/bootmem.h)
 *   paging_init();          kmap/fixmap tables, zones, memmap
 *
 * and the two machine profiles (the host picks one before the first).
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <linux/mmzone.h>

extern const struct mm_profile mm_profile_i386, mm_profile_x86_64;

/* Linux's page-table levels; 2M is the large page (4 MiB without PAE). */
enum pg_level { PG_LEVEL_NONE, PG_LEVEL_4K, PG_LEVEL_2M, PG_LEVEL_NUM };
/* pages of the direct map per level (/proc/meminfo's DirectMap4k/4M) */
extern unsigned long direct_pages_count[PG_LEVEL_NUM];
extern unsigned long max_pfn_mapped;
extern long highmem_param;	/* highmem= in pages; -1 when not given */

void find_low_pfn_range(void);
void init_mem_mapping(void);
void initmem_init(void);
void paging_init(void);
long kernel_image_mapping_errors(void);	/* mm_selftest: text read-only? */

#endif /* _ASM_X86_PGTABLE_H */
