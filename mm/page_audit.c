// SPDX-License-Identifier: GPL-2.0
/*
 * The accounting audit (boot switch mm_audit, always on in tests): walks
 * every PFN below max_pfn and puts it in exactly one state, then checks
 * the totals against the allocator's counters and the "Memory:" line.
 *
 *   hole       not in memblock.memory
 *   reserved   PG_reserved; memblock.reserved covers it, or it is the
 *              partial page at the edge of a memory range
 *   free       inside a PG_buddy block (each page counted once)
 *   pcp        on a per-cpu list
 *   allocated  anything else in a zone
 *
 * Checks: present = reserved + free + pcp + allocated per zone;
 * free = NR_FREE_PAGES = sum of nr_free << order; pcp = NR_ZONE_PCP;
 * allocated = NR_ALLOC_PAGES; managed = free + pcp + allocated; and
 * physpages - totalram = reserved, the Memory: line's "reserved".
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>

struct audit_counts {
	unsigned long hole, reserved, reserved_memblock, free, pcp, allocated;
};

static int audit_errors;

static __printf(1, 2) void audit_err(const char *fmt, ...)
{
	va_list args;
	char buf[160];

	if (audit_errors++ >= 20)
		return;
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_err("page audit: %s\n", buf);
}

/* Is @pfn inside memblock type @type? @idx walks forward (PFNs ascend). */
static bool in_type(struct memblock_type *type, unsigned long *idx, unsigned long pfn,
		    bool whole_page)
{
	phys_addr_t addr = PFN_PHYS(pfn);

	while (*idx < type->cnt &&
	       type->regions[*idx].base + type->regions[*idx].size <= addr)
		(*idx)++;
	if (*idx >= type->cnt)
		return false;
	if (whole_page)
		return type->regions[*idx].base <= addr &&
		       addr + PAGE_SIZE <= type->regions[*idx].base + type->regions[*idx].size;
	return type->regions[*idx].base < addr + PAGE_SIZE;
}

static void audit_zone(struct zone *zone, struct audit_counts *total)
{
	unsigned long pfn = zone->zone_start_pfn, end = zone_end_pfn(zone);
	unsigned long mem_idx = 0, res_idx = 0, list_free = 0;
	struct audit_counts c = { 0 };
	unsigned int order;

	while (pfn < end) {
		struct page *page;

		if (!pfn_valid(pfn) || !in_type(&memblock.memory, &mem_idx, pfn, true)) {
			c.hole++;
			pfn++;
			continue;
		}
		page = pfn_to_page(pfn);
		if (page_zone(page) != zone)
			audit_err("pfn %#lx: zone %s in page flags, %s by range", pfn,
				  page_zone(page)->name, zone->name);
		if (PageBuddy(page)) {
			unsigned long i, n = 1UL << page->private;

			if (page->private >= MAX_ORDER || pfn & (n - 1) || pfn + n > end)
				audit_err("pfn %#lx: bad free block of order %lu", pfn, page->private);
			for (i = 1; i < n && pfn + i < end; i++) {
				struct page *p = pfn_to_page(pfn + i);

				if (PageBuddy(p) || PageReserved(p) || PagePcp(p))
					audit_err("pfn %#lx: inside free block at %#lx but flags %#lx",
						  pfn + i, pfn, p->flags);
			}
			c.free += n;
			pfn += n;
			continue;
		}
		if (PageReserved(page)) {
			c.reserved++;
			if (in_type(&memblock.reserved, &res_idx, pfn, false))
				c.reserved_memblock++;
		} else if (PagePcp(page)) {
			c.pcp++;
		} else {
			c.allocated++;
		}
		pfn++;
	}

	for (order = 0; order < MAX_ORDER; order++)
		list_free += zone->free_area[order].nr_free << order;
	if (c.reserved + c.free + c.pcp + c.allocated != zone->present_pages)
		audit_err("zone %s: %lu reserved + %lu free + %lu pcp + %lu allocated != %lu present",
			  zone->name, c.reserved, c.free, c.pcp, c.allocated, zone->present_pages);
	if (c.free != zone_page_state(zone, NR_FREE_PAGES) || c.free != list_free)
		audit_err("zone %s: %lu free pages walked, %lu counted, %lu on lists",
			  zone->name, c.free, zone_page_state(zone, NR_FREE_PAGES), list_free);
	if (c.pcp != zone_page_state(zone, NR_ZONE_PCP) || c.pcp != (unsigned long)zone->pcp.count)
		audit_err("zone %s: %lu pcp pages walked, %lu counted", zone->name, c.pcp,
			  zone_page_state(zone, NR_ZONE_PCP));
	if (c.allocated != zone_page_state(zone, NR_ALLOC_PAGES))
		audit_err("zone %s: %lu allocated pages walked, %lu counted", zone->name,
			  c.allocated, zone_page_state(zone, NR_ALLOC_PAGES));
	if (c.free + c.pcp + c.allocated != zone_managed_pages(zone))
		audit_err("zone %s: free + pcp + allocated = %lu != %lu managed", zone->name,
			  c.free + c.pcp + c.allocated, zone_managed_pages(zone));
	total->hole += c.hole;
	total->reserved += c.reserved;
	total->reserved_memblock += c.reserved_memblock;
	total->free += c.free;
	total->pcp += c.pcp;
	total->allocated += c.allocated;
}

/**
 * page_accounting_audit() - check that every page is accounted once
 *
 * Prints a summary line and any mismatches (at most 20).
 *
 * Return: the number of mismatches found (0 when all adds up).
 */
int page_accounting_audit(void)
{
	pg_data_t *pgdat = NODE_DATA(0);
	struct audit_counts t = { 0 };
	unsigned long spanned = 0, physpages = pgdat->node_present_pages;
	struct zone *zone;

	audit_errors = 0;
	for_each_zone(zone) {
		if (!zone->spanned_pages)
			continue;
		audit_zone(zone, &t);
		spanned += zone->spanned_pages;
	}
	if (spanned != pgdat->node_spanned_pages || t.hole != spanned - physpages)
		audit_err("node: zones span %lu (node %lu), %lu holes walked, %lu expected",
			  spanned, pgdat->node_spanned_pages, t.hole, spanned - physpages);
	if (pgdat_end_pfn(pgdat) > max_pfn)
		audit_err("node ends at pfn %#lx, beyond max_pfn %#lx", pgdat_end_pfn(pgdat), max_pfn);
	/* below the node, above it up to max_pfn: holes too */
	t.hole += max_pfn - spanned;
	if (t.reserved + t.free + t.pcp + t.allocated != physpages)
		audit_err("node: %lu pages in states, %lu present",
			  t.reserved + t.free + t.pcp + t.allocated, physpages);
	if (physpages - totalram_pages() != t.reserved)
		audit_err("Memory: line reserves %lu pages, %lu walked",
			  physpages - totalram_pages(), t.reserved);
	if (nr_free_pages() != t.free + t.pcp)
		audit_err("nr_free_pages() %lu != %lu free + pcp walked", nr_free_pages(),
			  t.free + t.pcp);
	pr_info("page audit: %lu pfns: %lu hole, %lu reserved (%lu memblock, %lu edge/memmap-only), %lu free, %lu pcp, %lu allocated\n",
		max_pfn, t.hole, t.reserved, t.reserved_memblock,
		t.reserved - t.reserved_memblock, t.free, t.pcp, t.allocated);
	pr_info("page audit: %s (%d mismatches)\n", audit_errors ? "FAILED" : "ok", audit_errors);
	return audit_errors;
}
