// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/page_alloc.c (and mm/watermark.c's effect on it): buddy
 * split and merge, zone choice and zonelist fallback, watermarks and
 * lowmem_reserve, migratetype stealing, the per-cpu lists, __GFP_ZERO,
 * __GFP_COMP and reference counts; every scenario ends with a clean audit.
 * Each scenario boots a fresh simulated QEMU machine (i386 -m 1G unless
 * it says otherwise) through the real boot sequence.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/pageblock-flags.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "boot_fixture.h"
#include "expect_panic.h"

#define ARENA_SIZE	(5ULL << 30)

static char out[1 << 16];

/* QEMU -m @size (SeaBIOS's map) through the real boot, quietly. */
static void boot_qemu(const struct mm_profile *profile, phys_addr_t size)
{
	host_console_quiet(true);
	boot_fixture_qemu(profile, size, NULL);
	host_console_quiet(false);
}

static int setup_i386_1G(void **state)
{
	boot_qemu(&mm_profile_i386, SZ_1G);
	return 0;
}

static int setup_x86_64_128M(void **state)
{
	boot_qemu(&mm_profile_x86_64, SZ_128M);
	return 0;
}

/* Every test must leave the books balanced. */
static int teardown(void **state)
{
	host_console_quiet(true);
	assert_int_equal(page_accounting_audit(), 0);
	host_console_quiet(false);
	return 0;
}

static int group_setup(void **state)
{
	return boot_fixture_init(ARENA_SIZE);
}

/*
 * The boot hand-over frees memory in ascending order to the tail of the
 * free lists (Linux's FPI_TO_TAIL), so the first allocations come from
 * the lowest free blocks, not the last ones freed.
 *
 *   Normal: 0x1000 ...[first free order-10 block]... [last one] ... end
 *                      ^ the first order-10 allocation
 *
 * Expect the lowest free order-10 block of Normal, then the next.
 */
static void alloc_pages_boot_memory_lowest_first(void **state)
{
	struct zone *z = node_zone(ZONE_NORMAL);
	unsigned long pfn, first = 0, second = 0;
	struct page *a, *b;

	for (pfn = z->zone_start_pfn; pfn < zone_end_pfn(z) && !second; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (!PageBuddy(page))
			continue;
		if (page->private == MAX_ORDER - 1) {
			if (first)
				second = pfn;
			else
				first = pfn;
		}
		pfn += (1UL << page->private) - 1;
	}
	assert_true(first && second);
	a = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, MAX_ORDER - 1);
	b = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, MAX_ORDER - 1);
	assert_int_equal(page_to_pfn(a), first);
	assert_int_equal(page_to_pfn(b), second);
	__free_pages(a, MAX_ORDER - 1);
	__free_pages(b, MAX_ORDER - 1);
}

/*
 * A freed block whose buddy is in use but whose parent's buddy is free
 * goes to the tail of its list (Linux's buddy_merge_likely), so it stays
 * free longest.  An order-3 block split into pages x..x+7, all ours, the
 * per-cpu list off; free x+2 and x+3 (they merge to order 1), then x+5,
 * then x+1:
 *
 *   x   x+1  x+2 x+3  x+4  x+5  x+6 x+7
 *   use free [ free ] use  free use use
 *
 * x+5's buddy x+4 and its parent's buddy x+6..x+7 are in use: head.
 * x+1's buddy x is in use, but its parent's buddy x+2..x+3 is free: tail.
 * Expect x+5 first on the order-0 list, x+1 last.
 */
static void free_pages_merge_likely_to_tail(void **state)
{
	struct zone *z = node_zone(ZONE_NORMAL);
	struct list_head *list;
	struct page *x;
	int high;

	drain_local_pages(NULL);
	high = z->pcp.high;
	z->pcp.high = 0;
	x = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 3);
	assert_int_equal(page_zonenum(x), ZONE_NORMAL);
	split_page(x, 3);
	__free_pages(x + 2, 0);
	__free_pages(x + 3, 0);
	__free_pages(x + 5, 0);
	__free_pages(x + 1, 0);
	list = &z->free_area[0].free_list[get_pfnblock_migratetype(x, page_to_pfn(x))];
	assert_ptr_equal(list_first_entry(list, struct page, lru), x + 5);
	assert_ptr_equal(list_last_entry(list, struct page, lru), x + 1);
	__free_pages(x, 0);
	__free_pages(x + 4, 0);
	__free_pages(x + 6, 0);
	__free_pages(x + 7, 0);
	z->pcp.high = high;
}

