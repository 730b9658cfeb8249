// SPDX-License-Identifier: GPL-2.0
/*
 * Zones and the memmap: from memblock's picture of RAM to initialised
 * struct pages (Linux 6.1's free_area_init() half of mm/page_alloc.c,
 * which 6.4 moved to mm/mm_init.c).  Memory comes through the early
 * allocation API (linux/bootmem.h), so bootmem=bitmap works the same.
 *
 * free_area_init() computes every zone's PFN range from the arch's limits,
 * counts holes from memblock, allocates the memmap (one flat mem_map, or
 * one piece per 128 MiB section on the x86_64 profile), marks every page
 * Reserved and every pageblock that starts in RAM Movable, and prints
 * Linux's lines:
 * "Zone ranges:", "Early memory node ranges", "Initmem setup node",
 * "On node 0, zone X: N pages in unavailable ranges".
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/bootmem.h>
#include <linux/mm.h>
#include <linux/pageblock-flags.h>
#include <linux/cache.h>
#include <linux/sizes.h>
#include "internal.h"

struct pglist_data contig_page_data;
struct mem_section *mem_section;
unsigned long nr_mem_sections;
unsigned int pfn_section_shift = BITS_PER_LONG - 1;
unsigned long max_mapnr;
struct page *mem_map;
unsigned int pageblock_order = MAX_ORDER - 1;
unsigned long nr_kernel_pages, nr_all_pages;

const char * const zone_names[MAX_NR_ZONES] = {
	"DMA", "DMA32", "Normal", "HighMem", "Movable", "Device",
};

static unsigned long arch_zone_lowest_possible_pfn[MAX_NR_ZONES];
static unsigned long arch_zone_highest_possible_pfn[MAX_NR_ZONES];
static unsigned long zone_movable_pfn[MAX_NUMNODES];
static unsigned long required_kernelcore, required_movablecore;
static int movable_zone;

/* kernelcore=SIZE / movablecore=SIZE: the kernel's share, the rest Movable. */
static int __init cmdline_parse_core(char *p, unsigned long *core)
{
	unsigned long long size;

	if (!p)
		return -EINVAL;
	size = memparse(p, &p);
	*core = size >> PAGE_SHIFT;
	return 0;
}

static int __init cmdline_parse_kernelcore(char *p)
{
	/* kernelcore=mirror: the kernel gets mirrored memory, Movable the rest */
	if (p && parse_option_str(p, "mirror")) {
		mirrored_kernelcore = true;
		return 0;
	}
	return cmdline_parse_core(p, &required_kernelcore);
}
early_param("kernelcore", cmdline_parse_kernelcore);

static int __init cmdline_parse_movablecore(char *p)
{
	return cmdline_parse_core(p, &required_movablecore);
}
early_param("movablecore", cmdline_parse_movablecore);

/**
 * zone_movable_is_highmem() - does ZONE_MOVABLE sit in highmem?
 *
 * Return: true when Movable was carved from HighMem (i386 profile).
 */
bool zone_movable_is_highmem(void)
{
	return movable_zone == ZONE_HIGHMEM;
}

static void __init get_pfn_range_for_nid(int nid, unsigned long *start_pfn,
					 unsigned long *end_pfn)
{
	unsigned long this_start, this_end;
	int i;

	*start_pfn = -1UL;
	*end_pfn = 0;
	for_each_mem_pfn_range(i, nid, &this_start, &this_end, NULL) {
		*start_pfn = min(*start_pfn, this_start);
		*end_pfn = max(*end_pfn, this_end);
	}
	if (*start_pfn == -1UL)
		*start_pfn = 0;
}

/* Pages of [start, end) that memblock.memory does not cover. */
static unsigned long __init absent_pages_in_range(unsigned long start,
						  unsigned long end)
{
	unsigned long nr = end - start, s, e;
	int i;

	for_each_mem_pfn_range(i, MAX_NUMNODES, &s, &e, NULL) {
		s = clamp(s, start, end);
		e = clamp(e, start, end);
		nr -= e - s;
	}
	return nr;
}

