// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator: free lists of 2^order-page blocks per zone and
 * migratetype, an order-0 per-cpu cache in front, and the zone choice from
 * gfp flags through the zonelist with watermark checks.
 */
/**
 * DOC: buddy allocator overview
 *
 * A free block of order n starts at a PFN aligned to 2^n.  Its buddy is the
 * block it was split from the other half of: pfn ^ (1 << n)
 * (__find_buddy_pfn).  Freeing merges with the buddy while the buddy is a
 * free block of the same order in the same zone, then files the result on
 * free_area[order].free_list[migratetype of its pageblock].
 *
 *   order 2 block at pfn 8:   [8 9 10 11]   buddy at order 2 = 12
 *   alloc order 0 from it:    [8] taken, [9] order-0 free, [10 11] order-1 free
 *
 * Allocation takes the smallest block of the wanted migratetype that fits
 * and splits it (expand); failing that it steals from another migratetype
 * (fallbacks[]), largest block first, and re-types the whole pageblock when
 * that is cheap.  Order-0 frees go to a per-cpu list first and reach the
 * buddy lists in batches when the list grows past pcp->high.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/pageblock-flags.h>

const char * const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Movable", "Reclaimable", "HighAtomic",
};

/* Which types to steal from, in order, when a type's own lists are empty. */
static const int fallbacks[MIGRATE_TYPES][MIGRATE_PCPTYPES] = {
	[MIGRATE_UNMOVABLE]   = { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE,   MIGRATE_TYPES },
	[MIGRATE_MOVABLE]     = { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE, MIGRATE_TYPES },
	[MIGRATE_RECLAIMABLE] = { MIGRATE_UNMOVABLE,   MIGRATE_MOVABLE,   MIGRATE_TYPES },
};

/* alloc_flags: which watermark, and how much of the reserve may be used */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_HIGH	WMARK_HIGH
#define ALLOC_NO_WATERMARKS	0x04
#define ALLOC_WMARK_MASK	(ALLOC_NO_WATERMARKS - 1)
#define ALLOC_HARDER		0x10
#define ALLOC_HIGH		0x20

static inline unsigned long __find_buddy_pfn(unsigned long page_pfn, unsigned int order)
{
	return page_pfn ^ (1UL << order);
}

static inline unsigned int buddy_order(const struct page *page)
{
	return page->private;
}

static inline bool page_is_buddy(const struct page *page, const struct page *buddy,
				 unsigned int order)
{
	return PageBuddy(buddy) && buddy_order(buddy) == order &&
	       page_zonenum(page) == page_zonenum(buddy);
}

static inline void add_to_free_list(struct page *page, struct zone *zone,
				    unsigned int order, int migratetype)
{
	struct free_area *area = &zone->free_area[order];

	__SetPageBuddy(page);
	page->private = order;
	list_add(&page->lru, &area->free_list[migratetype]);
	area->nr_free++;
	zone->vm_stat[NR_FREE_PAGES] += 1UL << order;
}

/* The boot hand-over appends, so the lowest blocks are handed out first. */
static inline void add_to_free_list_tail(struct page *page, struct zone *zone,
					 unsigned int order, int migratetype)
{
	struct free_area *area = &zone->free_area[order];

	__SetPageBuddy(page);
	page->private = order;
	list_add_tail(&page->lru, &area->free_list[migratetype]);
	area->nr_free++;
	zone->vm_stat[NR_FREE_PAGES] += 1UL << order;
}

static inline void del_page_from_free_list(struct page *page, struct zone *zone,
					   unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
	zone->vm_stat[NR_FREE_PAGES] -= 1UL << order;
}

static inline void move_to_free_list(struct page *page, struct zone *zone,
				     unsigned int order, int migratetype)
{
	list_move(&page->lru, &zone->free_area[order].free_list[migratetype]);
}

/* How __free_one_page() files the merged block (Linux's fpi_t). */
#define FPI_NONE	0
#define FPI_TO_TAIL	1	/* at the tail of its free list */

