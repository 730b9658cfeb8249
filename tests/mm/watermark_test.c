// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/watermark.c: min_free_kbytes, the per-zone watermarks,
 * lowmem_reserve, the pcp sizes and the zonelist with its "Built 1
 * zonelists" line, each recomputed here from Linux 6.1's formulas and the
 * zones of a booted QEMU machine.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/pageblock-flags.h>
#include <linux/log2.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "boot_fixture.h"

#define P	"[    0.000000] "

static char out[1 << 18];

static int group_setup(void **state)
{
	boot_fixture_log(out, sizeof(out));
	return boot_fixture_init(SZ_2G);
}

static unsigned long isqrt(unsigned long long x)
{
	unsigned long r = 0;

	while ((unsigned long long)(r + 1) * (r + 1) <= x)
		r++;
	return r;
}

/*
 * i386 -m 1G: min_free_kbytes = sqrt(16 * lowmem KiB); DMA and Normal get
 * shares of it by managed pages; HighMem gets managed/1024 clamped to
 * [32, 128]; low/high step by max(min/4, managed/1000).
 */
static void setup_per_zone_wmarks_i386_1G(void **state)
{
	unsigned long dma = zone_managed_pages(node_zone(ZONE_DMA));
	unsigned long normal = zone_managed_pages(node_zone(ZONE_NORMAL));
	unsigned long high = zone_managed_pages(node_zone(ZONE_HIGHMEM));
	unsigned long pages_min, min, step;

	boot_fixture_qemu(&mm_profile_i386, SZ_1G, NULL);
	dma = zone_managed_pages(node_zone(ZONE_DMA));
	normal = zone_managed_pages(node_zone(ZONE_NORMAL));
	high = zone_managed_pages(node_zone(ZONE_HIGHMEM));
	assert_int_equal(min_free_kbytes, isqrt((unsigned long long)(dma + normal) * 4 * 16));
	pages_min = min_free_kbytes / 4;

	min = pages_min * normal / (dma + normal);
	step = max(min / 4, normal * 10 / 10000);
	assert_int_equal(min_wmark_pages(node_zone(ZONE_NORMAL)), min);
	assert_int_equal(low_wmark_pages(node_zone(ZONE_NORMAL)), min + step);
	assert_int_equal(high_wmark_pages(node_zone(ZONE_NORMAL)), min + 2 * step);
	assert_int_equal(min_wmark_pages(node_zone(ZONE_DMA)), pages_min * dma / (dma + normal));

	min = clamp(high / 1024, 32UL, 128UL);
	assert_int_equal(min_wmark_pages(node_zone(ZONE_HIGHMEM)), min);
	assert_int_equal(low_wmark_pages(node_zone(ZONE_HIGHMEM)),
			 min + max(pages_min * high / (dma + normal) / 4, high * 10 / 10000));
}

/*
 * lowmem_reserve[j] of zone i = managed pages of zones i+1..j / ratio[i]
 * (DMA 256, Normal 32, HighMem 0 = none).
 */
static void setup_per_zone_lowmem_reserve_i386_1G(void **state)
{
	unsigned long normal, high;

	boot_fixture_qemu(&mm_profile_i386, SZ_1G, NULL);
	normal = zone_managed_pages(node_zone(ZONE_NORMAL));
	high = zone_managed_pages(node_zone(ZONE_HIGHMEM));
	assert_int_equal(node_zone(ZONE_DMA)->lowmem_reserve[ZONE_DMA], 0);
	assert_int_equal(node_zone(ZONE_DMA)->lowmem_reserve[ZONE_NORMAL], normal / 256);
	assert_int_equal(node_zone(ZONE_DMA)->lowmem_reserve[ZONE_HIGHMEM], (normal + high) / 256);
	assert_int_equal(node_zone(ZONE_NORMAL)->lowmem_reserve[ZONE_HIGHMEM], high / 32);
	assert_int_equal(node_zone(ZONE_NORMAL)->lowmem_reserve[ZONE_MOVABLE], high / 32);
	assert_int_equal(node_zone(ZONE_HIGHMEM)->lowmem_reserve[ZONE_MOVABLE], 0);
}

/*
 * A tiny machine still gets the 128 KiB floor of min_free_kbytes: RAM
 * 1 MiB..1.25 MiB above the reserved first MiB, a 128 KiB kernel at 1 MiB.
 *
 *   0 ... 1M | kernel 128K | 128K free |
 *
 * Expect sqrt(managed lowmem KiB * 16) < 128, so min_free_kbytes = 128.
 */
