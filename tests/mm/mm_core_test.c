// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/mm_core.c: memblock_free_all() (largest naturally aligned
 * blocks, lowmem only), the "Memory:" line adding up, mm_core_init()'s
 * boot switches (mm_selftest, mm_audit) and memblock_discard() at its end.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
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

static void switches_off(void)
{
	mm_selftest_requested = false;
	mm_audit_requested = false;
}

/*
 * Free RAM from 1 MiB (pfn 0x100) on: the blocks follow the alignment of
 * their start.  Below 1 MiB everything is reserved, so nothing merges
 * down.  Expect order 8 at 0x100, 9 at 0x200, 10 at 0x400 and 0x800.
 *
 *   pfn 0x100 ---- 0x200 -------- 0x400 ---------------- 0x800 ...
 *       | order 8  |   order 9    |       order 10       | order 10
 */
static void memblock_free_all_largest_blocks(void **state)
{
	struct page *p;

	switches_off();
	boot_fixture_qemu(&mm_profile_i386, SZ_64M, NULL);
	drain_local_pages(NULL);
	p = pfn_to_page(0x100);
	assert_true(PageBuddy(p));
	assert_int_equal(p->private, 8);
	assert_true(PageBuddy(pfn_to_page(0x200)));
	assert_int_equal(pfn_to_page(0x200)->private, 9);
	assert_true(PageBuddy(pfn_to_page(0x400)));
	assert_int_equal(pfn_to_page(0x400)->private, 10);
	assert_true(PageReserved(pfn_to_page(0xff)));
	assert_false(PageBuddy(pfn_to_page(0x180)));	/* inside 0x100's block */
}

/*
 * The Memory: line: available + reserved = total, highmem = totalhigh,
 * section sizes from the kernel image (1 MiB text, 256 KiB rodata,
 * 128 KiB data, 256 KiB init, 128 KiB bss).
 */
static void mem_init_print_info_adds_up(void **state)
{
	unsigned long avail, total, code, rw, ro, init, bss, reserved, cma, high;
	const char *line;

	switches_off();
	boot_fixture_qemu(&mm_profile_i386, SZ_1G, NULL);
	line = strstr(out, "Memory: ");
	assert_non_null(line);
	assert_int_equal(sscanf(line, "Memory: %luK/%luK available (%luK kernel code, %luK rwdata, "
				"%luK rodata, %luK init, %luK bss, %luK reserved, %luK cma-reserved, "
				"%luK highmem)", &avail, &total, &code, &rw, &ro, &init, &bss,
				&reserved, &cma, &high), 10);
	assert_int_equal(avail + reserved, total);
	assert_int_equal(total, NODE_DATA(0)->node_present_pages * 4);
	assert_int_equal(high, totalhigh_pages() * 4);
	assert_int_equal(code, 1024);
	assert_int_equal(ro, 256);
	assert_int_equal(rw, 128);
	assert_int_equal(init, 256);
	assert_int_equal(bss, 128);
	assert_int_equal(cma, 0);
	assert_non_null(strstr(out, "mem_map: struct page is 48 bytes; flat memmap"));
}

/* x86_64: no highmem figure in the Memory: line. */
static void mem_init_print_info_x86_64(void **state)
{
	switches_off();
	boot_fixture_qemu(&mm_profile_x86_64, SZ_512M, NULL);
	assert_non_null(strstr(out, "K cma-reserved)\n"));
	assert_null(strstr(out, "highmem)"));
}

/* mm_selftest and mm_audit: KTAP results and the audit summary in the log. */
static void mm_core_init_switches(void **state)
{
	boot_fixture_qemu(&mm_profile_i386, SZ_256M, "mm_selftest mm_audit");
	switches_off();
	assert_non_null(strstr(out, P "KTAP version 1\n" P "1..7\n"));
	assert_non_null(strstr(out, P "ok 5 - highmem_kmap # SKIP no highmem\n"));
	assert_non_null(strstr(out, P "ok 6 - kernel_text_readonly\n"));
	assert_non_null(strstr(out, P "page audit: ok (0 mismatches)\n"));
	assert_null(strstr(out, "not ok"));
}

/*
 * memblock_discard: 300 reservations after setup_arch() (QEMU -m 64M)
 * make memblock double its reserved array, memblock-allocated.
 *
 *   32 MiB: | r | . | r | . | ... 300 single pages ... |
 *
 * Expect the doubled array's pages back in the buddy allocator once
 * mm_core_init() is done, and a clean audit.
 */
static void mm_core_init_discards_grown_memblock(void **state)
{
	unsigned long first, n, pfn;
	int i;

	switches_off();
	host_console_quiet(true);
	boot_fixture_reset();
	mm_profile = &mm_profile_i386;
	boot_fixture_qemu_map(SZ_64M);
	boot_fixture_kernel_image();
	boot_fixture_setup_arch(NULL);
	for (i = 0; i < 300; i++)
		memblock_reserve(SZ_32M + i * 2 * PAGE_SIZE, PAGE_SIZE);
	assert_true(memblock.reserved.max > INIT_MEMBLOCK_RESERVED_REGIONS);
	first = PFN_DOWN(__pa(memblock.reserved.regions));
	n = PFN_UP(memblock.reserved.max * sizeof(struct memblock_region));
	build_all_zonelists(NULL);
	mm_core_init();
	for (pfn = first; pfn < first + n; pfn++)
		assert_false(PageReserved(pfn_to_page(pfn)));
	assert_int_equal(page_accounting_audit(), 0);
	host_console_quiet(false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(memblock_free_all_largest_blocks),
		cmocka_unit_test(mem_init_print_info_adds_up),
		cmocka_unit_test(mem_init_print_info_x86_64),
		cmocka_unit_test(mm_core_init_switches),
		cmocka_unit_test(mm_core_init_discards_grown_memblock),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
