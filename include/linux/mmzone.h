/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Nodes, zones, free areas and the zone profile.
 *
 * One core serves two machine shapes chosen at run time by the arch code
 * (struct mm_profile): the i386 kernel's DMA / Normal / HighMem with one
 * flat mem_map, and x86_64's DMA / DMA32 / Normal / Device with the memmap
 * split into 128 MiB sections (Linux's SPARSEMEM), so holes get none.
 * Zone indices are Linux's; a zone the profile lacks is simply never
 * printed or populated.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/numa.h>
#include <linux/mm_types.h>
#include <asm/page.h>

/* Orders 0..MAX_ORDER-1 (Linux 6.1: 11 free lists, 4 MiB largest block). */
#define MAX_ORDER		11
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))
#define PAGE_ALLOC_COSTLY_ORDER	3

enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_MOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_PCPTYPES,		/* the number of types on the pcp lists */
	MIGRATE_HIGHATOMIC = MIGRATE_PCPTYPES,
	MIGRATE_TYPES
};

extern const char * const migratetype_names[MIGRATE_TYPES];

enum zone_type {
	ZONE_DMA,		/* below 16 MiB: ISA DMA */
	ZONE_DMA32,		/* below 4 GiB (x86_64 profile) */
	ZONE_NORMAL,		/* the rest of the direct map */
	ZONE_HIGHMEM,		/* above max_low_pfn (i386 profile) */
	ZONE_MOVABLE,		/* carved out by kernelcore=/movablecore= */
	ZONE_DEVICE,		/* x86_64 prints it; never populated here */
	MAX_NR_ZONES
};

extern const char * const zone_names[MAX_NR_ZONES];

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	WMARK_PROMO,
	NR_WMARK
};

enum zone_stat_item {
	NR_FREE_PAGES,		/* in the buddy free lists (not pcp) */
	NR_ZONE_PCP,		/* on the per-cpu lists */
	NR_ALLOC_PAGES,		/* handed out by the allocator, not yet freed */
	NR_VM_ZONE_STAT_ITEMS
};

struct free_area {
	struct list_head free_list[MIGRATE_TYPES];
	unsigned long nr_free;		/* blocks (not pages) of this order */
};

/* Order-0 per-cpu cache (one CPU): freed pages wait here in LIFO order. */
struct per_cpu_pages {
	int count;
	int high;			/* drain batch pages when count > high */
	int batch;			/* refill / drain chunk */
	short free_factor;		/* frees since an allocation scale the drain */
	struct list_head lists[MIGRATE_PCPTYPES];
};

struct pglist_data;

struct zone {
	unsigned long _watermark[NR_WMARK];
	unsigned long watermark_boost;
	long lowmem_reserve[MAX_NR_ZONES];
	struct pglist_data *zone_pgdat;
	u8 *pageblock_flags;		/* migratetype per pageblock */
	unsigned long zone_start_pfn;
	unsigned long managed_pages;	/* present - reserved: buddy's share */
	unsigned long spanned_pages;	/* end - start, holes included */
	unsigned long present_pages;	/* spanned - holes */
	const char *name;
	struct per_cpu_pages pcp;
	struct free_area free_area[MAX_ORDER];
	unsigned long vm_stat[NR_VM_ZONE_STAT_ITEMS];
};

struct zoneref {
	struct zone *zone;
	int zone_idx;
};

enum { ZONELIST_FALLBACK, MAX_ZONELISTS };

/* Zones to try, best first, NULL-terminated (HIGHMEM -> NORMAL -> DMA). */
struct zonelist {
	struct zoneref _zonerefs[MAX_NR_ZONES + 1];
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[MAX_ZONELISTS];
	int nr_zones;			/* highest populated zone index + 1 */
	struct page *node_mem_map;	/* flat profile: the first page */
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	int node_id;
} pg_data_t;

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid)		(&contig_page_data)
#define for_each_online_node(nid)	for ((nid) = 0; (nid) < 1; (nid)++)
#define for_each_online_pgdat(pgdat)	for ((pgdat) = NODE_DATA(0); (pgdat); (pgdat) = NULL)

