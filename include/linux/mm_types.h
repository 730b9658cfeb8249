/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per physical page frame, the memmap's element.
 *
 * Kept small on purpose: 28 bytes on the i386 kernel, 48 on the x86_64
 * host (Linux 6.1: 40 on its i386 build, 64 on x86_64).  The boot log's
 * "mem_map: ..." line and README say the size; a BUILD_BUG_ON in
 * mm/mm_init.c keeps it there.
 *
 * Word layout (w = sizeof(long)):
 *
 *   word 0      flags       PG_* bits low, zone index and memmap section
 *                           number high (see page-flags.h)
 *   words 1-2   lru         buddy/pcp free-list link; for a compound tail
 *                           page lru.next holds compound_head | 1
 *   word 3      private     buddy order while PageBuddy; compound order in
 *                           the first tail page (page[1].private)
 *   word 4      virtual     kmap address of a mapped highmem page
 *   4 bytes     page_type   free for the owner of an allocated page
 *   4 bytes     _refcount   1 for an allocated head page, 0 when free
 *
 * For the slab allocator (Linux 6.x "struct slab" style): a slab may
 * overlay an allocated page as
 *   flags (word 0, with PG_slab set), slab_list on lru (words 1-2),
 *   slab_cache on private (word 3; page[1].private keeps the compound
 *   order for multi-page slabs, which is a tail page, untouched),
 *   freelist on virtual (word 4; slab pages are never highmem),
 *   32-bit counters (inuse:16, objects:15, frozen:1) on page_type,
 *   and must leave _refcount alone.
 * mm/slab.h should assert those offsets with offsetof() like Linux's
 * SLAB_MATCH().
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/list.h>

struct page {
	unsigned long flags;
	struct list_head lru;
	unsigned long private;
	void *virtual;
	unsigned int page_type;
	int _refcount;
};

#endif /* _LINUX_MM_TYPES_H */