/*
 * Linux's buddy_merge_likely(): the block at @pfn could not merge with
 * its buddy at @buddy_pfn (in use), but if the pair's parent has a free
 * buddy, freeing that one page later merges two levels at once.  Such a
 * block goes to the tail, so it is handed out last.  The parent's buddy
 * lies in the same MAX_ORDER block, which always has a memmap.
 *
 *   order+1:  [ pfn | buddy_pfn (in use) ][ free, order+1 ]
 */
static inline bool buddy_merge_likely(unsigned long pfn, unsigned long buddy_pfn,
				      struct page *page, unsigned int order)
{
	unsigned long higher_pfn = buddy_pfn & pfn;
	struct page *higher;

	if (order >= MAX_ORDER - 2)
		return false;
	higher = page + (long)(higher_pfn - pfn);
	return page_is_buddy(higher, higher + (long)(__find_buddy_pfn(higher_pfn, order + 1) -
						      higher_pfn), order + 1);
}

static void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
			    unsigned int order, int migratetype, int fpi_flags)
{
	unsigned long buddy_pfn = 0;

	while (order < MAX_ORDER - 1) {
		struct page *buddy;

		buddy_pfn = __find_buddy_pfn(pfn, order);
		/* the buddy may sit below: step by a signed distance */
		buddy = page + (long)(buddy_pfn - pfn);
		if (!page_is_buddy(page, buddy, order))
			break;
		del_page_from_free_list(buddy, zone, order);
		page -= pfn - (buddy_pfn & pfn);
		pfn &= buddy_pfn;
		order++;
	}
	if ((fpi_flags & FPI_TO_TAIL) || buddy_merge_likely(pfn, buddy_pfn, page, order))
		add_to_free_list_tail(page, zone, order, migratetype);
	else
		add_to_free_list(page, zone, order, migratetype);
}

static void free_one_page(struct zone *zone, struct page *page, unsigned long pfn,
			  unsigned int order)
{
	__free_one_page(page, pfn, zone, order, get_pfnblock_migratetype(page, pfn), FPI_NONE);
}

/* Split a 2^high block down to 2^low, filing the upper halves as free. */
static inline void expand(struct zone *zone, struct page *page, unsigned int low,
			  unsigned int high, int migratetype)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high, migratetype);
	}
}

static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order,
				       int migratetype)
{
	unsigned int current_order;

	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		struct list_head *list = &zone->free_area[current_order].free_list[migratetype];
		struct page *page;

		if (list_empty(list))
			continue;
		page = list_first_entry(list, struct page, lru);
		del_page_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order, migratetype);
		return page;
	}
	return NULL;
}

/*
 * Move the free blocks of @page's pageblock to @migratetype's lists.  As
 * in Linux, a pageblock that runs past the zone's end moves nothing
 * (returns 0), and one that starts below the zone is walked from @page.
 */
static unsigned long move_freepages_block(struct zone *zone, struct page *page,
					  int migratetype)
{
	unsigned long pfn = pageblock_start_pfn(page_to_pfn(page));
	unsigned long end = pfn + pageblock_nr_pages;
	unsigned long moved = 0;

	if (!zone_spans_pfn(zone, pfn))
		pfn = page_to_pfn(page);
	if (!zone_spans_pfn(zone, end - 1))
		return 0;
	while (pfn < end) {
		struct page *p = pfn_to_page(pfn);

		if (!PageBuddy(p)) {
			pfn++;
			continue;
		}
		move_to_free_list(p, zone, buddy_order(p), migratetype);
		moved += 1UL << buddy_order(p);
		pfn += 1UL << buddy_order(p);
	}
	return moved;
}

static bool can_steal_fallback(unsigned int order, int start_mt)
{
	return order >= pageblock_order / 2 || start_mt == MIGRATE_RECLAIMABLE ||
	       start_mt == MIGRATE_UNMOVABLE;
}

/*
 * Take @page (order @order, on a list of another type) for @start_type.
 * A block of a pageblock or more changes type outright; a smaller one
 * moves the pageblock's free pages over and claims the pageblock when at
 * least half of it is then free or already of our kind.  "Our kind" is
 * Linux's guess: for an unmovable or reclaimable request, the allocated
 * pages of a Movable pageblock; for a movable one, the movable pages in
 * use there (Linux counts LRU pages; there are none here, so 0).
 */