/*
 * kernelcore=mirror: Movable starts at the lowest memory above 4 GiB that
 * is not mirrored (below 4 GiB it stays the kernel's, with Linux's warning).
 * Return: false when nothing is mirrored (the option is then ignored).
 */
static bool __init find_zone_movable_pfn_mirror(void)
{
	bool mem_below_4gb_not_mirrored = false;
	struct memblock_region *r;
	unsigned long start;

	if (!memblock_has_mirror()) {
		pr_warn("The system has no mirror memory, ignore kernelcore=mirror.\n");
		return false;
	}
	for_each_mem_region(r) {
		if (memblock_is_mirror(r))
			continue;
		start = memblock_region_memory_base_pfn(r);
		if (start < PHYS_PFN(SZ_4G)) {
			mem_below_4gb_not_mirrored = true;
			continue;
		}
		zone_movable_pfn[0] = zone_movable_pfn[0] ? min(start, zone_movable_pfn[0]) : start;
	}
	if (mem_below_4gb_not_mirrored)
		pr_warn("This configuration results in unmirrored kernel memory.\n");
	return true;
}

/*
 * ZONE_MOVABLE takes the top of the highest populated zone once
 * kernelcore pages (counted from the bottom of RAM) are satisfied;
 * movablecore=X is kernelcore = total - X.  Its start is rounded up to
 * MAX_ORDER_NR_PAGES as Linux does.  kernelcore=mirror wins over both.
 */
static void __init find_zone_movable_pfns_for_nodes(void)
{
	unsigned long total = 0, remaining, usable_start, s, e;
	int i;

	for (movable_zone = MAX_NR_ZONES - 1; movable_zone > 0; movable_zone--) {
		if (movable_zone == ZONE_MOVABLE || movable_zone == ZONE_DEVICE)
			continue;
		if (arch_zone_highest_possible_pfn[movable_zone] >
		    arch_zone_lowest_possible_pfn[movable_zone])
			break;
	}
	if (mirrored_kernelcore) {
		if (find_zone_movable_pfn_mirror())
			goto align;
		return;
	}
	if (!required_kernelcore && !required_movablecore)
		return;
	for_each_mem_pfn_range(i, MAX_NUMNODES, &s, &e, NULL)
		total += e - s;
	if (required_movablecore) {
		required_movablecore = min(required_movablecore, total);
		required_kernelcore = max(required_kernelcore,
					  total - required_movablecore);
	}
	if (required_kernelcore >= total)
		return;

	usable_start = arch_zone_lowest_possible_pfn[movable_zone];
	remaining = required_kernelcore;
	for_each_mem_pfn_range(i, MAX_NUMNODES, &s, &e, NULL) {
		if (s < usable_start) {
			unsigned long below = min(e, usable_start) - s;

			remaining -= min(below, remaining);
			s = usable_start;
			if (s >= e)
				continue;
		}
		if (e - s >= remaining) {
			zone_movable_pfn[0] = s + remaining;
			break;
		}
		remaining -= e - s;
	}
align:
	if (zone_movable_pfn[0])
		zone_movable_pfn[0] = round_up(zone_movable_pfn[0], MAX_ORDER_NR_PAGES);
	get_pfn_range_for_nid(0, &s, &e);
	if (zone_movable_pfn[0] >= e)
		zone_movable_pfn[0] = 0;
}

