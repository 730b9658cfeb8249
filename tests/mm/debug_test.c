// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/debug.c: dump_page()'s lines (the page, its reference
 * count and pfn, its flags by name, the reason) and VM_BUG_ON_PAGE(),
 * which dumps the page and stops only when its condition holds.  One
 * i386 QEMU -m 64M machine, booted once.
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
#include <asm/host.h>
#include "boot_fixture.h"
#include "expect_panic.h"

#define P	"[    0.000000] "

static char out[4096], want[512];

static int group_setup(void **state)
{
	int ret = boot_fixture_init(SZ_64M);

	if (!ret) {
		host_console_quiet(true);
		boot_fixture_qemu(&mm_profile_i386, SZ_64M, NULL);
		host_console_quiet(false);
	}
	return ret;
}

/*
 * A Reserved page below 1 MiB (pfn 0x10, one reference) and a free
 * buddy block's head.  Expect exactly Linux's three lines, the flags
 * named after the number.
 */
static void dump_page_lines(void **state)
{
	struct page *low = pfn_to_page(0x10), *block;

	host_console_capture(out, sizeof(out));
	dump_page(low, "test");
	host_console_capture(NULL, 0);
	snprintf(want, sizeof(want),
		 P "page:%016lx refcount:1 mapcount:0 mapping:00000000 index:0x0 pfn:0x10\n"
		 P "flags: %#lx reserved\n"
		 P "page dumped because: test\n", (unsigned long)low, low->flags);
	assert_string_equal(out, want);

	drain_local_pages(NULL);
	block = list_first_entry(&node_zone(ZONE_NORMAL)->free_area[MAX_ORDER - 1]
				 .free_list[MIGRATE_MOVABLE], struct page, lru);
	host_console_capture(out, sizeof(out));
	dump_page(block, NULL);
	host_console_capture(NULL, 0);
	assert_non_null(strstr(out, " buddy\n"));
	assert_non_null(strstr(out, " refcount:0 "));
	assert_null(strstr(out, "dumped because"));
}

/* Expect nothing from a false condition; the dump and a BUG from a true one. */
static void vm_bug_on_page(void **state)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	host_console_capture(out, sizeof(out));
	VM_BUG_ON_PAGE(page_count(page) != 1, page);
	host_console_capture(NULL, 0);
	assert_string_equal(out, "");
	host_console_capture(out, sizeof(out));
	expect_panic(VM_BUG_ON_PAGE(page_count(page) == 1, page), NULL);
	host_console_capture(NULL, 0);
	assert_non_null(strstr(expect_panic_msg, "kernel BUG at "));
	assert_non_null(strstr(out, P "page dumped because: VM_BUG_ON_PAGE(page_count(page) == 1)\n"));
	__free_pages(page, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dump_page_lines),
		cmocka_unit_test(vm_bug_on_page),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