static void steal_suitable_fallback(struct zone *zone, struct page *page,
				    unsigned int order, int start_type, bool whole_block)
{
	int old_type = get_pfnblock_migratetype(page, page_to_pfn(page));
	unsigned long free_pages, alike_pages = 0;

	if (order >= pageblock_order) {
		unsigned long nr = 1UL << (order - pageblock_order), i;

		for (i = 0; i < nr; i++)
			set_pageblock_migratetype(page + (i << pageblock_order), start_type);
		move_to_free_list(page, zone, order, start_type);
		return;
	}
	if (!whole_block) {
		move_to_free_list(page, zone, order, start_type);
		return;
	}
	free_pages = move_freepages_block(zone, page, start_type);
	if (!free_pages) {	/* the pageblock crosses the zone's end */
		move_to_free_list(page, zone, order, start_type);
		return;
	}
	if (start_type != MIGRATE_MOVABLE && old_type == MIGRATE_MOVABLE)
		alike_pages = pageblock_nr_pages - free_pages;
	if (free_pages + alike_pages >= (1UL << (pageblock_order - 1)))
		set_pageblock_migratetype(page, start_type);
}

static int find_suitable_fallback(struct free_area *area, unsigned int order,
				  int migratetype, bool *can_steal)
{
	int i;

	if (area->nr_free == 0)
		return -1;
	for (i = 0; fallbacks[migratetype][i] != MIGRATE_TYPES; i++) {
		int fallback_mt = fallbacks[migratetype][i];

		if (list_empty(&area->free_list[fallback_mt]))
			continue;
		*can_steal = can_steal_fallback(order, migratetype);
		return fallback_mt;
	}
	return -1;
}

static bool __rmqueue_fallback(struct zone *zone, unsigned int order, int start_mt)
{
	bool can_steal = false;
	int current_order, fallback_mt = -1;
	struct page *page;

	for (current_order = MAX_ORDER - 1; current_order >= (int)order; current_order--) {
		fallback_mt = find_suitable_fallback(&zone->free_area[current_order],
						     current_order, start_mt, &can_steal);
		if (fallback_mt == -1)
			continue;
		/* a movable request that cannot claim the block splits the smallest */
		if (!can_steal && start_mt == MIGRATE_MOVABLE && current_order > (int)order)
			goto find_smallest;
		goto do_steal;
	}
	return false;

find_smallest:
	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		fallback_mt = find_suitable_fallback(&zone->free_area[current_order],
						     current_order, start_mt, &can_steal);
		if (fallback_mt != -1)
			break;
	}
do_steal:
	page = list_first_entry(&zone->free_area[current_order].free_list[fallback_mt],
				struct page, lru);
	steal_suitable_fallback(zone, page, current_order, start_mt, can_steal);
	return true;
}

static struct page *__rmqueue(struct zone *zone, unsigned int order, int migratetype,
			      unsigned int alloc_flags)
{
	struct page *page;

	for (;;) {
		page = __rmqueue_smallest(zone, order, migratetype);
		if (page)
			return page;
		if ((alloc_flags & ALLOC_HARDER) &&
		    (page = __rmqueue_smallest(zone, order, MIGRATE_HIGHATOMIC)))
			return page;
		if (!__rmqueue_fallback(zone, order, migratetype))
			return NULL;
	}
}

/* Move up to @count order-0 pages from the buddy lists to a pcp list. */
static int rmqueue_bulk(struct zone *zone, int count, struct list_head *list,
			int migratetype)
{
	int i;

	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, 0, migratetype, 0);

		if (!page)
			break;
		page->private = migratetype;
		__SetPagePcp(page);
		list_add_tail(&page->lru, list);
	}
	zone->vm_stat[NR_ZONE_PCP] += i;
	return i;
}

/*
 * Give @count pages back from the pcp lists to the buddy, oldest (tail)
 * first, as Linux 6.1: list @mt (the one just freed to) first and empty
 * each list before moving round-robin to the next.
 */