/*
 * Split: an order-1 request with no free order-1..k-1 blocks takes one
 * order-k block and leaves one free block at each order 1..k-1.
 *
 *   order k block:  [ 1 | 1 | 2 | 4 | ... | 2^(k-1) ]
 *                    ^taken  ^^^^^^^^^^^^^^ filed as free
 *
 * Merge: freeing it gives the same counts back.
 */
static void alloc_pages_split_and_merge(void **state)
{
	struct zone *z = node_zone(ZONE_NORMAL);
	unsigned long before[MAX_ORDER];
	unsigned int o, k;
	struct page *page;

	drain_local_pages(NULL);
	for (o = 0; o < MAX_ORDER; o++)
		before[o] = z->free_area[o].nr_free;
	/* at boot every free block sits on the Movable lists */
	for (k = 1; k < MAX_ORDER && list_empty(&z->free_area[k].free_list[MIGRATE_MOVABLE]); k++)
		;
	page = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 1);
	assert_non_null(page);
	assert_ptr_equal(page_zone(page), z);
	assert_int_equal(page_to_pfn(page) & 1, 0);
	assert_int_equal(z->free_area[k].nr_free, before[k] - 1);
	for (o = 1; o < k; o++)
		assert_int_equal(z->free_area[o].nr_free, before[o] + 1);
	__free_pages(page, 1);
	for (o = 0; o < MAX_ORDER; o++)
		assert_int_equal(z->free_area[o].nr_free, before[o]);
}

/*
 * Buddies: split an order-1 block into pages p and p^1.  Freeing one
 * leaves it a lone order-0 free block; freeing the other merges them.
 *
 *   [a|b] allocated -> free b: [a|b*] -> free a: [ab]* (order >= 1)
 */
static void free_pages_merges_only_with_free_buddy(void **state)
{
	struct page *a, *b;

	a = alloc_pages(GFP_KERNEL, 1);
	assert_non_null(a);
	split_page(a, 1);
	b = a + 1;
	__free_pages(b, 0);
	drain_local_pages(NULL);
	assert_true(PageBuddy(b));
	assert_int_equal(b->private, 0);
	assert_false(PageBuddy(a));
	__free_pages(a, 0);
	drain_local_pages(NULL);
	assert_false(PageBuddy(b));
	assert_true(PageBuddy(compound_head(a)) || !PageBuddy(a));
	assert_true(!PageBuddy(a) || a->private >= 1);
}

/* Every order comes back naturally aligned; MAX_ORDER is refused. */
static void alloc_pages_alignment_and_max_order(void **state)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);

		assert_non_null(page);
		assert_int_equal(page_to_pfn(page) & ((1UL << order) - 1), 0);
		__free_pages(page, order);
	}
	assert_null(alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER));
}

/*
 * gfp_zone: the modifier picks the highest zone; zones the profile lacks
 * become Normal.  Expect i386: DMA32 -> Normal; x86_64: HIGHMEM -> Normal.
 */
static void gfp_zone_per_profile(void **state)
{
	assert_int_equal(gfp_zone(GFP_KERNEL), ZONE_NORMAL);
	assert_int_equal(gfp_zone(GFP_DMA), ZONE_DMA);
	assert_int_equal(gfp_zone(GFP_DMA32), ZONE_NORMAL);
	assert_int_equal(gfp_zone(GFP_HIGHUSER), ZONE_HIGHMEM);
	assert_int_equal(gfp_zone(GFP_HIGHUSER_MOVABLE), ZONE_HIGHMEM);
	mm_profile = &mm_profile_x86_64;
	assert_int_equal(gfp_zone(GFP_DMA32), ZONE_DMA32);
	assert_int_equal(gfp_zone(GFP_HIGHUSER), ZONE_NORMAL);
	mm_profile = &mm_profile_i386;
}

