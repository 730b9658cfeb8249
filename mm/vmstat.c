// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/buddyinfo, /proc/pagetypeinfo and /proc/zoneinfo in Linux 6.1's
 * formats (mm/vmstat.c), for the boot switch mm_show= and the simulator.
 * Each line goes to a caller's function, or to printk when there is none.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/mm.h>
#include <linux/pageblock-flags.h>

struct show_buf {
	mm_show_fn out;
	void *data;
	char line[256];
	size_t len;
};

static __printf(2, 3) void show_printf(struct show_buf *s, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	if (s->len < sizeof(s->line))
		s->len += vscnprintf(s->line + s->len, sizeof(s->line) - s->len, fmt, args);
	va_end(args);
}

/* End the current line: hand it out without its "\n". */
static void show_eol(struct show_buf *s)
{
	if (s->out)
		s->out(s->data, s->line);
	else
		pr_info("%s\n", s->line);
	s->len = 0;
	s->line[0] = '\0';
}

static void show_init(struct show_buf *s, mm_show_fn out, void *data)
{
	s->out = out;
	s->data = data;
	s->len = 0;
	s->line[0] = '\0';
}

/**
 * buddyinfo_show() - /proc/buddyinfo: free blocks per order, per zone
 * @out: line sink, or NULL for printk
 * @data: passed to @out
 */
void buddyinfo_show(mm_show_fn out, void *data)
{
	struct show_buf s;
	struct zone *zone;
	unsigned int order;

	show_init(&s, out, data);
	for_each_populated_zone(zone) {
		show_printf(&s, "Node %d, zone %8s ", zone_to_nid(zone), zone->name);
		for (order = 0; order < MAX_ORDER; order++)
			show_printf(&s, "%6lu ", zone->free_area[order].nr_free);
		show_eol(&s);
	}
}

/* Linux stops counting a free list at this length and prints ">100000". */
#define FREECOUNT_CAP	100000UL

static unsigned long free_blocks(struct zone *zone, unsigned int order, int mt)
{
	struct list_head *pos;
	unsigned long n = 0;

	list_for_each(pos, &zone->free_area[order].free_list[mt])
		if (++n >= FREECOUNT_CAP)
			break;
	return n;
}

/**
 * pagetypeinfo_show() - /proc/pagetypeinfo: free blocks per migratetype
 * and order, then pageblocks per migratetype
 * @out: line sink, or NULL for printk
 * @data: passed to @out
 */
void pagetypeinfo_show(mm_show_fn out, void *data)
{
	struct show_buf s;
	struct zone *zone;
	unsigned int order;
	int mt;

	show_init(&s, out, data);
	show_printf(&s, "Page block order: %d", pageblock_order);
	show_eol(&s);
	show_printf(&s, "Pages per block:  %lu", pageblock_nr_pages);
	show_eol(&s);
	show_eol(&s);
	show_printf(&s, "%-43s ", "Free pages count per migrate type at order");
	for (order = 0; order < MAX_ORDER; order++)
		show_printf(&s, "%6d ", order);
	show_eol(&s);
	for_each_populated_zone(zone) {
		for (mt = 0; mt < MIGRATE_TYPES; mt++) {
			show_printf(&s, "Node %4d, zone %8s, type %12s ", zone_to_nid(zone),
				    zone->name, migratetype_names[mt]);
			for (order = 0; order < MAX_ORDER; order++) {
				unsigned long n = free_blocks(zone, order, mt);

				show_printf(&s, "%s%6lu ", n >= FREECOUNT_CAP ? ">" : "", n);
			}
			show_eol(&s);
		}
	}
	show_eol(&s);
	show_printf(&s, "%-23s", "Number of blocks type ");
	for (mt = 0; mt < MIGRATE_TYPES; mt++)
		show_printf(&s, "%12s ", migratetype_names[mt]);
	show_eol(&s);
	for_each_populated_zone(zone) {
		unsigned long count[MIGRATE_TYPES] = { 0 }, pfn;

		/* Linux samples one PFN per pageblock_nr_pages from the zone's
		 * start, aligned or not, and skips pages of another zone */
		for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone);
		     pfn += pageblock_nr_pages) {
			if (pfn_valid(pfn) && page_zone(pfn_to_page(pfn)) == zone)
				count[get_pfnblock_migratetype(pfn_to_page(pfn), pfn)]++;
		}
		show_printf(&s, "Node %d, zone %8s ", zone_to_nid(zone), zone->name);
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			show_printf(&s, "%12lu ", count[mt]);
		show_eol(&s);
	}
}

static const char * const zone_stat_names[NR_VM_ZONE_STAT_ITEMS] = {
	"nr_free_pages", "nr_zone_pcp", "nr_alloc_pages",
};

static void zoneinfo_show_zone(struct show_buf *s, struct zone *zone)
{
	const char *sep = "";
	int i;

	show_printf(s, "Node %d, zone %8s", zone_to_nid(zone), zone->name);
	show_eol(s);
	show_printf(s, "  pages free     %lu", zone_page_state(zone, NR_FREE_PAGES));
	show_eol(s);
	show_printf(s, "        boost    %lu", zone->watermark_boost);
	show_eol(s);
	show_printf(s, "        min      %lu", min_wmark_pages(zone));
	show_eol(s);
	show_printf(s, "        low      %lu", low_wmark_pages(zone));
	show_eol(s);
	show_printf(s, "        high     %lu", high_wmark_pages(zone));
	show_eol(s);
	show_printf(s, "        spanned  %lu", zone->spanned_pages);
	show_eol(s);
	show_printf(s, "        present  %lu", zone->present_pages);
	show_eol(s);
	show_printf(s, "        managed  %lu", zone_managed_pages(zone));
	show_eol(s);
	show_printf(s, "        cma      %lu", 0UL);
	show_eol(s);
	show_printf(s, "        protection: (");
	for (i = 0; i < MAX_NR_ZONES; i++)
		if (zone_configured(i)) {
			show_printf(s, "%s%ld", sep, zone->lowmem_reserve[i]);
			sep = ", ";
		}
	show_printf(s, ")");
	show_eol(s);
	if (!populated_zone(zone))
		return;
	for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++) {
		show_printf(s, "      %-12s %lu", zone_stat_names[i], zone_page_state(zone, i));
		show_eol(s);
	}
	show_printf(s, "  pagesets");
	show_eol(s);
	show_printf(s, "    cpu: %i", 0);
	show_eol(s);
	show_printf(s, "              count: %i", zone->pcp.count);
	show_eol(s);
	show_printf(s, "              high:  %i", zone->pcp.high);
	show_eol(s);
	show_printf(s, "              batch: %i", zone->pcp.batch);
	show_eol(s);
	show_printf(s, "  node_unreclaimable:  %u", 0);
	show_eol(s);
	show_printf(s, "  start_pfn:           %lu", zone->zone_start_pfn);
	show_eol(s);
}

/**
 * zoneinfo_show() - /proc/zoneinfo: watermarks, spanned/present/managed,
 * lowmem_reserve ("protection"), counters and pcp sizes of every zone the
 * profile has (unpopulated ones stop after "protection", as in Linux)
 * @out: line sink, or NULL for printk
 * @data: passed to @out
 */
void zoneinfo_show(mm_show_fn out, void *data)
{
	struct show_buf s;
	struct zone *zone;

	show_init(&s, out, data);
	for_each_zone(zone)
		if (zone_configured(zone_idx(zone)))
			zoneinfo_show_zone(&s, zone);
}