static void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp,
			       int mt)
{
	count = min(count, pcp->count);
	mt--;
	while (count > 0) {
		struct list_head *list;

		do {
			if (++mt >= MIGRATE_PCPTYPES)
				mt = 0;
			list = &pcp->lists[mt];
		} while (list_empty(list));
		do {
			struct page *page = list_last_entry(list, struct page, lru);

			list_del(&page->lru);
			__ClearPagePcp(page);
			pcp->count--;
			zone->vm_stat[NR_ZONE_PCP]--;
			count--;
			__free_one_page(page, page_to_pfn(page), zone, 0, page->private, FPI_NONE);
		} while (count > 0 && !list_empty(list));
	}
}

/**
 * drain_local_pages() - return the per-cpu pages to the buddy lists
 * @zone: one zone, or NULL for all
 */
void drain_local_pages(struct zone *zone)
{
	struct zone *z;

	if (zone) {
		free_pcppages_bulk(zone, zone->pcp.count, &zone->pcp, 0);
		return;
	}
	for_each_populated_zone(z)
		free_pcppages_bulk(z, z->pcp.count, &z->pcp, 0);
}

static struct page *rmqueue(struct zone *zone, unsigned int order, int migratetype,
			    unsigned int alloc_flags)
{
	struct per_cpu_pages *pcp = &zone->pcp;
	struct list_head *list;
	struct page *page;

	if (order || !pcp->high || migratetype >= MIGRATE_PCPTYPES)
		return __rmqueue(zone, order, migratetype, alloc_flags);
	pcp->free_factor >>= 1;		/* an allocation: smaller drains again */
	list = &pcp->lists[migratetype];
	if (list_empty(list)) {
		pcp->count += rmqueue_bulk(zone, pcp->batch, list, migratetype);
		if (list_empty(list))
			return NULL;
	}
	page = list_first_entry(list, struct page, lru);
	list_del(&page->lru);
	__ClearPagePcp(page);
	pcp->count--;
	zone->vm_stat[NR_ZONE_PCP]--;
	return page;
}

static bool __zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
				int highest_zoneidx, unsigned int alloc_flags)
{
	long min = mark, free_pages = zone_page_state(z, NR_FREE_PAGES);
	unsigned int o;
	int mt;

	free_pages -= (1L << order) - 1;
	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free_pages <= min + z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true;
	for (o = order; o < MAX_ORDER; o++) {
		struct free_area *area = &z->free_area[o];

		if (!area->nr_free)
			continue;
		for (mt = 0; mt < MIGRATE_PCPTYPES; mt++)
			if (!list_empty(&area->free_list[mt]))
				return true;
		if ((alloc_flags & ALLOC_HARDER) &&
		    !list_empty(&area->free_list[MIGRATE_HIGHATOMIC]))
			return true;
	}
	return false;
}

/**
 * gfp_zone() - the highest zone an allocation with @flags may use
 * @flags: gfp flags
 *
 * Return: a zone index; zones the profile lacks map to ZONE_NORMAL.
 */
enum zone_type gfp_zone(gfp_t flags)
{
	enum zone_type z = ZONE_NORMAL;

	if (flags & __GFP_DMA)
		z = ZONE_DMA;
	else if (flags & __GFP_DMA32)
		z = ZONE_DMA32;
	else if ((flags & (__GFP_HIGHMEM | __GFP_MOVABLE)) == (__GFP_HIGHMEM | __GFP_MOVABLE))
		z = ZONE_MOVABLE;
	else if (flags & __GFP_HIGHMEM)
		z = ZONE_HIGHMEM;
	if (z == ZONE_MOVABLE && !populated_zone(&NODE_DATA(0)->node_zones[ZONE_MOVABLE]))
		z = ZONE_HIGHMEM;
	if (!zone_configured(z))
		z = ZONE_NORMAL;
	return z;
}

static void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	unsigned long i, nr = 1UL << order;

	set_page_count(page, 1);
	page->private = 0;
	INIT_LIST_HEAD(&page->lru);
	page_zone(page)->vm_stat[NR_ALLOC_PAGES] += nr;
	if (unlikely(page_poisoning_enabled))
		kernel_unpoison_pages(page, order);
	if (gfp & __GFP_ZERO)
		for (i = 0; i < nr; i++)
			clear_highpage(page + i);
	if ((gfp & __GFP_COMP) && order) {
		__SetPageHead(page);
		for (i = 1; i < nr; i++)
			page[i].lru.next = (struct list_head *)((unsigned long)page | 1);
		page[1].private = order;
	}
}