/* The zone each kind of request lands in on an idle 1 GiB i386 machine. */
static void alloc_pages_zone_choice(void **state)
{
	struct page *dma = alloc_pages(GFP_DMA, 0);
	struct page *normal = alloc_pages(GFP_KERNEL, 0);
	struct page *high = alloc_pages(GFP_HIGHUSER, 0);

	assert_int_equal(page_zonenum(dma), ZONE_DMA);
	assert_int_equal(page_zonenum(normal), ZONE_NORMAL);
	assert_int_equal(page_zonenum(high), ZONE_HIGHMEM);
	assert_true(PageHighMem(high));
	assert_null(page_address(high));
	assert_ptr_equal(page_address(normal), __va(PFN_PHYS(page_to_pfn(normal))));
	__free_pages(dma, 0);
	__free_pages(normal, 0);
	__free_pages(high, 0);
}

/*
 * x86_64 -m 128M: Normal is empty, so GFP_KERNEL and even __GFP_HIGHMEM
 * land in DMA32 through the zonelist; every page has an address.
 */
static void alloc_pages_zone_choice_x86_64(void **state)
{
	gfp_t gfps[] = { GFP_DMA, GFP_DMA32, GFP_KERNEL, GFP_HIGHUSER_MOVABLE };
	enum zone_type expect[] = { ZONE_DMA, ZONE_DMA32, ZONE_DMA32, ZONE_DMA32 };
	unsigned int i;

	assert_false(populated_zone(node_zone(ZONE_NORMAL)));
	for (i = 0; i < ARRAY_SIZE(gfps); i++) {
		struct page *page = alloc_pages(gfps[i], 0);

		assert_non_null(page);
		assert_int_equal(page_zonenum(page), expect[i]);
		assert_false(PageHighMem(page));
		assert_ptr_equal(page_address(page), __va(PFN_PHYS(page_to_pfn(page))));
		__free_pages(page, 0);
	}
}

static unsigned long take_all(gfp_t gfp, enum zone_type zid, struct list_head *list)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_pages(gfp | __GFP_NOWARN, 0))) {
		if (page_zonenum(page) != zid) {
			__free_pages(page, 0);
			break;
		}
		list_add(&page->lru, list);
		n++;
	}
	return n;
}

static void give_back(struct list_head *list)
{
	struct page *page, *tmp;

	list_for_each_entry_safe(page, tmp, list, lru) {
		list_del(&page->lru);
		__free_pages(page, 0);
	}
	drain_local_pages(NULL);
}

/*
 * Fallback HighMem -> Normal: with HighMem drained, a GFP_HIGHUSER
 * request is served by Normal.  Expect a Normal page, and the HighMem
 * free count back to its value after refilling.
 */
static void alloc_pages_falls_back_highmem_to_normal(void **state)
{
	unsigned long free_before = zone_page_state(node_zone(ZONE_HIGHMEM), NR_FREE_PAGES);
	LIST_HEAD(taken);
	struct page *page;

	drain_local_pages(NULL);
	free_before = zone_page_state(node_zone(ZONE_HIGHMEM), NR_FREE_PAGES);
	assert_int_equal(take_all(GFP_HIGHUSER | __GFP_MEMALLOC, ZONE_HIGHMEM, &taken),
			 free_before);
	page = alloc_pages(GFP_HIGHUSER, 0);
	assert_non_null(page);
	assert_int_equal(page_zonenum(page), ZONE_NORMAL);
	__free_pages(page, 0);
	give_back(&taken);
	assert_int_equal(zone_page_state(node_zone(ZONE_HIGHMEM), NR_FREE_PAGES), free_before);
}