/**
 * struct mm_profile - the machine shape the arch code chooses
 * @name: "i386" or "x86_64", for messages
 * @zone_mask: BIT(zone) for every zone this arch configures (and prints)
 * @section_shift: log2 pages per memmap section; 0 means one flat mem_map
 *                 (FLATMEM) from PFN 0, else SPARSEMEM sections of that size
 * @pageblock_order: log2 pages per pageblock (migratetype granule)
 * @max_physmem_bits: SPARSEMEM's MAX_PHYSMEM_BITS: sections exist only
 *                    below 1 << this (unused by the flat profile)
 * @max_lowmem_pfn: the direct map's PFN limit (i386: MAXMEM), ~0UL for none
 * @numa: the kernel is built with NUMA (prints "Policy zone: ...")
 */
struct mm_profile {
	const char *name;
	unsigned int zone_mask;
	unsigned int section_shift;
	unsigned int pageblock_order;
	unsigned int max_physmem_bits;
	unsigned long max_lowmem_pfn;
	bool numa;
};

extern const struct mm_profile *mm_profile;

static inline bool zone_configured(enum zone_type idx)
{
	return mm_profile->zone_mask & (1U << idx);
}

#define for_each_zone(zone)						\
	for ((zone) = NODE_DATA(0)->node_zones;				\
	     (zone) < NODE_DATA(0)->node_zones + MAX_NR_ZONES; (zone)++)

#define for_each_populated_zone(zone)					\
	for_each_zone(zone)						\
		if (!populated_zone(zone)) {} else

static inline int zone_idx(const struct zone *zone)
{
	return zone - zone->zone_pgdat->node_zones;
}

static inline int zone_to_nid(const struct zone *zone)
{
	return zone->zone_pgdat->node_id;
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline bool managed_zone(const struct zone *zone)
{
	return zone->managed_pages != 0;
}

static inline unsigned long zone_managed_pages(const struct zone *zone)
{
	return zone->managed_pages;
}

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline unsigned long zone_page_state(const struct zone *zone,
					    enum zone_stat_item item)
{
	return zone->vm_stat[item];
}

bool zone_movable_is_highmem(void);

static inline bool is_highmem_idx(enum zone_type idx)
{
	return idx == ZONE_HIGHMEM ||
	       (idx == ZONE_MOVABLE && zone_movable_is_highmem());
}

static inline bool is_highmem(const struct zone *zone)
{
	return is_highmem_idx(zone_idx(zone));
}

static inline unsigned long pgdat_end_pfn(const pg_data_t *pgdat)
{
	return pgdat->node_start_pfn + pgdat->node_spanned_pages;
}

#define min_wmark_pages(z)	((z)->_watermark[WMARK_MIN] + (z)->watermark_boost)
#define low_wmark_pages(z)	((z)->_watermark[WMARK_LOW] + (z)->watermark_boost)
#define high_wmark_pages(z)	((z)->_watermark[WMARK_HIGH] + (z)->watermark_boost)
#define wmark_pages(z, i)	((z)->_watermark[i] + (z)->watermark_boost)

/* The memmap, by section (one section holds everything in the flat profile). */
struct mem_section {
	struct page *section_mem_map;	/* biased: + pfn gives the page */
};

extern struct mem_section *mem_section;
extern unsigned long nr_mem_sections;
extern unsigned int pfn_section_shift;	/* mm_profile->section_shift or flat */
extern unsigned long max_mapnr;		/* PFNs below this may have a page */

#define PAGES_PER_SECTION	(1UL << pfn_section_shift)

static inline unsigned long pfn_to_section_nr(unsigned long pfn)
{
	return pfn >> pfn_section_shift;
}

/** pfn_valid() - does @pfn have a struct page? */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_mapnr && mem_section[pfn_to_section_nr(pfn)].section_mem_map;
}

#endif /* _LINUX_MMZONE_H */
