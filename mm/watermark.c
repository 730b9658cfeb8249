// SPDX-License-Identifier: GPL-2.0
/*
 * Zone policy: the fallback zonelist, the watermarks, lowmem_reserve and
 * the per-cpu list sizes, computed as Linux 6.1 does (build_all_zonelists,
 * calculate_min_free_kbytes, __setup_per_zone_wmarks,
 * setup_per_zone_lowmem_reserve, zone_batchsize/zone_highsize).
 *
 * min_free_kbytes = sqrt(lowmem_kbytes * 16), clamped to [128, 262144];
 * each lowmem zone gets its share of it as WMARK_MIN, highmem/movable a
 * token 32..128 pages; low = min + max(min/4, managed/1000), high = low +
 * the same step.  lowmem_reserve[j] of zone i protects it from
 * allocations that could have used the zones above: the managed pages of
 * zones i+1..j divided by sysctl_lowmem_reserve_ratio[i].
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sizes.h>
#include <linux/log2.h>
#include <linux/mm.h>

int min_free_kbytes = 1024;
static int user_min_free_kbytes = -1;
int watermark_scale_factor = 10;
unsigned long vm_total_pages;
int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES] = {
	[ZONE_DMA] = 256, [ZONE_DMA32] = 256, [ZONE_NORMAL] = 32,
	[ZONE_HIGHMEM] = 0, [ZONE_MOVABLE] = 0,
};

#define SWAP_CLUSTER_MAX	32UL

static int __init cmdline_parse_min_free_kbytes(char *p)
{
	unsigned long long v;

	if (!p || kstrtoull(p, 0, &v) || v > INT_MAX)
		return -EINVAL;
	user_min_free_kbytes = v ? (int)v : -1;	/* 0: back to the computed value */
	return 0;
}
early_param("min_free_kbytes", cmdline_parse_min_free_kbytes);