/*
 * Watermarks: GFP_KERNEL takes Normal down to its low watermark (give or
 * take one pcp batch), then DMA down to low + lowmem_reserve[Normal];
 * the retry pass repeats that with the min watermark; then it fails.
 * GFP_DMA may still dig into DMA's reserve for Normal, GFP_ATOMIC below
 * Normal's min: half of it for __GFP_HIGH, a quarter of the rest more
 * for ALLOC_HARDER, which __GFP_NOMEMALLOC turns off as in Linux.
 *
 *   Normal: |#######....low....min|   DMA: |####..low+res..min+res|
 */
static void alloc_pages_respects_watermarks_and_lowmem_reserve(void **state)
{
	struct zone *normal = node_zone(ZONE_NORMAL), *dma = node_zone(ZONE_DMA);
	long reserve = dma->lowmem_reserve[ZONE_NORMAL];
	LIST_HEAD(taken);
	struct page *page;
	unsigned long left;

	assert_true(reserve > 0);
	take_all(GFP_KERNEL, ZONE_NORMAL, &taken);
	left = zone_page_state(normal, NR_FREE_PAGES);
	assert_true(left <= low_wmark_pages(normal));
	assert_true(left + normal->pcp.batch + 1 >= low_wmark_pages(normal));
	take_all(GFP_KERNEL, ZONE_DMA, &taken);
	left = zone_page_state(dma, NR_FREE_PAGES);
	assert_true(left <= low_wmark_pages(dma) + reserve);
	assert_true(left + dma->pcp.batch + 1 >= low_wmark_pages(dma) + reserve);
	take_all(GFP_KERNEL, ZONE_NORMAL, &taken);
	assert_true(zone_page_state(normal, NR_FREE_PAGES) <= min_wmark_pages(normal));
	take_all(GFP_KERNEL, ZONE_DMA, &taken);
	assert_true(zone_page_state(dma, NR_FREE_PAGES) <= min_wmark_pages(dma) + reserve);
	assert_null(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));

	host_console_capture(out, sizeof(out));
	assert_null(alloc_pages(GFP_KERNEL, 0));
	host_console_capture(NULL, 0);
	assert_non_null(strstr(out, "page allocation failure: order:0"));

	page = alloc_pages(GFP_DMA, 0);
	assert_non_null(page);
	assert_int_equal(page_zonenum(page), ZONE_DMA);
	list_add(&page->lru, &taken);
	/* __GFP_HIGH alone (atomic with __GFP_NOMEMALLOC) stops at min / 2 */
	take_all(GFP_ATOMIC | __GFP_NOMEMALLOC, ZONE_NORMAL, &taken);
	assert_true(zone_page_state(normal, NR_FREE_PAGES) <=
		    min_wmark_pages(normal) - min_wmark_pages(normal) / 2);
	/* ALLOC_HARDER (any atomic request without it, __GFP_NOWARN or not) goes a quarter deeper */
	page = alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0);
	assert_non_null(page);
	assert_int_equal(page_zonenum(page), ZONE_NORMAL);
	list_add(&page->lru, &taken);
	give_back(&taken);
}

/*
 * Migratetypes: at boot every pageblock is Movable.  An unmovable
 * request steals: the pageblock it came from turns Unmovable.  A movable
 * request then takes a Movable block and leaves its type alone.
 */
static void alloc_pages_steals_pageblock_for_unmovable(void **state)
{
	struct page *unmov, *mov;

	drain_local_pages(NULL);
	unmov = alloc_pages(GFP_KERNEL | __GFP_RECLAIMABLE, 3);
	assert_non_null(unmov);
	assert_int_equal(get_pfnblock_migratetype(unmov, page_to_pfn(unmov)),
			 MIGRATE_RECLAIMABLE);
	mov = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 3);
	assert_non_null(mov);
	assert_int_equal(get_pfnblock_migratetype(mov, page_to_pfn(mov)), MIGRATE_MOVABLE);
	assert_true(page_to_pfn(mov) >> pageblock_order != page_to_pfn(unmov) >> pageblock_order);
	__free_pages(unmov, 3);
	__free_pages(mov, 3);
}

static bool has_free(struct zone *z, int mt)
{
	unsigned int o;

	for (o = 0; o < MAX_ORDER; o++)
		if (!list_empty(&z->free_area[o].free_list[mt]))
			return true;
	return false;
}