static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					   unsigned int alloc_flags, int highest_zoneidx)
{
	struct zoneref *z = NODE_DATA(0)->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
	int migratetype = gfp_migratetype(gfp);

	for (; z->zone; z++) {
		struct zone *zone = z->zone;
		struct page *page;

		if (z->zone_idx > highest_zoneidx)
			continue;
		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !__zone_watermark_ok(zone, order,
					 wmark_pages(zone, alloc_flags & ALLOC_WMARK_MASK),
					 highest_zoneidx, alloc_flags))
			continue;
		page = rmqueue(zone, order, migratetype, alloc_flags);
		if (page) {
			prep_new_page(page, order, gfp);
			return page;
		}
	}
	return NULL;
}

/*
 * The order-0 fast path: the first zone the request may use, above its
 * low watermark, with a page waiting on the per-cpu list of the wanted
 * migratetype.  Anything else (a refill, a fallback, __GFP_ZERO, ...)
 * takes get_page_from_freelist().
 */
#define GFP_SLOWPATH_MASK	(__GFP_ZERO | __GFP_COMP | __GFP_MEMALLOC)

static enum zone_type gfp_zone_table[GFP_ZONEMASK + 1];
static struct zone *first_zone[MAX_NR_ZONES];

static inline struct page *rmqueue_pcp_fast(struct zone *zone, int highest_zoneidx,
					     int migratetype)
{
	struct list_head *list;
	struct page *page;

	if (unlikely(!zone))
		return NULL;
	list = &zone->pcp.lists[migratetype];
	if (unlikely(list_empty(list) ||
		     zone->vm_stat[NR_FREE_PAGES] <=
		     low_wmark_pages(zone) + zone->lowmem_reserve[highest_zoneidx]))
		return NULL;
	page = list_first_entry(list, struct page, lru);
	__list_del(page->lru.prev, page->lru.next);
	page->lru.next = LIST_POISON1;
	if (unlikely(zone->pcp.free_factor))	/* no store on the usual path */
		zone->pcp.free_factor >>= 1;
	zone->pcp.count--;
	zone->vm_stat[NR_ZONE_PCP]--;
	zone->vm_stat[NR_ALLOC_PAGES]++;
	__ClearPagePcp(page);
	page->private = 0;
	set_page_count(page, 1);
	return page;
}

/**
 * build_gfp_zone_table() - cache gfp_zone() and the first zone per limit
 *
 * Called by build_all_zonelists() once the zones are populated.
 */
void build_gfp_zone_table(void)
{
	struct zoneref *z;
	unsigned int g;
	int i;

	for (g = 0; g <= GFP_ZONEMASK; g++)
		gfp_zone_table[g] = gfp_zone(g);
	for (i = 0; i < MAX_NR_ZONES; i++) {
		first_zone[i] = NULL;
		for (z = NODE_DATA(0)->node_zonelists[ZONELIST_FALLBACK]._zonerefs; z->zone; z++) {
			if (z->zone_idx <= i) {
				first_zone[i] = z->zone;
				break;
			}
		}
	}
}

/**
 * __alloc_pages() - allocate 2^@order contiguous pages
 * @gfp: zone modifiers, migratetype, __GFP_ZERO, __GFP_COMP, ...
 * @order: 0 .. MAX_ORDER - 1
 * @preferred_nid: node to start from (only node 0 exists)
 *
 * First pass honours the low watermark; the retry the min watermark (less
 * for __GFP_HIGH / atomic callers); __GFP_MEMALLOC ignores them from the
 * start (Linux only on the retry).  There is
 * no reclaim: a failure is final and, without __GFP_NOWARN, reported.
 *
 * Return: the first page, or NULL.
 */