static unsigned long int_sqrt(unsigned long long x)
{
	unsigned long long r = 0, bit = 1ULL << 62;

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

/* Managed pages above the high watermark in zones 0..@offset. */
static unsigned long nr_free_zone_pages(int offset)
{
	unsigned long sum = 0;
	struct zoneref *z;

	for (z = NODE_DATA(0)->node_zonelists[ZONELIST_FALLBACK]._zonerefs; z->zone; z++) {
		unsigned long size = zone_managed_pages(z->zone);
		unsigned long high = high_wmark_pages(z->zone);

		if (z->zone_idx <= offset && size > high)
			sum += size - high;
	}
	return sum;
}

/** nr_free_buffer_pages() - lowmem pages usable beyond the high watermarks. */
unsigned long nr_free_buffer_pages(void)
{
	return nr_free_zone_pages(gfp_zone(GFP_USER));
}

/** nr_free_pagecache_pages() - the same for all zones (GFP_HIGHUSER_MOVABLE). */
unsigned long nr_free_pagecache_pages(void)
{
	return nr_free_zone_pages(gfp_zone(GFP_HIGHUSER_MOVABLE));
}

/**
 * build_all_zonelists() - order the zones to fall back through
 * @pgdat: unused (one node); NULL at boot as in Linux
 *
 * Highest populated zone first, down to DMA.  Prints "Built 1 zonelists,
 * mobility grouping on.  Total pages: N" with N the pages above the high
 * watermarks (before mem_init: present minus the lowmem memmap).
 */
void build_all_zonelists(pg_data_t *pgdat)
{
	struct zoneref *zr = NODE_DATA(0)->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
	int zone_type = MAX_NR_ZONES, policy_zone = 0;

	do {
		struct zone *zone = NODE_DATA(0)->node_zones + --zone_type;

		if (!populated_zone(zone))
			continue;
		zr->zone = zone;
		zr->zone_idx = zone_type;
		zr++;
		if (zone_type <= ZONE_NORMAL && zone_type > policy_zone)
			policy_zone = zone_type;
	} while (zone_type);
	zr->zone = NULL;
	zr->zone_idx = 0;
	build_gfp_zone_table();

	vm_total_pages = nr_free_pagecache_pages();
	pr_info("Built %u zonelists, mobility grouping %s.  Total pages: %ld\n",
		1, "on", vm_total_pages);
	if (mm_profile->numa)
		pr_info("Policy zone: %s\n", zone_names[policy_zone]);
}

static void calculate_min_free_kbytes(void)
{
	unsigned long lowmem_kbytes = nr_free_buffer_pages() * (PAGE_SIZE >> 10);
	unsigned long new_min = int_sqrt((unsigned long long)lowmem_kbytes * 16);

	/* a larger computed value wins; a larger user value is kept */
	if (user_min_free_kbytes < 0 || new_min > (unsigned long)user_min_free_kbytes) {
		min_free_kbytes = clamp(new_min, 128UL, 262144UL);
	} else {
		min_free_kbytes = user_min_free_kbytes;
		pr_warn("min_free_kbytes is not updated to %lu because user defined value %d is preferred\n",
			new_min, user_min_free_kbytes);
	}
}

/**
 * setup_per_zone_wmarks() - min/low/high (and promo) for every zone
 *
 * From min_free_kbytes and each zone's managed pages; see the file header.
 */
void setup_per_zone_wmarks(void)
{
	unsigned long pages_min = min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	struct zone *zone;

	for_each_zone(zone)
		if (!is_highmem(zone) && zone_idx(zone) != ZONE_MOVABLE)
			lowmem_pages += zone_managed_pages(zone);

	for_each_zone(zone) {
		u64 tmp = (u64)pages_min * zone_managed_pages(zone);
		unsigned long managed = zone_managed_pages(zone);

		tmp = lowmem_pages ? tmp / lowmem_pages : 0;
		if (is_highmem(zone) || zone_idx(zone) == ZONE_MOVABLE)
			zone->_watermark[WMARK_MIN] =
				clamp(managed / 1024, SWAP_CLUSTER_MAX, 128UL);
		else
			zone->_watermark[WMARK_MIN] = tmp;
		tmp = max_t(u64, tmp >> 2, (u64)managed * watermark_scale_factor / 10000);
		zone->watermark_boost = 0;
		zone->_watermark[WMARK_LOW] = min_wmark_pages(zone) + tmp;
		zone->_watermark[WMARK_HIGH] = low_wmark_pages(zone) + tmp;
		zone->_watermark[WMARK_PROMO] = high_wmark_pages(zone) + tmp;
	}
}

static void setup_per_zone_lowmem_reserve(void)
{
	struct zone *zones = NODE_DATA(0)->node_zones;
	int i, j;

	for (i = 0; i < MAX_NR_ZONES - 1; i++) {
		int ratio = sysctl_lowmem_reserve_ratio[i];
		bool clear = !ratio || !zone_managed_pages(&zones[i]);
		unsigned long managed = 0;

		for (j = i + 1; j < MAX_NR_ZONES; j++) {
			managed += zone_managed_pages(&zones[j]);
			zones[i].lowmem_reserve[j] = clear ? 0 : managed / ratio;
		}
	}
}

/* Linux 6.1 zone_batchsize(): ~1/4 of 1/1024 of the zone, max 64ish. */
static int zone_batchsize(struct zone *zone)
{
	unsigned long batch = min(zone_managed_pages(zone) >> 10, (unsigned long)(SZ_1M / PAGE_SIZE));

	batch /= 4;
	if (batch < 1)
		batch = 1;
	return rounddown_pow_of_two(batch + batch / 2) - 1 ?: 1;
}

static void zone_set_pageset_high_and_batch(struct zone *zone)
{
	int batch = zone_batchsize(zone);
	int high = max_t(long, low_wmark_pages(zone), batch << 2);

	if (zone->pcp.count > high)
		drain_local_pages(zone);
	zone->pcp.batch = batch;
	/* page_poison=1: no per-cpu lists, every page passes the poison check */
	zone->pcp.high = page_poisoning_enabled ? 0 : high;
}

/**
 * init_per_zone_wmark_min() - compute min_free_kbytes and everything after
 *
 * Linux runs it as a core_initcall; bootmm's mm_core_init() calls it right
 * after memblock_free_all(), when managed_pages are final.  Also sizes the
 * per-cpu lists, which stay off (high 0) until then.
 */
void __init init_per_zone_wmark_min(void)
{
	struct zone *zone;

	calculate_min_free_kbytes();
	setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	for_each_populated_zone(zone)
		zone_set_pageset_high_and_batch(zone);
}