/* Does any free block on @mt's lists of @z lie in pageblock @block? */
static bool block_on_lists(struct zone *z, int mt, unsigned long block)
{
	struct page *page;
	unsigned int o;

	for (o = 0; o < MAX_ORDER; o++)
		list_for_each_entry(page, &z->free_area[o].free_list[mt], lru)
			if (page_to_pfn(page) >> pageblock_order == block)
				return true;
	return false;
}

/* Free pages in pageblock @block (buddy blocks, by their order). */
static unsigned long free_in_block(unsigned long block)
{
	unsigned long pfn = block << pageblock_order, end = pfn + pageblock_nr_pages, n = 0;

	while (pfn < end) {
		struct page *page = pfn_to_page(pfn);
		unsigned long nr = PageBuddy(page) ? 1UL << page->private : 1;

		n += PageBuddy(page) ? nr : 0;
		pfn += nr;
	}
	return n;
}

/*
 * Fallback stealing below a whole pageblock, Normal with its per-cpu list
 * off (every page straight from the buddy lists) and __GFP_MEMALLOC on
 * every request (no watermark sends one to DMA).  First every Movable
 * order-10 block is taken, so the largest Movable block left is a
 * fragment in some pageblock P:
 *
 *   P (Movable):  [ used ... | free 2^k | used | free ... ]
 *
 * 1. An unmovable order-0 request falls back to the largest Movable
 *    block; unmovable may always steal, so all of P's free pages move to
 *    the Unmovable lists and P is claimed (free + in-use pages = all of
 *    it, Linux's "alike" count for a Movable block).
 * 2. Unmovable pages are taken from P until less than half of it is
 *    free, then every Movable page of Normal.  A movable order-0 request
 *    falls back to P's Unmovable
 *    blocks; a movable request claims a pageblock only when half of it
 *    is free (it counts no in-use page as alike), so P stays Unmovable.
 *
 * Expect both pages from P, P Unmovable throughout, and every count back
 * after the frees.
 */
static void alloc_pages_fallback_claims_and_single_pages(void **state)
{
	struct zone *z = node_zone(ZONE_NORMAL);
	unsigned long free_before, block;
	struct page *page, *u, *m;
	LIST_HEAD(big);
	LIST_HEAD(small);
	int high, o;

	drain_local_pages(NULL);
	free_before = nr_free_pages();
	high = z->pcp.high;
	z->pcp.high = 0;
	while (!list_empty(&z->free_area[MAX_ORDER - 1].free_list[MIGRATE_MOVABLE])) {
		page = alloc_pages(GFP_KERNEL | __GFP_MOVABLE | __GFP_MEMALLOC, MAX_ORDER - 1);
		assert_int_equal(page_zonenum(page), ZONE_NORMAL);
		list_add(&page->lru, &big);
	}
	for (o = MAX_ORDER - 1; list_empty(&z->free_area[o].free_list[MIGRATE_MOVABLE]); o--)
		assert_true(o > 0);
	page = list_first_entry(&z->free_area[o].free_list[MIGRATE_MOVABLE], struct page, lru);
	block = page_to_pfn(page) >> pageblock_order;
	assert_false(has_free(z, MIGRATE_UNMOVABLE));

	u = alloc_pages(GFP_KERNEL | __GFP_MEMALLOC, 0);
	assert_int_equal(page_to_pfn(u) >> pageblock_order, block);
	assert_int_equal(get_pfnblock_migratetype(u, page_to_pfn(u)), MIGRATE_UNMOVABLE);
	assert_false(block_on_lists(z, MIGRATE_MOVABLE, block));

	while (free_in_block(block) >= pageblock_nr_pages / 2) {
		page = alloc_pages(GFP_KERNEL | __GFP_MEMALLOC, 0);
		assert_int_equal(page_to_pfn(page) >> pageblock_order, block);
		list_add(&page->lru, &small);
	}
	while (has_free(z, MIGRATE_MOVABLE)) {
		page = alloc_pages(GFP_KERNEL | __GFP_MOVABLE | __GFP_MEMALLOC, 0);
		assert_int_equal(page_zonenum(page), ZONE_NORMAL);
		list_add(&page->lru, &small);
	}
	m = alloc_pages(GFP_KERNEL | __GFP_MOVABLE | __GFP_MEMALLOC, 0);
	assert_int_equal(page_to_pfn(m) >> pageblock_order, block);
	assert_int_equal(get_pfnblock_migratetype(m, page_to_pfn(m)), MIGRATE_UNMOVABLE);

	__free_pages(m, 0);
	__free_pages(u, 0);
	give_back(&small);
	list_for_each_entry_safe(page, u, &big, lru) {
		list_del(&page->lru);
		__free_pages(page, MAX_ORDER - 1);
	}
	z->pcp.high = high;
	assert_int_equal(nr_free_pages(), free_before);
}

