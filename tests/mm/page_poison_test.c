// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/page_poison.c (page_poison=1): free pages hold PAGE_POISON
 * in every zone from the boot hand-over on, an allocation checks the
 * fill, and a write into a free page is reported (memory corruption or a
 * single bit error, the bytes shown) instead of silently absorbed.  Each
 * scenario boots i386 QEMU -m 1G (DMA, Normal, HighMem) through the real
 * boot sequence.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <asm/host.h>
#include "boot_fixture.h"

#define P	"[    0.000000] "

static char out[1 << 16];

static int group_setup(void **state)
{
	return boot_fixture_init(SZ_1G + SZ_1M);
}

static int setup_poisoned(void **state)
{
	host_console_quiet(true);
	boot_fixture_qemu(&mm_profile_i386, SZ_1G, "page_poison=1");
	host_console_quiet(false);
	return 0;
}

static int teardown(void **state)
{
	parse_early_param("page_poison=0");
	host_console_quiet(true);
	assert_int_equal(page_accounting_audit(), 0);
	host_console_quiet(false);
	return 0;
}

/* Does every byte of @page hold @c? */
static bool page_filled(struct page *page, u8 c)
{
	u8 *p = kmap_atomic(page);
	bool ok = !memchr_inv(p, c, PAGE_SIZE);

	kunmap_atomic(p);
	return ok;
}

/* Allocate order-0 pages of @gfp until @target comes back; free the others. */
static void alloc_until(struct page *target, gfp_t gfp)
{
	struct page *got[64];
	int n = 0, i;

	while (n < (int)ARRAY_SIZE(got)) {
		got[n] = alloc_pages(gfp, 0);
		assert_non_null(got[n]);
		if (got[n++] == target)
			break;
	}
	assert_ptr_equal(got[n - 1], target);
	for (i = 0; i < n - 1; i++)
		__free_pages(got[i], 0);
}

/* Expect page_poison= to take a yes/no word and to be off unless given. */
static void page_poison_param(void **state)
{
	assert_false(page_poisoning_enabled);
	parse_early_param("page_poison=1");
	assert_true(page_poisoning_enabled);
	parse_early_param("page_poison=off");
	assert_false(page_poisoning_enabled);
	host_console_capture(out, sizeof(out));
	parse_early_param("page_poison=maybe");
	host_console_capture(NULL, 0);
	assert_false(page_poisoning_enabled);
	assert_non_null(strstr(out, "Malformed early option 'page_poison'"));
}

/*
 * After a page_poison=1 boot: the first free block of every order in
 * DMA, Normal and HighMem holds PAGE_POISON (the boot hand-over poisoned
 * it), the per-cpu lists are off, and the page allocator's self-test runs
 * without a single poison report.
 */
static void boot_poisons_every_zone(void **state)
{
	enum zone_type zones[] = { ZONE_DMA, ZONE_NORMAL, ZONE_HIGHMEM };
	unsigned long errors = page_poison_errors;
	unsigned int i, o, checked = 0;

	for (i = 0; i < ARRAY_SIZE(zones); i++) {
		struct zone *z = node_zone(zones[i]);

		assert_int_equal(z->pcp.high, 0);
		for (o = 0; o < MAX_ORDER; o++) {
			struct list_head *l = &z->free_area[o].free_list[MIGRATE_MOVABLE];
			struct page *block;

			if (list_empty(l))
				continue;
			block = list_first_entry(l, struct page, lru);
			assert_true(page_filled(block, PAGE_POISON));
			assert_true(page_filled(block + (1UL << o) - 1, PAGE_POISON));
			checked++;
		}
	}
	assert_true(checked > 10);
	host_console_quiet(true);
	assert_int_equal(page_alloc_selftest(), 0);
	host_console_quiet(false);
	assert_int_equal(page_poison_errors, errors);
}

/*
 * Write after free, in lowmem and in highmem:
 *
 *   free page: aa aa aa ... aa 5a 5a 5a 5a aa ...   (4 bytes at 0x100)
 *
 * Expect "pagealloc: memory corruption", a dump starting at the first
 * changed byte, the page's pfn, one more error counted, and the page
 * still handed out (then zeroed by __GFP_ZERO).
 */
static void write_after_free_reported(void **state)
{
	gfp_t gfps[] = { GFP_KERNEL, GFP_HIGHUSER };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(gfps); i++) {
		unsigned long errors = page_poison_errors;
		struct page *page = alloc_pages(gfps[i], 0);
		char line[96];
		u8 *p;

		assert_non_null(page);
		assert_int_equal(!!PageHighMem(page), i);
		__free_pages(page, 0);
		p = kmap_atomic(page);
		memset(p + 0x100, 0x5a, 4);		/* the stray write */
		snprintf(line, sizeof(line), P "%016lx: 5a 5a 5a 5a  ", (unsigned long)(p + 0x100));
		kunmap_atomic(p);
		host_console_capture(out, sizeof(out));
		alloc_until(page, gfps[i] | __GFP_ZERO);
		host_console_capture(NULL, 0);
		assert_int_equal(page_poison_errors, errors + 1);
		assert_non_null(strstr(out, P "pagealloc: memory corruption\n"));
		assert_non_null(strstr(out, line));
		snprintf(line, sizeof(line), "pfn:%#lx\n", page_to_pfn(page));
		assert_non_null(strstr(out, line));
		assert_true(page_filled(page, 0));
		__free_pages(page, 0);
	}
}

/* One flipped bit in one byte: "pagealloc: single bit error". */
static void single_bit_error_reported(void **state)
{
	unsigned long errors = page_poison_errors;
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	u8 *p;

	__free_pages(page, 0);
	p = kmap_atomic(page);
	p[7] ^= 0x08;
	kunmap_atomic(p);
	host_console_capture(out, sizeof(out));
	alloc_until(page, GFP_KERNEL);
	host_console_capture(NULL, 0);
	assert_int_equal(page_poison_errors, errors + 1);
	assert_non_null(strstr(out, P "pagealloc: single bit error\n"));
	__free_pages(page, 0);
}

/* Without page_poison the per-cpu lists are on and freed pages keep their bytes. */
static void off_by_default(void **state)
{
	struct page *page;
	u8 *p;

	host_console_quiet(true);
	boot_fixture_qemu(&mm_profile_i386, SZ_1G, NULL);
	host_console_quiet(false);
	assert_true(node_zone(ZONE_NORMAL)->pcp.high > 0);
	page = alloc_pages(GFP_KERNEL, 0);
	p = kmap_atomic(page);
	memset(p, 0x11, PAGE_SIZE);
	kunmap_atomic(p);
	__free_pages(page, 0);
	assert_true(page_filled(page, 0x11));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(page_poison_param),
		cmocka_unit_test_setup_teardown(boot_poisons_every_zone, setup_poisoned, teardown),
		cmocka_unit_test_setup_teardown(write_after_free_reported, setup_poisoned, teardown),
		cmocka_unit_test_setup_teardown(single_bit_error_reported, setup_poisoned, teardown),
		cmocka_unit_test_setup_teardown(off_by_default, NULL, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