static unsigned long __init zone_spanned_pages_in_node(int zone_type,
		unsigned long node_start, unsigned long node_end,
		unsigned long *zone_start, unsigned long *zone_end)
{
	unsigned long low = arch_zone_lowest_possible_pfn[zone_type];
	unsigned long high = arch_zone_highest_possible_pfn[zone_type];

	*zone_start = clamp(node_start, low, high);
	*zone_end = clamp(node_end, low, high);
	if (zone_movable_pfn[0]) {
		if (zone_type == ZONE_MOVABLE) {
			*zone_start = zone_movable_pfn[0];
			*zone_end = min(node_end,
					arch_zone_highest_possible_pfn[movable_zone]);
		} else if (*zone_start < zone_movable_pfn[0] &&
			   *zone_end > zone_movable_pfn[0]) {
			*zone_end = zone_movable_pfn[0];
		} else if (*zone_start >= zone_movable_pfn[0]) {
			*zone_start = *zone_end;
		}
	}
	if (*zone_end <= *zone_start || *zone_end < node_start ||
	    *zone_start > node_end) {
		*zone_start = *zone_end = clamp(*zone_start, node_start, node_end);
		return 0;
	}
	return *zone_end - *zone_start;
}

static void __init calculate_node_totalpages(pg_data_t *pgdat,
					     unsigned long node_start,
					     unsigned long node_end)
{
	unsigned long totalpages = 0, realtotalpages = 0;
	int i;

	for (i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = pgdat->node_zones + i;
		unsigned long start, end, spanned, absent;

		spanned = zone_spanned_pages_in_node(i, node_start, node_end,
						     &start, &end);
		absent = spanned ? absent_pages_in_range(start, end) : 0;
		zone->zone_start_pfn = spanned ? start : 0;
		zone->spanned_pages = spanned;
		zone->present_pages = spanned - absent;
		totalpages += spanned;
		realtotalpages += spanned - absent;
	}
	pgdat->node_spanned_pages = totalpages;
	pgdat->node_present_pages = realtotalpages;
}

/**
 * calc_memmap_size() - pages of struct page a zone's memmap costs
 * @spanned: the zone's spanned pages
 * @present: its present pages
 *
 * Sparse memmaps skip big holes, so Linux charges by present pages when
 * the zone is more than 1/16 holes; otherwise by spanned pages.
 *
 * Return: pages, rounded up.
 */
unsigned long calc_memmap_size(unsigned long spanned, unsigned long present)
{
	unsigned long pages = spanned;

	if (mm_profile->section_shift && spanned > present + (present >> 4))
		pages = present;
	return PAGE_ALIGN((u64)pages * sizeof(struct page)) >> PAGE_SHIFT;
}

static void * __init memmap_alloc(unsigned long nr_pages)
{
	phys_addr_t size = (phys_addr_t)nr_pages * sizeof(struct page);
	void *map;

	map = memblock_virt_alloc_try_nid_raw(size, SMP_CACHE_BYTES, early_alloc_goal(),
					      MEMBLOCK_ALLOC_ACCESSIBLE, 0);
	if (!map)
		panic("Failed to allocate %llu bytes for the memmap",
		      (unsigned long long)size);
	return map;
}

/* SPARSEMEM's reach: the first PFN past MAX_PHYSMEM_BITS (none: ULONG_MAX). */
static unsigned long __init max_sparsemem_pfn(void)
{
	unsigned int bits = mm_profile->max_physmem_bits;

	if (bits <= PAGE_SHIFT || bits - PAGE_SHIFT >= BITS_PER_LONG)
		return ULONG_MAX;
	return 1UL << (bits - PAGE_SHIFT);
}

/*
 * Linux's memory_present() check (mm/sparse.c): memblock may hold RAM the
 * sparse model cannot describe (x86_64's e820 RAM above 64 TiB, which
 * max_pfn already leaves out).  Such a range gets no section and so no
 * memmap, and the first one found warns once.  Linux's text for it,
 * "mminit::pfnvalidation Start/End of range ... exceeds SPARSEMEM max",
 * only shows with mminit_loglevel=, which we do not have.
 */