static unsigned int list_len(struct list_head *list)
{
	struct list_head *pos;
	unsigned int n = 0;

	list_for_each(pos, list)
		n++;
	return n;
}

/*
 * When the per-cpu list overflows, Linux 6.1 gives back a batch from the
 * list the page was freed to first, emptying one list before the next:
 * ten unmovable pages wait on their list while pcp->high + 1 movable
 * pages are freed.
 *
 *   pcp: Unmovable [10]   Movable [... high ...] -> batch back to buddy
 *
 * Expect the ten unmovable pages still cached, the movable list below
 * high, every count back after a drain.
 */
static void free_pages_pcp_overflow_drains_own_list(void **state)
{
	struct zone *z = node_zone(ZONE_NORMAL);
	struct per_cpu_pages *pcp = &z->pcp;
	unsigned long free_before;
	struct page *page, *tmp;
	LIST_HEAD(unmov);
	LIST_HEAD(mov);
	int i;

	drain_local_pages(NULL);
	free_before = nr_free_pages();
	for (i = 0; i < 10; i++)
		list_add(&alloc_pages(GFP_KERNEL, 0)->lru, &unmov);
	for (i = 0; i <= pcp->high; i++)
		list_add(&alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 0)->lru, &mov);
	drain_local_pages(NULL);
	list_for_each_entry_safe(page, tmp, &unmov, lru) {
		list_del(&page->lru);
		__free_pages(page, 0);
	}
	assert_int_equal(list_len(&pcp->lists[MIGRATE_UNMOVABLE]), 10);
	list_for_each_entry_safe(page, tmp, &mov, lru) {
		list_del(&page->lru);
		__free_pages(page, 0);
	}
	assert_int_equal(list_len(&pcp->lists[MIGRATE_UNMOVABLE]), 10);
	assert_true(pcp->count < pcp->high);
	assert_int_equal(pcp->count, 10 + list_len(&pcp->lists[MIGRATE_MOVABLE]));
	drain_local_pages(NULL);
	assert_int_equal(nr_free_pages(), free_before);
}

/*
 * Linux 6.1's adaptive drain (nr_pcp_free): each overflow of the per-cpu
 * list with no allocation since the last one gives back twice as many
 * pages, from one batch up to high - batch; an allocation halves the
 * factor.  i386 -m 1G Normal: batch 63, high = the low watermark, about
 * 1160 (it depends on the kernel image's size).
 *
 *   frees:  ...high | +63 | +126 | +252 | +504 | +1008 | +(high - 63)
 *   drops:      63    126   252    504    1008   high - 63
 *
 * Expect those six drops (the factor stops at 5: 63 << 5 is past the
 * cap), then 252 (5 halved to 2) after one allocation.
 */
