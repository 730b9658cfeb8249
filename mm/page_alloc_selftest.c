// SPDX-License-Identifier: GPL-2.0
/*
 * In-kernel self-tests of the page allocator, run after mem_init (boot
 * switch mm_selftest; the simulator and host tests call them directly).
 * Output is KTAP ("KTAP version 1", "1..N", "ok N - name") so the QEMU
 * tests and kunit-style parsers can read the serial log.
 *
 * Every test leaves the allocator as it found it; the last one checks
 * that, comparing free counts per zone and order with the boot values.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <asm/pgtable.h>

struct free_snapshot {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages[MAX_NR_ZONES];
};

static void take_snapshot(struct free_snapshot *s)
{
	struct zone *zone;
	unsigned int o;

	drain_local_pages(NULL);
	for_each_zone(zone) {
		for (o = 0; o < MAX_ORDER; o++)
			s->nr_free[zone_idx(zone)][o] = zone->free_area[o].nr_free;
		s->free_pages[zone_idx(zone)] = zone_page_state(zone, NR_FREE_PAGES);
	}
}

/* The gfp flags whose highest zone is @idx (allocations start there). */
static gfp_t zone_gfp(enum zone_type idx)
{
	switch (idx) {
	case ZONE_DMA:
		return GFP_KERNEL | __GFP_DMA;
	case ZONE_DMA32:
		return GFP_KERNEL | __GFP_DMA32;
	case ZONE_HIGHMEM:
		return GFP_HIGHUSER;
	case ZONE_MOVABLE:
		return GFP_HIGHUSER_MOVABLE;
	default:
		return GFP_KERNEL;
	}
}

static bool zone_has_block(struct zone *zone, unsigned int order)
{
	unsigned int o;

	for (o = order; o < MAX_ORDER; o++)
		if (zone->free_area[o].nr_free)
			return true;
	return false;
}

/* Write a PFN-derived pattern into every page of a block and read it back. */
static bool pattern_ok(struct page *page, unsigned int order)
{
	unsigned long i;
	bool ok = true;

	for (i = 0; i < (1UL << order); i++) {
		unsigned long *p = kmap_atomic(page + i);
		unsigned long v = page_to_pfn(page + i) * 2654435761UL;

		p[0] = v;
		p[PAGE_SIZE / sizeof(long) - 1] = ~v;
		kunmap_atomic(p);
	}
	for (i = 0; i < (1UL << order); i++) {
		unsigned long *p = kmap_atomic(page + i);
		unsigned long v = page_to_pfn(page + i) * 2654435761UL;

		ok &= p[0] == v && p[PAGE_SIZE / sizeof(long) - 1] == ~v;
		kunmap_atomic(p);
	}
	return ok;
}

/* Each order in each populated zone: allocate from that zone, use, free. */
static bool test_every_order_every_zone(void)
{
	struct zone *zone;
	unsigned int order;

	for_each_populated_zone(zone) {
		for (order = 0; order < MAX_ORDER; order++) {
			struct page *page;

			drain_local_pages(NULL);
			if (!zone_has_block(zone, order))
				continue;
			page = alloc_pages(zone_gfp(zone_idx(zone)) | __GFP_MEMALLOC |
					   __GFP_NOWARN, order);
			if (!page) {
				pr_err("# zone %s order %u: no page\n", zone->name, order);
				return false;
			}
			if (page_zone(page) != zone || page_to_pfn(page) & ((1UL << order) - 1) ||
			    !pattern_ok(page, order)) {
				pr_err("# zone %s order %u: pfn %#lx in zone %s, pattern %s\n",
				       zone->name, order, page_to_pfn(page), page_zone(page)->name,
				       pattern_ok(page, order) ? "ok" : "lost");
				__free_pages(page, order);
				return false;
			}
			__free_pages(page, order);
		}
	}
	return true;
}

/* Take every page of each zone at order 0, then give them all back. */
static bool test_drain_and_refill(void)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned long expect, got = 0;
		LIST_HEAD(taken);
		struct page *page, *tmp;

		drain_local_pages(NULL);
		expect = zone_page_state(zone, NR_FREE_PAGES);
		for (;;) {
			page = alloc_pages(zone_gfp(zone_idx(zone)) | __GFP_MEMALLOC |
					   __GFP_NOWARN, 0);
			if (!page)
				break;
			if (page_zone(page) != zone) {
				__free_pages(page, 0);
				break;
			}
			list_add(&page->lru, &taken);
			got++;
		}
		if (got != expect || zone_page_state(zone, NR_FREE_PAGES) != 0) {
			pr_err("# zone %s: drained %lu of %lu free pages\n",
			       zone->name, got, expect);
			got = 0;
		}
		list_for_each_entry_safe(page, tmp, &taken, lru) {
			list_del(&page->lru);
			__free_pages(page, 0);
		}
		drain_local_pages(NULL);
		if (!got || zone_page_state(zone, NR_FREE_PAGES) != expect)
			return false;
	}
	return true;
}