static noinline struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order,
						    int highest_zoneidx)
{
	unsigned int alloc_flags;
	struct page *page;

	if (order >= MAX_ORDER) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	/* __GFP_MEMALLOC: no watermarks even on the first pass, so the zone
	 * asked for is used to its last page before falling back */
	page = get_page_from_freelist(gfp, order, gfp & __GFP_MEMALLOC ?
				      ALLOC_NO_WATERMARKS : ALLOC_WMARK_LOW, highest_zoneidx);
	if (page)
		return page;
	alloc_flags = ALLOC_WMARK_MIN;
	if (gfp & __GFP_HIGH)
		alloc_flags |= ALLOC_HIGH;
	if ((gfp & __GFP_ATOMIC) && !(gfp & __GFP_NOMEMALLOC))
		alloc_flags |= ALLOC_HARDER;
	if (gfp & __GFP_MEMALLOC)
		alloc_flags |= ALLOC_NO_WATERMARKS;
	page = get_page_from_freelist(gfp, order, alloc_flags, highest_zoneidx);
	if (!page && !(gfp & __GFP_NOWARN))
		pr_warn("page allocation failure: order:%u, mode:%#x, zone:%s\n",
			order, gfp, zone_names[highest_zoneidx]);
	return page;
}

struct page *__alloc_pages(gfp_t gfp, unsigned int order, int preferred_nid)
{
	int highest_zoneidx = gfp_zone_table[gfp & GFP_ZONEMASK];

	if (likely(order == 0 && !(gfp & GFP_SLOWPATH_MASK))) {
		struct page *page = rmqueue_pcp_fast(first_zone[highest_zoneidx],
						     highest_zoneidx, gfp_migratetype(gfp));

		if (likely(page))
			return page;
	}
	return __alloc_pages_slowpath(gfp, order, highest_zoneidx);
}

/** alloc_pages() - __alloc_pages() on the current node. */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	int highest_zoneidx = gfp_zone_table[gfp & GFP_ZONEMASK];

	if (likely(order == 0 && !(gfp & GFP_SLOWPATH_MASK))) {
		struct page *page = rmqueue_pcp_fast(first_zone[highest_zoneidx],
						     highest_zoneidx, gfp_migratetype(gfp));

		if (likely(page))
			return page;
	}
	return __alloc_pages_slowpath(gfp, order, highest_zoneidx);
}

/**
 * __get_free_pages() - allocate lowmem pages and return their address
 * @gfp: gfp flags (__GFP_HIGHMEM is not allowed: no permanent address)
 * @order: allocation order
 *
 * Return: the direct-map address, or 0.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)page_address(page) : 0;
}

/** get_zeroed_page() - one zeroed lowmem page's address, or 0. */
unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/*
 * Linux 6.1's nr_pcp_free(): how many pages an overflowing pcp list gives
 * back.  A batch at first, doubling with each overflow that comes with
 * no allocation in between (free_factor), at most all but a batch.
 */
static int nr_pcp_free(struct per_cpu_pages *pcp, int high, int batch)
{
	int min_nr_free = batch, max_nr_free = high - batch;

	if (unlikely(high < batch))
		return 1;
	batch <<= pcp->free_factor;
	if (batch < max_nr_free)
		pcp->free_factor++;
	return clamp(batch, min_nr_free, max_nr_free);
}

static void free_unref_page(struct page *page, unsigned long pfn)
{
	struct zone *zone = page_zone(page);
	struct per_cpu_pages *pcp = &zone->pcp;
	int mt = get_pfnblock_migratetype(page, pfn);

	if (!pcp->high || mt >= MIGRATE_PCPTYPES) {
		__free_one_page(page, pfn, zone, 0, mt, FPI_NONE);
		return;
	}
	page->private = mt;
	__SetPagePcp(page);
	list_add(&page->lru, &pcp->lists[mt]);
	pcp->count++;
	zone->vm_stat[NR_ZONE_PCP]++;
	if (pcp->count >= pcp->high)
		free_pcppages_bulk(zone, nr_pcp_free(pcp, pcp->high, pcp->batch), pcp, mt);
}

/* Page states the order-0 fast free path leaves to free_pages_prepare(). */
#define FREE_SLOWPATH_FLAGS	(1UL << PG_head | 1UL << PG_slab | 1UL << PG_buddy | \
				 1UL << PG_reserved | 1UL << PG_pcp)

