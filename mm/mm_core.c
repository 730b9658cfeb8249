// SPDX-License-Identifier: GPL-2.0
/*
 * Handing boot memory to the buddy allocator and reporting it:
 * memblock_free_all() (lowmem; the arch frees highmem afterwards),
 * the "Memory:" line, and mm_core_init(), the call start_kernel makes
 * after build_all_zonelists() to go from memblock to a usable page
 * allocator.
 *
 * Boot switches: mm_selftest (KTAP self-tests), mm_audit (accounting
 * audit), mm_show=buddyinfo,pagetypeinfo,zoneinfo (dump the /proc files).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/sections.h>
#include <linux/pageblock-flags.h>
#include "internal.h"

unsigned long totalram_pages_count;
unsigned long totalhigh_pages_count;
bool mm_selftest_requested, mm_audit_requested;
static bool show_buddyinfo, show_pagetypeinfo, show_zoneinfo;

static int __init early_mm_selftest(char *p)
{
	mm_selftest_requested = true;
	return 0;
}
early_param("mm_selftest", early_mm_selftest);

static int __init early_mm_audit(char *p)
{
	mm_audit_requested = true;
	return 0;
}
early_param("mm_audit", early_mm_audit);

static int __init early_mm_show(char *p)
{
	if (!p)
		return -EINVAL;
	show_buddyinfo = parse_option_str(p, "buddyinfo");
	show_pagetypeinfo = parse_option_str(p, "pagetypeinfo");
	show_zoneinfo = parse_option_str(p, "zoneinfo");
	return 0;
}
early_param("mm_show", early_mm_show);

/**
 * __free_pages_memory() - free [start_pfn, end_pfn) in the largest blocks
 * @start_pfn: first PFN
 * @end_pfn: PFN after the last
 *
 * Each block is naturally aligned: its order is limited by the lowest set
 * bit of its start and by what is left of the range.
 */
void __init __free_pages_memory(unsigned long start_pfn, unsigned long end_pfn)
{
	while (start_pfn < end_pfn) {
		unsigned int order = start_pfn ? min(MAX_ORDER - 1UL, __ffs(start_pfn))
					       : MAX_ORDER - 1;

		while (start_pfn + (1UL << order) > end_pfn)
			order--;
		__free_pages_core(pfn_to_page(start_pfn), order);
		start_pfn += 1UL << order;
	}
}

/** reset_all_zones_managed_pages() - managed pages start from 0 at hand-over. */
void __init reset_all_zones_managed_pages(void)
{
	struct zone *zone;

	for_each_zone(zone)
		zone->managed_pages = 0;
	totalram_pages_count = 0;
	totalhigh_pages_count = 0;
}

/**
 * memblock_free_all() - release free lowmem to the buddy allocator
 *
 * Every range memblock has not reserved, below max_low_pfn, in the largest
 * naturally aligned blocks.  Highmem follows in the arch's mem_init.
 */
void __init memblock_free_all(void)
{
	phys_addr_t start, end;
	u64 i;

	reset_all_zones_managed_pages();
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		unsigned long spfn = PFN_UP(start);
		unsigned long epfn = min_t(unsigned long, PFN_DOWN(end), max_low_pfn);

		if (spfn < epfn)
			__free_pages_memory(spfn, epfn);
	}
}

static unsigned long get_num_physpages(void)
{
	return NODE_DATA(0)->node_present_pages;
}

#define K(x) ((x) << (PAGE_SHIFT - 10))

/**
 * mem_init_print_info() - the "Memory: avail/total available (...)" line
 *
 * reserved = physical - totalram, so available + reserved adds up when
 * nothing has been allocated yet.  Kernel section sizes come from
 * asm/sections.h, adjusted as Linux does when sections nest.
 */
void __init mem_init_print_info(void)
{
	unsigned long physpages = get_num_physpages();
	unsigned long codesize = _etext - _stext;
	unsigned long datasize = _edata - _sdata;
	unsigned long rosize = __end_rodata - __start_rodata;
	unsigned long bss_size = __bss_stop - __bss_start;
	unsigned long init_data_size = __init_end - __init_begin;
	unsigned long init_code_size = _einittext - _sinittext;

#define adj_init_size(start, end, size, pos, adj) \
	do { \
		if (&start[0] <= &pos[0] && &pos[0] < &end[0] && size > adj) \
			size -= adj; \
	} while (0)
	adj_init_size(__init_begin, __init_end, init_data_size, _sinittext, init_code_size);
	adj_init_size(_stext, _etext, codesize, _sinittext, init_code_size);
	adj_init_size(_sdata, _edata, datasize, __init_begin, init_data_size);
	adj_init_size(_stext, _etext, codesize, __start_rodata, rosize);
	adj_init_size(_sdata, _edata, datasize, __start_rodata, rosize);
#undef adj_init_size

	if (zone_configured(ZONE_HIGHMEM))
		pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK init, %luK bss, %luK reserved, %luK cma-reserved, %luK highmem)\n",
			K(nr_free_pages()), K(physpages), codesize >> 10, datasize >> 10,
			rosize >> 10, (init_data_size + init_code_size) >> 10, bss_size >> 10,
			K(physpages - totalram_pages()), 0UL, K(totalhigh_pages()));
	else
		pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK init, %luK bss, %luK reserved, %luK cma-reserved)\n",
			K(nr_free_pages()), K(physpages), codesize >> 10, datasize >> 10,
			rosize >> 10, (init_data_size + init_code_size) >> 10, bss_size >> 10,
			K(physpages - totalram_pages()), 0UL);
	pr_info("mem_map: struct page is %u bytes; %s memmap, pageblock order %u\n",
		(unsigned int)sizeof(struct page),
		mm_profile->section_shift ? "sparse (per-section)" : "flat", pageblock_order);
}

static void __init mm_show_requested(void)
{
	if (show_buddyinfo)
		buddyinfo_show(NULL, NULL);
	if (show_pagetypeinfo)
		pagetypeinfo_show(NULL, NULL);
	if (show_zoneinfo)
		zoneinfo_show(NULL, NULL);
}

/**
 * mm_core_init() - from memblock to a working page allocator
 *
 * Call from start_kernel() after setup_arch() (which ran paging_init() and
 * so free_area_init()) and build_all_zonelists(NULL), as Linux 6.1's
 * mm_init() follows them ("Built 1 zonelists" comes before "Kernel
 * command line:").  Ordering: watermarks and pcp sizes need the managed
 * pages mem_init() produces;
 * the audit reads memblock, so memblock_discard() comes last.
 */
void __init mm_core_init(void)
{
	mem_init();			/* arch: memblock_free_all(), then highmem */
	mem_init_print_info();		/* "Memory: ..." */
	init_per_zone_wmark_min();	/* min_free_kbytes, watermarks, pcp */
	if (mm_selftest_requested)
		page_alloc_selftest();
	if (mm_audit_requested)
		page_accounting_audit();
	mm_show_requested();
	memblock_discard();		/* grown memblock arrays go to the buddy */
}