static void free_pages_pcp_drain_doubles(void **state)
{
	struct zone *z = node_zone(ZONE_NORMAL);
	struct per_cpu_pages *pcp = &z->pcp;
	int want[] = { 63, 126, 252, 504, 1008, pcp->high - 63 };
	struct page *page, *tmp, *one;
	int drops[8], n = 0, before;
	LIST_HEAD(held);
	int i;

	assert_int_equal(pcp->batch, 63);
	assert_in_range(pcp->high, 1072, 2016);		/* 1008 < high - 63 < 2016 */
	for (i = 0; i < 4300; i++)
		list_add(&alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 0)->lru, &held);
	drain_local_pages(NULL);
	list_for_each_entry_safe(page, tmp, &held, lru) {
		list_del(&page->lru);
		before = pcp->count;
		__free_pages(page, 0);
		if (pcp->count != before + 1 && n < (int)ARRAY_SIZE(drops))
			drops[n++] = before + 1 - pcp->count;
		if (n == (int)ARRAY_SIZE(want))
			break;
	}
	assert_int_equal(n, ARRAY_SIZE(want));
	assert_memory_equal(drops, want, sizeof(want));
	one = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 0);
	__free_pages(one, 0);
	while (pcp->count + 1 < pcp->high) {
		page = list_first_entry(&held, struct page, lru);
		list_del(&page->lru);
		__free_pages(page, 0);
	}
	page = list_first_entry(&held, struct page, lru);
	list_del(&page->lru);
	before = pcp->count;
	__free_pages(page, 0);
	assert_int_equal(before + 1 - pcp->count, 252);
	give_back(&held);
}

/*
 * Per-cpu lists: order-0 frees wait on the pcp list, never reaching
 * pcp->high; drain_local_pages() empties them.  The last page freed is
 * the next one allocated (LIFO, cache-hot).
 */
static void free_pages_pcp_batching(void **state)
{
	struct zone *z = node_zone(ZONE_NORMAL);
	struct page *pages[600], *again;
	unsigned int i;

	assert_true(z->pcp.high > 0 && z->pcp.batch > 0);
	for (i = 0; i < ARRAY_SIZE(pages); i++)
		assert_non_null(pages[i] = alloc_pages(GFP_KERNEL, 0));
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		__free_pages(pages[i], 0);
		assert_true(z->pcp.count < z->pcp.high);
		assert_int_equal(z->pcp.count, zone_page_state(z, NR_ZONE_PCP));
	}
	again = alloc_pages(GFP_KERNEL, 0);
	assert_ptr_equal(again, pages[ARRAY_SIZE(pages) - 1]);
	__free_pages(again, 0);
	drain_local_pages(NULL);
	assert_int_equal(z->pcp.count, 0);
}

/* __GFP_ZERO zeroes lowmem and highmem pages alike (highmem via kmap). */
static void alloc_pages_gfp_zero(void **state)
{
	gfp_t kinds[] = { GFP_KERNEL, GFP_HIGHUSER };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kinds); i++) {
		struct page *page = alloc_pages(kinds[i], 0);
		u8 *p = kmap(page);

		memset(p, 0xcc, PAGE_SIZE);
		kunmap(page);
		__free_pages(page, 0);
		page = alloc_pages(kinds[i] | __GFP_ZERO, 0);	/* LIFO: same page */
		p = kmap(page);
		assert_int_equal(p[0], 0);
		assert_int_equal(p[PAGE_SIZE - 1], 0);
		assert_null(memchr_inv(p, 0, PAGE_SIZE));
		kunmap(page);
		__free_pages(page, 0);
	}
}

/* __get_free_pages/free_pages by address; get_zeroed_page; free_pages(0). */
static void get_free_pages_roundtrip(void **state)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 2);
	unsigned long zeroed = get_zeroed_page(GFP_KERNEL);

	assert_true(addr != 0);
	assert_ptr_equal(virt_to_page((void *)addr), compound_head(virt_to_page((void *)addr)));
	assert_int_equal(page_count(virt_to_page((void *)addr)), 1);
	assert_null(memchr_inv((void *)zeroed, 0, PAGE_SIZE));
	free_pages(addr, 2);
	free_pages(zeroed, 0);
	free_pages(0, 3);
}

/*
 * __GFP_COMP: head page flagged, tails point at it, order kept in the
 * first tail.  Expect compound_head() of every tail to be the head and
 * all marks gone after the free.
 */