static void __init mminit_validate_memmodel_limits(unsigned long *start_pfn,
						   unsigned long *end_pfn)
{
	unsigned long max_pfn_sparse = max_sparsemem_pfn();

	if (*start_pfn > max_pfn_sparse) {
		WARN_ON_ONCE(1);
		*start_pfn = max_pfn_sparse;
		*end_pfn = max_pfn_sparse;
	} else if (*end_pfn > max_pfn_sparse) {
		WARN_ON_ONCE(1);
		*end_pfn = max_pfn_sparse;
	}
}

/*
 * Flat profile (i386 FLATMEM): one mem_map from pfn 0 (x86's
 * ARCH_PFN_OFFSET) to the node end rounded up to MAX_ORDER_NR_PAGES, so
 * every buddy has a struct page and pfn_valid()'s "pfn < max_mapnr" only
 * holds for pfns the map covers, even when RAM starts high.  Sparse
 * profile: a memmap piece for each section with any memory in it; holes
 * of whole sections cost nothing, and neither does memory past
 * MAX_PHYSMEM_BITS.  The section array itself comes from memblock too.
 */
static void __init alloc_node_mem_map(pg_data_t *pgdat, unsigned long end_pfn)
{
	unsigned long s, e, nr, start_pfn;
	int i;

	if (!mm_profile->section_shift) {
		start_pfn = 0;
		end_pfn = ALIGN(end_pfn, MAX_ORDER_NR_PAGES);
		pfn_section_shift = BITS_PER_LONG - 1;
		nr_mem_sections = 1;
		/* the map first: the tiny section array then packs after it */
		mem_map = memmap_alloc(end_pfn - start_pfn);
		mem_section = memblock_virt_alloc_try_nid(sizeof(*mem_section), SMP_CACHE_BYTES,
							  early_alloc_goal(), 0, NUMA_NO_NODE);
		/* pages outside RAM but inside the map: plain zeroed pages */
		memset(mem_map, 0, (pgdat->node_start_pfn - start_pfn) * sizeof(struct page));
		memset(mem_map + (pgdat_end_pfn(pgdat) - start_pfn), 0,
		       (end_pfn - pgdat_end_pfn(pgdat)) * sizeof(struct page));
		mem_map -= start_pfn;
		mem_section[0].section_mem_map = mem_map;
		pgdat->node_mem_map = mem_map + pgdat->node_start_pfn;
		max_mapnr = end_pfn;
		return;
	}

	pfn_section_shift = mm_profile->section_shift;
	/* the array ends with the last section memory_present() will mark */
	end_pfn = 0;
	for_each_mem_pfn_range(i, MAX_NUMNODES, &s, &e, NULL)
		if (s < max_sparsemem_pfn())
			end_pfn = max(end_pfn, min(e, max_sparsemem_pfn()));
	nr_mem_sections = DIV_ROUND_UP(end_pfn, PAGES_PER_SECTION);
	mem_section = memblock_virt_alloc_try_nid(nr_mem_sections * sizeof(*mem_section),
						  SMP_CACHE_BYTES, early_alloc_goal(), 0,
						  NUMA_NO_NODE);
	max_mapnr = nr_mem_sections << pfn_section_shift;
	for_each_mem_pfn_range(i, MAX_NUMNODES, &s, &e, NULL) {
		s &= ~(PAGES_PER_SECTION - 1);
		mminit_validate_memmodel_limits(&s, &e);
		if (s >= e)
			continue;
		for (nr = pfn_to_section_nr(s); nr <= pfn_to_section_nr(e - 1); nr++) {
			if (mem_section[nr].section_mem_map)
				continue;
			mem_section[nr].section_mem_map =
				(struct page *)memmap_alloc(PAGES_PER_SECTION) -
				(nr << pfn_section_shift);
		}
	}
	mem_map = NULL;
	pgdat->node_mem_map = NULL;
}

