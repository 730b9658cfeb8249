/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Temporary kernel mappings of pages above max_low_pfn (i386 HIGHMEM).
 * kmap() may be held for a while (pkmap area, LAST_PKMAP slots);
 * kmap_atomic() uses a per-cpu fixmap slot and nests like a stack.
 * For a lowmem page both just return the direct-map address.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>
#include <linux/string.h>

void *kmap(struct page *page);
void kunmap(struct page *page);
void *kmap_atomic(struct page *page);
void kunmap_atomic(void *addr);
void kmap_init(void);

/* Number of pkmap slots in use (for tests and the accounting audit). */
unsigned int kmap_pkmap_in_use(void);

static inline void clear_highpage(struct page *page)
{
	void *kaddr = kmap_atomic(page);

	memset(kaddr, 0, PAGE_SIZE);
	kunmap_atomic(kaddr);
}

#endif /* _LINUX_HIGHMEM_H */
