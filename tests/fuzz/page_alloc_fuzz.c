// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the buddy allocator (mm/page_alloc.c): the input is
 * a sequence of operations on one simulated machine, booted once:
 *
 *   op 0-3  alloc_pages(gfp, order)  gfp from a table (DMA, KERNEL,
 *                                    HIGHUSER, MOVABLE, RECLAIMABLE,
 *                                    ZERO, COMP, MEMALLOC)
 *   op 4-5  __free_pages() of a live allocation (any order)
 *   op 6    split_page() + free one of the halves' pages
 *   op 7    drain_local_pages()
 *
 * Every allocated page gets a tag written through kmap_atomic(); a page
 * handed out twice would have its tag overwritten, which the free checks.
 * Invariants after each op: the block is aligned, in a zone the gfp
 * allows, not PageBuddy, refcount 1; at the end of the input everything is
 * freed and the free counts per zone and order must equal the boot values,
 * and the accounting audit must find nothing.
 *
 * The machine: i386 profile, 128 MiB, highmem=32M (DMA, Normal, HighMem).
 */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "../mm/boot_fixture.h"

#define MAX_LIVE	512

struct live {
	struct page *page;
	unsigned int order;
	unsigned long tag;
};

static struct live live[MAX_LIVE];
static unsigned int nr_live;
static unsigned long boot_free[MAX_NR_ZONES][MAX_ORDER];
static unsigned long tag_seq;

static const gfp_t gfps[] = {
	GFP_KERNEL, GFP_DMA, GFP_HIGHUSER, GFP_HIGHUSER_MOVABLE,
	GFP_KERNEL | __GFP_RECLAIMABLE, GFP_KERNEL | __GFP_ZERO,
	GFP_KERNEL | __GFP_COMP, GFP_KERNEL | __GFP_MEMALLOC, GFP_ATOMIC,
	GFP_KERNEL | __GFP_MOVABLE,
};

static void snapshot(unsigned long counts[MAX_NR_ZONES][MAX_ORDER])
{
	struct zone *zone;
	unsigned int o;

	drain_local_pages(NULL);
	for_each_zone(zone)
		for (o = 0; o < MAX_ORDER; o++)
			counts[zone_idx(zone)][o] = zone->free_area[o].nr_free;
}

/* QEMU -m 128M, i386, highmem=32M, through the real boot sequence. */
static void boot(void)
{
	if (boot_fixture_init(SZ_128M + SZ_1M))
		abort();
	host_console_quiet(true);
	boot_fixture_qemu(&mm_profile_i386, SZ_128M, "highmem=32M");
	snapshot(boot_free);
}

static void write_tag(struct page *page, unsigned long tag)
{
	unsigned long *p = kmap_atomic(page);

	p[0] = tag;
	kunmap_atomic(p);
}

static bool tag_ok(struct page *page, unsigned long tag)
{
	unsigned long *p = kmap_atomic(page);
	bool ok = p[0] == tag;

	kunmap_atomic(p);
	return ok;
}

static void do_alloc(gfp_t gfp, unsigned int order)
{
	struct page *page;
	unsigned long i;

	if (nr_live == MAX_LIVE)
		return;
	page = alloc_pages(gfp | __GFP_NOWARN, order);
	if (!page)
		return;
	if (page_to_pfn(page) & ((1UL << order) - 1) || PageBuddy(page) ||
	    page_count(page) != 1 || page_zonenum(page) > gfp_zone(gfp))
		abort();
	if (gfp & __GFP_ZERO) {
		unsigned long *p = kmap_atomic(page);

		if (memchr_inv(p, 0, PAGE_SIZE))
			abort();
		kunmap_atomic(p);
	}
	if ((gfp & __GFP_COMP) && order && compound_order(page) != order)
		abort();
	for (i = 0; i < (1UL << order); i++)
		write_tag(page + i, tag_seq + i);
	live[nr_live++] = (struct live){ page, order, tag_seq };
	tag_seq += 1UL << order;
}

static void do_free(unsigned int idx)
{
	struct live *l = &live[idx % nr_live];
	unsigned long i;

	for (i = 0; i < (1UL << l->order); i++)
		if (!tag_ok(l->page + i, l->tag + i))
			abort();
	__free_pages(l->page, l->order);
	*l = live[--nr_live];
}

/* Split a non-compound block and free every other page, keep the rest. */
static void do_split(unsigned int idx)
{
	struct live *l = &live[idx % nr_live];
	struct page *page = l->page;
	unsigned long tag = l->tag, i, n = 1UL << l->order;

	if (!l->order || PageHead(page))
		return;
	split_page(page, l->order);
	*l = live[--nr_live];
	for (i = 0; i < n; i++) {
		if (!tag_ok(page + i, tag + i))
			abort();
		if (i & 1 || nr_live == MAX_LIVE)
			__free_pages(page + i, 0);
		else
			live[nr_live++] = (struct live){ page + i, 0, tag + i };
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool booted;
	unsigned long now[MAX_NR_ZONES][MAX_ORDER];
	size_t i;

	if (!booted) {
		boot();
		booted = true;
	}
	for (i = 0; i + 1 < size; i += 2) {
		unsigned int op = data[i] & 7, arg = data[i + 1];

		switch (op) {
		case 0: case 1: case 2: case 3:
			/* orders skew small: 0..10 from the low nibble, folded */
			do_alloc(gfps[(arg >> 4) % ARRAY_SIZE(gfps)],
				 (arg & 0xf) % MAX_ORDER);
			break;
		case 4: case 5:
			if (nr_live)
				do_free(arg);
			break;
		case 6:
			if (nr_live)
				do_split(arg);
			break;
		case 7:
			drain_local_pages(NULL);
			break;
		}
	}
	while (nr_live)
		do_free(0);
	snapshot(now);
	if (memcmp(now, boot_free, sizeof(now)) || page_accounting_audit())
		abort();
	return 0;
}