static void __init zone_init_free_lists(struct zone *zone)
{
	unsigned int order, t;

	for (order = 0; order < MAX_ORDER; order++) {
		for (t = 0; t < MIGRATE_TYPES; t++)
			INIT_LIST_HEAD(&zone->free_area[order].free_list[t]);
		zone->free_area[order].nr_free = 0;
	}
	for (t = 0; t < MIGRATE_PCPTYPES; t++)
		INIT_LIST_HEAD(&zone->pcp.lists[t]);
	/* boot pageset: no caching until the watermarks exist */
	zone->pcp.count = 0;
	zone->pcp.free_factor = 0;
	zone->pcp.high = 0;
	zone->pcp.batch = 1;
}

static void __init free_area_init_core(pg_data_t *pgdat)
{
	enum zone_type j;

	for (j = 0; j < MAX_NR_ZONES; j++) {
		struct zone *zone = pgdat->node_zones + j;
		unsigned long size = zone->spanned_pages, freesize, memmap_pages;
		unsigned long blocks;

		freesize = zone->present_pages;
		/* a lowmem zone's estimate leaves out its memmap */
		memmap_pages = calc_memmap_size(size, freesize);
		if (!is_highmem_idx(j)) {
			if (freesize >= memmap_pages)
				freesize -= memmap_pages;
			else
				pr_warn("  %s zone: %lu memmap pages exceeds freesize %lu\n",
					zone_names[j], memmap_pages, freesize);
		}
		if (!is_highmem_idx(j))
			nr_kernel_pages += freesize;
		else if (nr_kernel_pages > memmap_pages * 2)
			nr_kernel_pages -= memmap_pages;	/* highmem's memmap is lowmem */
		nr_all_pages += freesize;

		zone->managed_pages = freesize;
		zone->name = zone_names[j];
		zone->zone_pgdat = pgdat;
		zone_init_free_lists(zone);
		if (!size)
			continue;
		blocks = (zone_end_pfn(zone) - pageblock_start_pfn(zone->zone_start_pfn) +
			  pageblock_nr_pages - 1) >> pageblock_order;
		zone->pageblock_flags = memblock_virt_alloc_try_nid(blocks, SMP_CACHE_BYTES,
								    early_alloc_goal(), 0,
								    NUMA_NO_NODE);
		if (j >= pgdat->nr_zones)
			pgdat->nr_zones = j + 1;
	}
}

/*
 * A page as memmap init leaves it: Reserved, one reference, no list, in
 * @zone and @pfn's section.  Built once per section and copied, so the
 * compiler can store whole struct pages at once (about memset speed).
 */
static inline struct page page_template(enum zone_type zone, unsigned long pfn)
{
	struct page tmpl = { .flags = 1UL << PG_reserved, ._refcount = 1 };

	set_page_links(&tmpl, zone, 0, pfn);
	return tmpl;
}

/*
 * Initialise [start_pfn, end_pfn) section by section.  With
 * @mark_pageblocks, every pageblock whose first PFN lies in the range
 * becomes Movable, as Linux's memmap_init_range() marks only aligned
 * PFNs: a pageblock that starts in a hole or in the zone below (DMA's
 * block 0 when RAM starts at PFN 1, HighMem's first block when
 * max_low_pfn is not aligned) keeps type 0, Unmovable.
 */
static void __init init_page_range(unsigned long start_pfn, unsigned long end_pfn,
				   enum zone_type zone, bool mark_pageblocks)
{
	struct zone *z = &NODE_DATA(0)->node_zones[zone];
	unsigned long pfn = start_pfn, next, b;

	while (pfn < end_pfn) {
		struct page tmpl = page_template(zone, pfn);
		struct page *page, *last;

		next = min(end_pfn, (pfn_to_section_nr(pfn) + 1) << pfn_section_shift);
		if (next <= pfn)	/* the flat profile's one section: no end */
			next = end_pfn;
		page = pfn_to_page(pfn);
		for (last = page + (next - pfn); page < last; page++)
			*page = tmpl;
		if (mark_pageblocks)
			for (b = ALIGN(pfn, pageblock_nr_pages); b < next; b += pageblock_nr_pages)
				z->pageblock_flags[pfn_to_bitidx(z, b)] = MIGRATE_MOVABLE;
		pfn = next;
	}
}

