/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pageblocks: the granule of mobility grouping.  Each zone keeps one byte
 * per pageblock holding its migratetype; the allocator steals whole
 * pageblocks when it falls back to another type.  pageblock_order is a
 * variable (Linux's HUGETLB_PAGE_SIZE_VARIABLE form): 10 on the i386
 * profile (4 MiB, MAX_ORDER - 1), 9 on x86_64 (2 MiB huge page).
 */
#ifndef _LINUX_PAGEBLOCK_FLAGS_H
#define _LINUX_PAGEBLOCK_FLAGS_H

#include <linux/mmzone.h>

extern unsigned int pageblock_order;

#define pageblock_nr_pages		(1UL << pageblock_order)
#define pageblock_start_pfn(pfn)	((pfn) & ~(pageblock_nr_pages - 1))
#define pageblock_end_pfn(pfn)		(pageblock_start_pfn(pfn) + pageblock_nr_pages)

/* Index of @pfn's pageblock inside @zone's pageblock_flags array. */
static inline unsigned long pfn_to_bitidx(const struct zone *zone, unsigned long pfn)
{
	return (pfn - pageblock_start_pfn(zone->zone_start_pfn)) >> pageblock_order;
}

int get_pfnblock_migratetype(const struct page *page, unsigned long pfn);
void set_pageblock_migratetype(struct page *page, int migratetype);

#endif /* _LINUX_PAGEBLOCK_FLAGS_H */