static void free_pages_prepare(struct page *page, unsigned int order)
{
	unsigned long i;

	if (PageHead(page)) {
		for (i = 1; i < (1UL << order); i++)
			page[i].lru.next = &page[i].lru;
		page[1].private = 0;
		__ClearPageHead(page);
	}
	VM_BUG_ON_PAGE(PageBuddy(page) || PageReserved(page) || PageTail(page), page);
	page->flags &= ~(1UL << PG_slab);
	page->page_type = 0;
	page->virtual = NULL;
	page_zone(page)->vm_stat[NR_ALLOC_PAGES] -= 1UL << order;
	if (unlikely(page_poisoning_enabled))
		kernel_poison_pages(page, order);
}

/**
 * __free_pages() - drop a reference to 2^@order pages from alloc_pages()
 * @page: the first page
 * @order: the order it was allocated with
 *
 * The last reference frees the block: order 0 through the per-cpu list,
 * larger orders straight into the buddy lists.
 */
static noinline void __free_pages_slowpath(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	free_pages_prepare(page, order);
	if (order == 0)
		free_unref_page(page, pfn);
	else
		free_one_page(page_zone(page), page, pfn, order);
}

void __free_pages(struct page *page, unsigned int order)
{
	if (!put_page_testzero(page))
		return;
	if (likely(order == 0 && !(page->flags & FREE_SLOWPATH_FLAGS) && !PageTail(page))) {
		struct zone *zone = page_zone(page);
		struct per_cpu_pages *pcp = &zone->pcp;
		int mt = zone->pageblock_flags[pfn_to_bitidx(zone, page_to_pfn(page))];

		if (likely(mt < MIGRATE_PCPTYPES && pcp->count + 1 < pcp->high)) {
			page->page_type = 0;
			page->virtual = NULL;
			page->private = mt;
			__SetPagePcp(page);
			list_add(&page->lru, &pcp->lists[mt]);
			pcp->count++;
			zone->vm_stat[NR_ZONE_PCP]++;
			zone->vm_stat[NR_ALLOC_PAGES]--;
			return;
		}
	}
	__free_pages_slowpath(page, order);
}

/**
 * split_page() - turn a non-compound 2^@order allocation into single pages
 * @page: the first page
 * @order: its order
 *
 * Each page then has its own reference and is freed with __free_pages(p, 0).
 */
void split_page(struct page *page, unsigned int order)
{
	unsigned long i;

	BUG_ON(PageHead(page) || page_count(page) != 1);
	for (i = 1; i < (1UL << order); i++)
		set_page_count(page + i, 1);
}

/** free_pages() - __free_pages() by direct-map address (0 is ignored). */
void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

/**
 * __free_pages_core() - hand boot memory to the buddy allocator
 * @page: first page of a naturally aligned block, all pages Reserved
 * @order: its order
 *
 * Clears Reserved, counts the pages as managed and frees the block to
 * the tail of its free list, as Linux 5.10+ does: boot memory is freed in
 * ascending order, so allocations then start from the lowest addresses.
 */
void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long nr = 1UL << order, i;
	struct zone *zone = page_zone(page);

	for (i = 0; i < nr; i++) {
		__ClearPageReserved(page + i);
		set_page_count(page + i, 0);
	}
	zone->managed_pages += nr;
	totalram_pages_count += nr;
	if (PageHighMem(page))
		totalhigh_pages_count += nr;
	if (unlikely(page_poisoning_enabled))
		kernel_poison_pages(page, order);
	__free_one_page(page, page_to_pfn(page), zone, order,
			get_pfnblock_migratetype(page, page_to_pfn(page)), FPI_TO_TAIL);
}

/** nr_free_pages() - free pages in all zones, pcp lists included. */
unsigned long nr_free_pages(void)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_zone(zone)
		sum += zone_page_state(zone, NR_FREE_PAGES) + zone_page_state(zone, NR_ZONE_PCP);
	return sum;
}

/**
 * page_address() - the kernel address of @page
 * @page: any page
 *
 * Return: the direct-map address of a lowmem page; for a highmem page the
 * address kmap() gave it, or NULL when it is not mapped.
 */
void *page_address(const struct page *page)
{
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return page->virtual;
}