/* Pages of a zone's memory: Reserved, count 1, aligned pageblocks Movable. */
static void __init memmap_init_range(unsigned long start_pfn,
				     unsigned long end_pfn, enum zone_type zone)
{
	init_page_range(start_pfn, end_pfn, zone, true);
}

/*
 * Pages in holes still need a sane struct page (buddy merging looks at
 * them): Reserved, in the zone of the range that follows the hole, as
 * Linux does.  Holes of whole sections have no memmap and are skipped.
 */
static void __init init_unavailable_range(unsigned long spfn, unsigned long epfn,
					  enum zone_type zone, int node)
{
	unsigned long pfn, pgcnt = 0;

	/* nothing past the memmap is valid: stop there, not at RAM past 64 TiB */
	epfn = min(epfn, max_mapnr);
	for (pfn = spfn; pfn < epfn; pfn++) {
		if (!pfn_valid(pageblock_start_pfn(pfn))) {
			pfn = pageblock_end_pfn(pfn) - 1;
			continue;
		}
		init_page_range(pfn, pfn + 1, zone, false);
		pgcnt++;
	}
	if (pgcnt)
		pr_info("On node %d, zone %s: %lu pages in unavailable ranges\n",
			node, zone_names[zone], pgcnt);
}

static void __init memmap_init_zone_range(struct zone *zone, unsigned long start_pfn,
					  unsigned long end_pfn, unsigned long *hole_pfn)
{
	unsigned long zstart = zone->zone_start_pfn, zend = zone_end_pfn(zone);

	start_pfn = clamp(start_pfn, zstart, zend);
	end_pfn = clamp(end_pfn, zstart, zend);
	if (start_pfn >= end_pfn)
		return;
	memmap_init_range(start_pfn, end_pfn, zone_idx(zone));
	if (*hole_pfn < start_pfn)
		init_unavailable_range(*hole_pfn, start_pfn, zone_idx(zone), 0);
	*hole_pfn = end_pfn;
}

static void __init memmap_init(void)
{
	unsigned long start_pfn, end_pfn = 0, hole_pfn = 0;
	int i, j, zone_id = 0, nid;

	for_each_mem_pfn_range(i, MAX_NUMNODES, &start_pfn, &end_pfn, &nid) {
		for (j = 0; j < MAX_NR_ZONES; j++) {
			struct zone *zone = NODE_DATA(nid)->node_zones + j;

			if (!populated_zone(zone))
				continue;
			memmap_init_zone_range(zone, start_pfn, end_pfn, &hole_pfn);
			zone_id = j;
		}
	}
	/* sparse: the tail of the last section is a hole with a memmap */
	if (mm_profile->section_shift)
		end_pfn = round_up(end_pfn, PAGES_PER_SECTION);
	if (hole_pfn < end_pfn)
		init_unavailable_range(hole_pfn, end_pfn, zone_id, 0);
}

/**
 * free_area_init() - initialise every zone and the memmap
 * @max_zone_pfn: per zone, the PFN it ends at (0 for a zone the arch
 *                lacks); ZONE_MOVABLE's entry is ignored
 *
 * Call once memblock knows all memory and reservations (paging_init ->
 * zone_sizes_init).  Allocates the memmap from memblock and prints the
 * zone, node and hole lines.
 */
