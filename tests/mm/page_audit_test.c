// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/page_audit.c: a clean boot passes with every PFN in one
 * state and totals matching the Memory: line; each kind of corruption
 * (lost counter, a free page also reserved, an allocation not counted)
 * is reported.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/pageblock-flags.h>
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

struct summary {
	unsigned long pfns, hole, reserved, memblock, edge, free, pcp, allocated;
};

static int audit(struct summary *s)
{
	const char *line;
	int errors;

	host_console_capture(out, sizeof(out));
	errors = page_accounting_audit();
	host_console_capture(NULL, 0);
	/* the summary: the first "page audit: " followed by a number */
	for (line = strstr(out, "page audit: "); line && !isdigit(line[12]);
	     line = strstr(line + 1, "page audit: "))
		;
	assert_non_null(line);
	assert_int_equal(sscanf(line, "page audit: %lu pfns: %lu hole, %lu reserved (%lu memblock, "
				"%lu edge/memmap-only), %lu free, %lu pcp, %lu allocated",
				&s->pfns, &s->hole, &s->reserved, &s->memblock, &s->edge,
				&s->free, &s->pcp, &s->allocated), 8);
	return errors;
}

/* The "Memory: xK/yK available (... zK reserved ...)" figures of the boot log in out[]. */
static void memory_line(unsigned long *avail_k, unsigned long *total_k, unsigned long *reserved_k)
{
	const char *line = strstr(out, "Memory: ");
	const char *r;

	assert_non_null(line);
	assert_int_equal(sscanf(line, "Memory: %luK/%luK available", avail_k, total_k), 2);
	r = strstr(line, "K bss, ");
	assert_non_null(r);
	assert_int_equal(sscanf(r, "K bss, %luK reserved", reserved_k), 1);
}

/*
 * After boot on both profiles: hole + reserved + free = max_pfn, reserved
 * = present - totalram, nothing pcp or allocated; and the audit's page
 * counts are the "Memory:" line's: free = available, reserved = reserved,
 * free + reserved = the physical total.
 */
static void page_accounting_audit_clean_boot(void **state)
{
	const struct mm_profile *profiles[] = { &mm_profile_i386, &mm_profile_x86_64 };
	unsigned long avail_k, total_k, reserved_k;
	struct summary s;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(profiles); i++) {
		boot_fixture_qemu(profiles[i], SZ_1G, NULL);
		memory_line(&avail_k, &total_k, &reserved_k);
		assert_int_equal(audit(&s), 0);
		assert_int_equal(s.pfns, max_pfn);
		assert_int_equal(s.hole + s.reserved + s.free + s.pcp + s.allocated, max_pfn);
		assert_int_equal(s.reserved, NODE_DATA(0)->node_present_pages - totalram_pages());
		assert_int_equal(s.hole, max_pfn - NODE_DATA(0)->node_present_pages);
		assert_int_equal(s.free, nr_free_pages());
		assert_int_equal(s.allocated, 0);
		assert_int_equal(s.free * 4, avail_k);
		assert_int_equal(s.reserved * 4, reserved_k);
		assert_int_equal((s.free + s.reserved) * 4, total_k);
		assert_non_null(strstr(out, "page audit: ok (0 mismatches)"));
	}
}

/* Allocated and per-cpu pages are told apart and counted once. */
static void page_accounting_audit_counts_allocated_and_pcp(void **state)
{
	struct page *pages[10];
	struct summary s;
	unsigned int i;

	boot_fixture_qemu(&mm_profile_i386, SZ_256M, NULL);
	for (i = 0; i < 10; i++)
		pages[i] = alloc_pages(GFP_KERNEL, 0);
	for (i = 0; i < 5; i++)
		__free_pages(pages[i], 0);
	pages[0] = alloc_pages(GFP_KERNEL, 3);
	assert_int_equal(audit(&s), 0);
	assert_int_equal(s.allocated, 5 + 8);
	assert_int_equal(s.pcp, node_zone(ZONE_NORMAL)->pcp.count + node_zone(ZONE_DMA)->pcp.count);
	assert_true(s.pcp >= 5);
	__free_pages(pages[0], 3);
	for (i = 5; i < 10; i++)
		__free_pages(pages[i], 0);
	assert_int_equal(audit(&s), 0);
	assert_int_equal(s.allocated, 0);
}

/* A zone's free counter off by one: reported, and fine again when restored. */
static void page_accounting_audit_lost_free_count(void **state)
{
	struct summary s;

	boot_fixture_qemu(&mm_profile_i386, SZ_256M, NULL);
	node_zone(ZONE_NORMAL)->vm_stat[NR_FREE_PAGES]--;
	assert_true(audit(&s) > 0);
	assert_non_null(strstr(out, "page audit: zone Normal: "));
	assert_non_null(strstr(out, "page audit: FAILED"));
	node_zone(ZONE_NORMAL)->vm_stat[NR_FREE_PAGES]++;
	assert_int_equal(audit(&s), 0);
}

/* A page inside a free block also marked Reserved: two states at once. */
static void page_accounting_audit_free_and_reserved(void **state)
{
	struct page *head = pfn_to_page(0x400), *inside = head + 7;
	struct summary s;

	boot_fixture_qemu(&mm_profile_i386, SZ_256M, NULL);
	assert_true(PageBuddy(head));
	__SetPageReserved(inside);
	assert_true(audit(&s) > 0);
	assert_non_null(strstr(out, "page audit: pfn 0x407: inside free block at 0x400"));
	__ClearPageReserved(inside);
	assert_int_equal(audit(&s), 0);
}

/* An allocation the zone did not count: walked 1, counted 0. */
static void page_accounting_audit_uncounted_allocation(void **state)
{
	struct page *page;
	struct summary s;

	boot_fixture_qemu(&mm_profile_i386, SZ_256M, NULL);
	page = alloc_pages(GFP_KERNEL, 2);
	page_zone(page)->vm_stat[NR_ALLOC_PAGES] -= 4;
	assert_true(audit(&s) > 0);
	assert_non_null(strstr(out, "4 allocated pages walked, 0 counted"));
	page_zone(page)->vm_stat[NR_ALLOC_PAGES] += 4;
	__free_pages(page, 2);
	assert_int_equal(audit(&s), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(page_accounting_audit_clean_boot),
		cmocka_unit_test(page_accounting_audit_counts_allocated_and_pcp),
		cmocka_unit_test(page_accounting_audit_lost_free_count),
		cmocka_unit_test(page_accounting_audit_free_and_reserved),
		cmocka_unit_test(page_accounting_audit_uncounted_allocation),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