static void alloc_pages_compound(void **state)
{
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	unsigned int i;

	assert_true(PageHead(head));
	assert_int_equal(compound_order(head), 2);
	for (i = 1; i < 4; i++) {
		assert_true(PageTail(head + i));
		assert_ptr_equal(compound_head(head + i), head);
	}
	assert_ptr_equal(virt_to_head_page((char *)page_address(head) + 3 * PAGE_SIZE + 5), head);
	__free_pages(head, 2);
	for (i = 0; i < 4; i++) {
		assert_false(PageHead(head + i));
		assert_false(PageTail(head + i));
	}
}

/* A second reference keeps the pages: only the last __free_pages frees. */
static void free_pages_refcount(void **state)
{
	unsigned long free_before;
	struct page *page = alloc_pages(GFP_KERNEL, 3);

	free_before = nr_free_pages();
	get_page(page);
	__free_pages(page, 3);
	assert_int_equal(nr_free_pages(), free_before);
	assert_int_equal(page_count(page), 1);
	__free_pages(page, 3);
	assert_int_equal(nr_free_pages(), free_before + 8);
}

/*
 * Freeing what is not an allocation stops the kernel (VM_BUG_ON_PAGE:
 * the page dumped, then BUG), leaving the page allocator's books as they
 * were:
 *   - an order-0 page freed twice (the first free put it on a pcp list),
 *   - an order-3 block freed twice (the first free merged it in the buddy),
 *   - a Reserved page (below 1 MiB) handed to __free_pages.
 * Expect the page's pfn and the failed condition in the report, a
 * "kernel BUG" panic each time, and the free count unchanged.
 */
static void expect_bad_free(struct page *page, unsigned int order, const char *why)
{
	char line[96];

	host_console_capture(out, sizeof(out));
	expect_panic(__free_pages(page, order), NULL);
	host_console_capture(NULL, 0);
	assert_non_null(strstr(expect_panic_msg, "kernel BUG at "));
	snprintf(line, sizeof(line), " pfn:%#lx\n", page_to_pfn(page));
	assert_non_null(strstr(out, line));
	snprintf(line, sizeof(line), "page dumped because: VM_BUG_ON_PAGE(%s)\n", why);
	assert_non_null(strstr(out, line));
}

static void free_pages_bad_frees_bug(void **state)
{
	struct page *one = alloc_pages(GFP_KERNEL, 0), *eight = alloc_pages(GFP_KERNEL, 3);
	struct page *low = pfn_to_page(0x10);
	unsigned long free_before;

	assert_non_null(one);
	assert_non_null(eight);
	__free_pages(one, 0);
	__free_pages(eight, 3);
	free_before = nr_free_pages();
	expect_bad_free(one, 0, "page->_refcount <= 0");
	expect_bad_free(eight, 3, "page->_refcount <= 0");
	assert_true(PageReserved(low));
	expect_bad_free(low, 0, "PageBuddy(page) || PageReserved(page) || PageTail(page)");
	set_page_count(low, 1);		/* the BUG came after the reference was dropped */
	assert_true(PageReserved(low));
	assert_int_equal(nr_free_pages(), free_before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(alloc_pages_boot_memory_lowest_first, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(alloc_pages_split_and_merge, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(free_pages_merge_likely_to_tail, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(free_pages_merges_only_with_free_buddy, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(alloc_pages_alignment_and_max_order, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(gfp_zone_per_profile, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(alloc_pages_zone_choice, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(alloc_pages_falls_back_highmem_to_normal, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(alloc_pages_respects_watermarks_and_lowmem_reserve, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(alloc_pages_steals_pageblock_for_unmovable, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(alloc_pages_fallback_claims_and_single_pages, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(free_pages_pcp_batching, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(free_pages_pcp_overflow_drains_own_list, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(free_pages_pcp_drain_doubles, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(alloc_pages_gfp_zero, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(get_free_pages_roundtrip, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(alloc_pages_compound, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(free_pages_refcount, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(free_pages_bad_frees_bug, setup_i386_1G, teardown),
		cmocka_unit_test_setup_teardown(alloc_pages_zone_choice_x86_64, setup_x86_64_128M, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