void __init free_area_init(unsigned long *max_zone_pfn)
{
	unsigned long start_pfn, end_pfn;
	pg_data_t *pgdat = NODE_DATA(0);
	int i, nid;

	BUILD_BUG_ON(sizeof(struct page) > (BITS_PER_LONG == 32 ? 32 : 48));
	memset(pgdat, 0, sizeof(*pgdat));
	memset(arch_zone_lowest_possible_pfn, 0, sizeof(arch_zone_lowest_possible_pfn));
	memset(arch_zone_highest_possible_pfn, 0, sizeof(arch_zone_highest_possible_pfn));
	memset(zone_movable_pfn, 0, sizeof(zone_movable_pfn));
	nr_kernel_pages = nr_all_pages = 0;
	pageblock_order = mm_profile->pageblock_order;

	start_pfn = PHYS_PFN(memblock_start_of_DRAM());
	for (i = 0; i < MAX_NR_ZONES; i++) {
		if (i == ZONE_MOVABLE)
			continue;
		end_pfn = max(zone_configured(i) ? max_zone_pfn[i] : 0, start_pfn);
		arch_zone_lowest_possible_pfn[i] = start_pfn;
		arch_zone_highest_possible_pfn[i] = end_pfn;
		start_pfn = end_pfn;
	}
	find_zone_movable_pfns_for_nodes();

	pr_info("Zone ranges:\n");
	for (i = 0; i < MAX_NR_ZONES; i++) {
		if (i == ZONE_MOVABLE || !zone_configured(i))
			continue;
		if (arch_zone_lowest_possible_pfn[i] == arch_zone_highest_possible_pfn[i])
			pr_info("  %-8s empty\n", zone_names[i]);
		else
			pr_info("  %-8s [mem %#018llx-%#018llx]\n", zone_names[i],
				(unsigned long long)PFN_PHYS(arch_zone_lowest_possible_pfn[i]),
				(unsigned long long)PFN_PHYS(arch_zone_highest_possible_pfn[i]) - 1);
	}
	pr_info("Movable zone start for each node\n");
	if (zone_movable_pfn[0])
		pr_info("  Node %d: %#018llx\n", 0, (unsigned long long)PFN_PHYS(zone_movable_pfn[0]));
	pr_info("Early memory node ranges\n");
	for_each_mem_pfn_range(i, MAX_NUMNODES, &start_pfn, &end_pfn, &nid)
		pr_info("  node %3d: [mem %#018llx-%#018llx]\n", nid,
			(unsigned long long)PFN_PHYS(start_pfn), (unsigned long long)PFN_PHYS(end_pfn) - 1);

	get_pfn_range_for_nid(0, &start_pfn, &end_pfn);
	pgdat->node_id = 0;
	pgdat->node_start_pfn = start_pfn;
	if (start_pfn != end_pfn)
		pr_info("Initmem setup node %d [mem %#018llx-%#018llx]\n", 0,
			(unsigned long long)PFN_PHYS(start_pfn),
			end_pfn ? (unsigned long long)PFN_PHYS(end_pfn) - 1 : 0);
	else
		pr_info("Initmem setup node %d as memoryless\n", 0);
	calculate_node_totalpages(pgdat, start_pfn, end_pfn);
	alloc_node_mem_map(pgdat, end_pfn);
	free_area_init_core(pgdat);
	memmap_init();
}

/**
 * get_pfnblock_migratetype() - the migratetype of @pfn's pageblock
 * @page: the page
 * @pfn: its PFN
 *
 * Return: an enum migratetype.
 */
int get_pfnblock_migratetype(const struct page *page, unsigned long pfn)
{
	const struct zone *zone = page_zone(page);

	return zone->pageblock_flags[pfn_to_bitidx(zone, pfn)];
}

/**
 * set_pageblock_migratetype() - set the migratetype of @page's pageblock
 * @page: any page in the pageblock
 * @migratetype: the new type
 */
void set_pageblock_migratetype(struct page *page, int migratetype)
{
	struct zone *zone = page_zone(page);

	zone->pageblock_flags[pfn_to_bitidx(zone, page_to_pfn(page))] = migratetype;
}
