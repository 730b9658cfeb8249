// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/page_alloc_selftest.c: the in-kernel KTAP self-tests pass
 * on the machines the QEMU matrix boots (i386 with and without highmem,
 * x86_64), print valid KTAP, and leave the allocator as they found it.
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
#include <asm/pgtable.h>
#include <asm/pgtable_32_areas.h>
#include <asm/tlbflush.h>
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

static void run_selftest(void)
{
	unsigned long free_before = nr_free_pages();

	host_console_capture(out, sizeof(out));
	if (page_alloc_selftest())
		fail_msg("%s", out);
	host_console_capture(NULL, 0);
	drain_local_pages(NULL);
	assert_int_equal(nr_free_pages(), free_before);
	assert_null(strstr(out, "not ok"));
	assert_int_equal(page_accounting_audit(), 0);
}

/* i386 -m 1G (highmem): all seven run, KTAP header and plan first. */
static void page_alloc_selftest_i386_highmem(void **state)
{
	boot_fixture_qemu(&mm_profile_i386, SZ_1G, NULL);
	run_selftest();
	assert_ptr_equal(strstr(out, P "KTAP version 1\n" P "1..7\n" P "ok 1 - zonelist_order\n"),
			 out);
	assert_non_null(strstr(out, P "ok 5 - highmem_kmap\n"));
	assert_non_null(strstr(out, P "ok 6 - kernel_text_readonly\n"));
	/* 0x377fe lowmem pages: 221 whole 4 MiB blocks, one of them holding
	 * the text (1024 4 KiB PTEs), and 1022 pages after them */
	assert_non_null(strstr(out, P "# DirectMap4k:        8184 kB\n" P "# DirectMap4M:      901120 kB\n"));
	assert_non_null(strstr(out, P "ok 7 - free_counts_restored\n"));
	assert_non_null(strstr(out, P "# page_alloc: 7 tests, 0 failed\n"));
}

/*
 * kernel_text_readonly reads the live tables: a text page made writable
 * (its PTE in the 4 KiB table of the text's 4 MiB block) and a data page
 * made read-only are both counted.
 *
 *   PDE of _text -> PTEs:  [text RO][text RO]...[text RO][data RW]...
 *                            ^ RW now                   ^ RO now
 *
 * Expect "not ok 6" with 2 pages, then "ok 6" once both are restored.
 */
static void page_alloc_selftest_text_writable_fails(void **state)
{
	unsigned long text, data;
	u32 *pgd, *pt_text, *pt_data, *pte_text, *pte_data;

	boot_fixture_qemu(&mm_profile_i386, SZ_256M, NULL);
	text = I386_PAGE_OFFSET + __pa(_text);
	data = I386_PAGE_OFFSET + PFN_PHYS(PFN_UP(__pa(_etext)));	/* first page after text */
	pgd = __va(host_cr3);
	assert_false(pgd[text >> I386_PGDIR_SHIFT] & _PAGE_PSE);
	assert_false(pgd[data >> I386_PGDIR_SHIFT] & _PAGE_PSE);
	pt_text = __va((phys_addr_t)(pgd[text >> I386_PGDIR_SHIFT] & PAGE_MASK));
	pt_data = __va((phys_addr_t)(pgd[data >> I386_PGDIR_SHIFT] & PAGE_MASK));
	pte_text = &pt_text[(text >> PAGE_SHIFT) & (I386_PTRS_PER_PTE - 1)];
	pte_data = &pt_data[(data >> PAGE_SHIFT) & (I386_PTRS_PER_PTE - 1)];
	assert_false(*pte_text & _PAGE_RW);
	assert_true(*pte_data & _PAGE_RW);
	*pte_text |= _PAGE_RW;
	*pte_data &= ~_PAGE_RW;
	host_console_capture(out, sizeof(out));
	assert_int_equal(page_alloc_selftest(), 1);
	host_console_capture(NULL, 0);
	assert_non_null(strstr(out, "# 2 kernel image pages mapped wrongly"));
	assert_non_null(strstr(out, P "not ok 6 - kernel_text_readonly\n"));
	*pte_text &= ~_PAGE_RW;
	*pte_data |= _PAGE_RW;
	run_selftest();
	assert_non_null(strstr(out, P "ok 6 - kernel_text_readonly\n"));
}

/* i386 -m 16M: DMA only; highmem_kmap is skipped, not failed. */
static void page_alloc_selftest_i386_16M(void **state)
{
	boot_fixture_qemu(&mm_profile_i386, SZ_16M + 0x20000, NULL);
	run_selftest();
	assert_non_null(strstr(out, P "ok 5 - highmem_kmap # SKIP no highmem\n"));
	assert_non_null(strstr(out, P "ok 4 - drain_and_refill\n"));
}

/* x86_64 -m 1G: DMA and DMA32. */
static void page_alloc_selftest_x86_64(void **state)
{
	boot_fixture_qemu(&mm_profile_x86_64, SZ_1G, NULL);
	run_selftest();
	assert_non_null(strstr(out, P "ok 3 - every_order_every_zone\n"));
	assert_non_null(strstr(out, P "ok 6 - kernel_text_readonly # SKIP no i386 kernel page tables\n"));
}

/* Run twice in a row: the second run starts from what the first left. */
static void page_alloc_selftest_repeatable(void **state)
{
	boot_fixture_qemu(&mm_profile_i386, SZ_512M, "highmem=128M");
	run_selftest();
	run_selftest();
	parse_early_param("highmem=512M");	/* larger than RAM: ignored from now on */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(page_alloc_selftest_i386_highmem),
		cmocka_unit_test(page_alloc_selftest_text_writable_fails),
		cmocka_unit_test(page_alloc_selftest_i386_16M),
		cmocka_unit_test(page_alloc_selftest_x86_64),
		cmocka_unit_test(page_alloc_selftest_repeatable),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