/* Highmem pages reached only through kmap/kmap_atomic; __GFP_ZERO too. */
static bool test_highmem_kmap(void)
{
	struct page *pages[8];
	unsigned int i, n;
	bool ok = true;

	for (n = 0; n < ARRAY_SIZE(pages); n++) {
		pages[n] = alloc_pages(GFP_HIGHUSER | __GFP_ZERO | __GFP_NOWARN, 0);
		if (!pages[n])
			break;
	}
	ok &= n == ARRAY_SIZE(pages) && PageHighMem(pages[0]);
	for (i = 0; i < n; i++) {
		u32 *p = kmap(pages[i]);

		ok &= p && p[7] == 0 && page_address(pages[i]) == p;
		if (p) {
			memset(p, 0xa5 + i, PAGE_SIZE);
			kunmap(pages[i]);
		}
		if (PageHighMem(pages[i]))
			ok &= page_address(pages[i]) == NULL;
	}
	for (i = 0; i < n; i++) {
		u8 *p = kmap_atomic(pages[i]);

		ok &= p[0] == (u8)(0xa5 + i) && p[PAGE_SIZE - 1] == (u8)(0xa5 + i);
		kunmap_atomic(p);
	}
	for (i = 0; i < n; i++)
		__free_pages(pages[i], 0);
	return ok && kmap_pkmap_in_use() == 0;
}

/* The zonelist runs from the highest populated zone down. */
static bool test_zonelist_order(void)
{
	struct zoneref *z = NODE_DATA(0)->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
	int last = MAX_NR_ZONES;

	for (; z->zone; z++) {
		if (z->zone_idx >= last || !populated_zone(z->zone))
			return false;
		last = z->zone_idx;
	}
	return last != MAX_NR_ZONES;
}

/* min <= low <= high, and lowmem_reserve grows towards higher zones. */
static bool test_watermarks(void)
{
	struct zone *zone;
	int j;

	for_each_populated_zone(zone) {
		if (min_wmark_pages(zone) > low_wmark_pages(zone) ||
		    low_wmark_pages(zone) > high_wmark_pages(zone) ||
		    high_wmark_pages(zone) > zone_managed_pages(zone))
			return false;
		for (j = zone_idx(zone) + 2; j < MAX_NR_ZONES; j++)
			if (zone->lowmem_reserve[j] < zone->lowmem_reserve[j - 1])
				return false;
	}
	return true;
}

/*
 * The live page tables map the kernel image with its text read-only.
 * Also says how lowmem is mapped, as /proc/meminfo would: 4 MiB pages
 * with PSE, 4 KiB ones for the blocks holding text or a partial end.
 */
static bool test_kernel_text_readonly(void)
{
	long bad = kernel_image_mapping_errors();

	pr_info("# DirectMap4k:    %8lu kB\n", direct_pages_count[PG_LEVEL_4K] << 2);
	pr_info("# DirectMap4M:    %8lu kB\n", direct_pages_count[PG_LEVEL_2M] << 12);
	if (bad)
		pr_err("# %ld kernel image pages mapped wrongly (text must be read-only, the rest writable)\n",
		       bad);
	return !bad;
}

static const struct free_snapshot *boot_snapshot;

static bool test_free_counts_restored(void)
{
	struct free_snapshot now;
	struct zone *zone;

	take_snapshot(&now);
	for_each_zone(zone) {
		int z = zone_idx(zone);

		if (now.free_pages[z] != boot_snapshot->free_pages[z] ||
		    memcmp(now.nr_free[z], boot_snapshot->nr_free[z], sizeof(now.nr_free[z]))) {
			pr_err("# zone %s: %lu free pages now, %lu at boot\n", zone->name,
			       now.free_pages[z], boot_snapshot->free_pages[z]);
			return false;
		}
	}
	return true;
}

/* Why a test cannot run on this machine, or NULL. */
static const char *no_highmem(void)
{
	return populated_zone(&NODE_DATA(0)->node_zones[ZONE_HIGHMEM]) ? NULL : "no highmem";
}

static const char *no_page_tables(void)
{
	return kernel_image_mapping_errors() < 0 ? "no i386 kernel page tables" : NULL;
}

static const struct {
	const char *name;
	bool (*fn)(void);
	const char *(*skip)(void);
} selftests[] = {
	{ "zonelist_order", test_zonelist_order },
	{ "watermarks", test_watermarks },
	{ "every_order_every_zone", test_every_order_every_zone },
	{ "drain_and_refill", test_drain_and_refill },
	{ "highmem_kmap", test_highmem_kmap, no_highmem },
	{ "kernel_text_readonly", test_kernel_text_readonly, no_page_tables },
	{ "free_counts_restored", test_free_counts_restored },
};

/**
 * page_alloc_selftest() - run the self-tests, report in KTAP
 *
 * Return: the number of failed tests.
 */
int page_alloc_selftest(void)
{
	struct free_snapshot boot;
	int failed = 0;
	unsigned int i;

	take_snapshot(&boot);
	boot_snapshot = &boot;
	pr_info("KTAP version 1\n");
	pr_info("1..%u\n", (unsigned int)ARRAY_SIZE(selftests));
	for (i = 0; i < ARRAY_SIZE(selftests); i++) {
		const char *why = selftests[i].skip ? selftests[i].skip() : NULL;
		bool ok;

		if (why) {
			pr_info("ok %u - %s # SKIP %s\n", i + 1, selftests[i].name, why);
			continue;
		}
		ok = selftests[i].fn();
		pr_info("%s %u - %s\n", ok ? "ok" : "not ok", i + 1, selftests[i].name);
		failed += !ok;
	}
	pr_info("# page_alloc: %u tests, %d failed\n", (unsigned int)ARRAY_SIZE(selftests), failed);
	boot_snapshot = NULL;
	return failed;
}
