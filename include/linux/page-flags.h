/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page flags: the low bits of page->flags.  The high bits carry the page's
 * zone and memmap section (as Linux's SECTION_IN_PAGE_FLAGS layout), so
 * page_zone() and page_to_pfn() need no search:
 *
 *   | SECTION (20) | ZONE (3) | ...unused... | PG_* flags |
 *   BITS_PER_LONG-1                                       0
 *
 * Only one node exists; NODES_SHIFT is 0, so node bits take no room.
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/mm_types.h>

enum pageflags {
	PG_reserved,	/* not managed by the buddy allocator */
	PG_buddy,	/* head of a free block in a buddy free list */
	PG_pcp,		/* on a per-cpu free list (order 0) */
	PG_head,	/* head of a compound (__GFP_COMP) allocation */
	PG_slab,	/* owned by the slab allocator */
	__NR_PAGEFLAGS,
};

#define SECTIONS_WIDTH		20
#define ZONES_WIDTH		3
#define SECTIONS_PGSHIFT	(BITS_PER_LONG - SECTIONS_WIDTH)
#define ZONES_PGSHIFT		(SECTIONS_PGSHIFT - ZONES_WIDTH)
#define SECTIONS_MASK		((1UL << SECTIONS_WIDTH) - 1)
#define ZONES_MASK		((1UL << ZONES_WIDTH) - 1)

#define PAGEFLAG(uname, lname)						\
static inline bool Page##uname(const struct page *page)		\
{ return page->flags & (1UL << PG_##lname); }				\
static inline void __SetPage##uname(struct page *page)			\
{ page->flags |= 1UL << PG_##lname; }					\
static inline void __ClearPage##uname(struct page *page)		\
{ page->flags &= ~(1UL << PG_##lname); }

PAGEFLAG(Reserved, reserved)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Pcp, pcp)
PAGEFLAG(Head, head)
PAGEFLAG(Slab, slab)

#define SetPageReserved		__SetPageReserved
#define ClearPageReserved	__ClearPageReserved

/** PageTail() - is @page a tail page of a compound allocation? */
static inline bool PageTail(const struct page *page)
{
	return (unsigned long)page->lru.next & 1;
}

/** compound_head() - the head page of @page's compound allocation (or @page). */
static inline struct page *compound_head(const struct page *page)
{
	unsigned long head = (unsigned long)page->lru.next;

	return (struct page *)(head & 1 ? head - 1 : (unsigned long)page);
}

/** compound_order() - order of a compound head page, 0 for other pages. */
static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? page[1].private : 0;
}

#endif /* _LINUX_PAGE_FLAGS_H */
