// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for arch/x86/mm/highmem_32.c: kmap()/kunmap() through the pkmap
 * window, kmap_atomic() through fixmap slots, the PTEs both write (read
 * back from the simulated page tables), and the highmem hand-over
 * (set_highmem_pages_init) on an i386 QEMU -m 1G machine.
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
#include <linux/highmem.h>
#include <asm/pgtable.h>
#include <asm/pgtable_32_areas.h>
#include <asm/sections.h>
#include <asm/tlbflush.h>
#include <asm/host.h>
#include "../../../mm/boot_fixture.h"
#include "../../../mm/expect_panic.h"

static char out[1 << 16];

/* QEMU -m 1G on i386 through the real boot; the log lands in out[]. */
static int setup(void **state)
{
	boot_fixture_qemu(&mm_profile_i386, SZ_1G, NULL);
	return 0;
}

static int group_setup(void **state)
{
	boot_fixture_log(out, sizeof(out));
	return boot_fixture_init(SZ_1G + SZ_1M);
}

/* The PTE for kernel virtual address @vaddr in the live page tables. */
static u32 pte_of(unsigned long vaddr)
{
	u32 *pgd = __va(host_cr3), pde = pgd[vaddr >> I386_PGDIR_SHIFT];
	u32 *pt = __va(pde & ~0xfffU);

	return pt[(vaddr >> 12) & 1023];
}

static struct page *highpage(void)
{
	struct page *page = alloc_pages(GFP_HIGHUSER, 0);

	assert_non_null(page);
	assert_true(PageHighMem(page));
	return page;
}

/*
 * kmap: a highmem page gets a pkmap slot; its PTE maps the page; nested
 * kmaps share the slot; the last kunmap clears the PTE and page_address.
 */
static void kmap_maps_and_unmaps_highmem(void **state)
{
	struct page *page = highpage();
	unsigned long flushes = host_tlb_flush_one_count;
	u32 pte;
	char *p;

	assert_null(page_address(page));
	p = kmap(page);
	assert_ptr_equal(page_address(page), p);
	assert_int_equal(kmap_pkmap_in_use(), 1);
	pte = pte_of(PKMAP_BASE);
	assert_int_equal(pte & ~0xfffU, PFN_PHYS(page_to_pfn(page)));
	assert_true(pte & _PAGE_PRESENT);
	assert_true(host_tlb_flush_one_count > flushes);
	assert_ptr_equal(kmap(page), p);			/* second user */
	strscpy(p, "highmem", PAGE_SIZE);
	kunmap(page);
	assert_int_equal(kmap_pkmap_in_use(), 1);
	kunmap(page);
	assert_int_equal(kmap_pkmap_in_use(), 0);
	assert_null(page_address(page));
	assert_int_equal(pte_of(PKMAP_BASE), 0);
	assert_string_equal((char *)kmap(page), "highmem");	/* same bytes, new slot */
	kunmap(page);
	__free_pages(page, 0);
}

/* A lowmem page needs no slot: kmap returns its direct-map address. */
static void kmap_lowmem_is_direct(void **state)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	assert_ptr_equal(kmap(page), page_address(page));
	assert_int_equal(kmap_pkmap_in_use(), 0);
	kunmap(page);
	assert_ptr_equal(kmap_atomic(page), page_address(page));
	kunmap_atomic(page_address(page));
	__free_pages(page, 0);
}

/*
 * kmap_atomic nests like a stack: slot 0, then slot 1 (one page lower in
 * the fixmap); each PTE maps its page; kunmap_atomic clears them in
 * reverse order.
 */
static void kmap_atomic_nests(void **state)
{
	struct page *a = highpage(), *b = highpage();
	unsigned long va0 = __fix_to_virt(FIX_KMAP_BEGIN), va1 = __fix_to_virt(FIX_KMAP_BEGIN + 1);
	u32 *pa = kmap_atomic(a), *pb = kmap_atomic(b);

	assert_int_equal(pte_of(va0) & ~0xfffU, PFN_PHYS(page_to_pfn(a)));
	assert_int_equal(pte_of(va1) & ~0xfffU, PFN_PHYS(page_to_pfn(b)));
	pa[0] = 0xaaaa;
	pb[0] = 0xbbbb;
	kunmap_atomic(pb);
	assert_int_equal(pte_of(va1), 0);
	kunmap_atomic(pa);
	assert_int_equal(pte_of(va0), 0);
	pa = kmap_atomic(a);
	assert_int_equal(pa[0], 0xaaaa);
	kunmap_atomic(pa);
	__free_pages(a, 0);
	__free_pages(b, 0);
}

/* Undoing kmap_atomic out of order is a bug: BUG() fires. */
static void kunmap_atomic_out_of_order_bugs(void **state)
{
	struct page *a = highpage(), *b = highpage();
	void *pa = kmap_atomic(a), *pb = kmap_atomic(b);

	host_console_quiet(true);
	expect_panic(kunmap_atomic(pa), NULL);
	host_console_quiet(false);
	kunmap_atomic(pb);
	kunmap_atomic(pa);
	__free_pages(a, 0);
	__free_pages(b, 0);
}

/*
 * All LAST_PKMAP slots in use: the next kmap warns and returns NULL
 * (Linux would sleep).  Freeing one slot makes kmap work again.
 */
static void kmap_slots_exhausted(void **state)
{
	static struct page *pages[LAST_PKMAP + 1];
	unsigned int i;

	for (i = 0; i <= LAST_PKMAP; i++)
		pages[i] = highpage();
	for (i = 0; i < LAST_PKMAP; i++)
		assert_non_null(kmap(pages[i]));
	host_console_capture(out, sizeof(out));
	assert_null(kmap(pages[LAST_PKMAP]));
	host_console_capture(NULL, 0);
	assert_non_null(strstr(out, "kmap: all 1024 pkmap slots in use"));
	kunmap(pages[5]);
	assert_non_null(kmap(pages[LAST_PKMAP]));
	kunmap(pages[LAST_PKMAP]);
	for (i = 0; i < LAST_PKMAP; i++)
		if (i != 5)
			kunmap(pages[i]);
	assert_int_equal(kmap_pkmap_in_use(), 0);
	for (i = 0; i <= LAST_PKMAP; i++)
		__free_pages(pages[i], 0);
}

/*
 * set_highmem_pages_init: every highmem page not reserved was freed, and
 * the log says which range, as Linux 6.1: "Initializing HighMem for node
 * 0 (000377fe:0003ffe0)".
 */
static void set_highmem_pages_init_frees_highmem(void **state)
{
	struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];

	assert_non_null(strstr(out, "Initializing HighMem for node 0 (000377fe:0003ffe0)\n"));
	assert_int_equal(zone_managed_pages(high), high->present_pages);
	assert_int_equal(totalhigh_pages(), high->present_pages);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(kmap_maps_and_unmaps_highmem, setup),
		cmocka_unit_test_setup(kmap_lowmem_is_direct, setup),
		cmocka_unit_test_setup(kmap_atomic_nests, setup),
		cmocka_unit_test_setup(kunmap_atomic_out_of_order_bugs, setup),
		cmocka_unit_test_setup(kmap_slots_exhausted, setup),
		cmocka_unit_test_setup(set_highmem_pages_init_frees_highmem, setup),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