static void calculate_min_free_kbytes_floor(void **state)
{
	struct boot_ram ram[] = { { 0x1000, 0x9f000 }, { SZ_1M, SZ_1M + SZ_256K } };

	host_console_quiet(true);
	boot_fixture_reset();
	mm_profile = &mm_profile_i386;
	boot_fixture_add_ram(ram, ARRAY_SIZE(ram));
	host_kernel_image_setup(SZ_1M, 64 << 10, 16 << 10, 16 << 10, 16 << 10, 16 << 10);
	boot_fixture_start_kernel(NULL);
	host_console_quiet(false);
	assert_int_equal(min_free_kbytes, 128);
}

/* min_free_kbytes= larger than the computed value is kept (with Linux's warning); smaller loses. */
static void min_free_kbytes_param(void **state)
{
	boot_fixture_qemu(&mm_profile_i386, SZ_256M, "min_free_kbytes=8192");
	assert_int_equal(min_free_kbytes, 8192);
	assert_non_null(strstr(out, "because user defined value 8192 is preferred"));
	boot_fixture_qemu(&mm_profile_i386, SZ_256M, "min_free_kbytes=16");
	assert_true(min_free_kbytes > 1000);
	assert_null(strstr(out, "min_free_kbytes is not updated"));
	parse_early_param("min_free_kbytes=0");
}

/*
 * Zonelist: highest populated zone first.  Expect HighMem, Normal, DMA on
 * i386 -m 1G and "Total pages" = present minus the lowmem memmap, as
 * Linux 6.1 computes it before mem_init (watermarks still 0).
 */
static void build_all_zonelists_order_and_total(void **state)
{
	struct zoneref *z = NODE_DATA(0)->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
	unsigned long total = 0;
	char line[128];
	int i;

	boot_fixture_qemu(&mm_profile_i386, SZ_1G, NULL);
	assert_int_equal(z[0].zone_idx, ZONE_HIGHMEM);
	assert_int_equal(z[1].zone_idx, ZONE_NORMAL);
	assert_int_equal(z[2].zone_idx, ZONE_DMA);
	assert_null(z[3].zone);
	for (i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zz = node_zone(i);

		total += zz->present_pages;
		if (i != ZONE_HIGHMEM && zz->present_pages)
			total -= calc_memmap_size(zz->spanned_pages, zz->present_pages);
	}
	snprintf(line, sizeof(line), P "Built 1 zonelists, mobility grouping on.  Total pages: %lu\n",
		 total);
	assert_non_null(strstr(out, line));
	assert_null(strstr(out, "Policy zone"));
}

/* x86_64 -m 1G: DMA32 then DMA; "Policy zone: DMA32" as Linux's NUMA kernel. */
static void build_all_zonelists_x86_64(void **state)
{
	struct zoneref *z = NODE_DATA(0)->node_zonelists[ZONELIST_FALLBACK]._zonerefs;

	boot_fixture_qemu(&mm_profile_x86_64, SZ_1G, NULL);
	assert_int_equal(z[0].zone_idx, ZONE_DMA32);
	assert_int_equal(z[1].zone_idx, ZONE_DMA);
	assert_null(z[2].zone);
	assert_non_null(strstr(out, P "Policy zone: DMA32\n"));
}

/*
 * pcp sizes (Linux 6.1 zone_batchsize/zone_highsize): batch from 1/4 of
 * 1/1024 of the zone rounded to 2^n - 1; high = max(low watermark,
 * 4 * batch).
 */
static void pcp_batch_and_high(void **state)
{
	struct zone *n;
	unsigned long b;

	boot_fixture_qemu(&mm_profile_i386, SZ_1G, NULL);
	n = node_zone(ZONE_NORMAL);
	b = min(zone_managed_pages(n) >> 10, 256UL) / 4;
	b = (1UL << ilog2(b + b / 2)) - 1;
	assert_int_equal(n->pcp.batch, b);
	assert_int_equal(n->pcp.high, max(low_wmark_pages(n), 4 * b));
	assert_int_equal(node_zone(ZONE_DMA)->pcp.batch, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(setup_per_zone_wmarks_i386_1G),
		cmocka_unit_test(setup_per_zone_lowmem_reserve_i386_1G),
		cmocka_unit_test(calculate_min_free_kbytes_floor),
		cmocka_unit_test(min_free_kbytes_param),
		cmocka_unit_test(build_all_zonelists_order_and_total),
		cmocka_unit_test(build_all_zonelists_x86_64),
		cmocka_unit_test(pcp_batch_and_high),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
