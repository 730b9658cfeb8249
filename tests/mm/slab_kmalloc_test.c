// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/slab_kmalloc.c beyond the size classes slab_test.c walks:
 * kmalloc_slab() at every class edge (and the dma-kmalloc twins),
 * kmalloc_large() on its own, ksize() of pointers kmalloc never returned,
 * krealloc() that fails or shrinks, and issue 5's proof that kmalloc
 * filling lowmem fails cleanly and frees back to the exact starting
 * counts.  One i386 QEMU -m 1G machine (DMA, Normal, HighMem), booted once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <asm/host.h>
#include "boot_fixture.h"
#include "../../mm/slab.h"

static char out[1 << 16];

static int group_setup(void **state)
{
	return boot_fixture_slab(SZ_1G, NULL);
}

/* Every slab cache's empty slabs back to the buddy, every pcp list drained. */
static void settle(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
	drain_local_pages(NULL);
}

/*
 * The edges of every class:
 *
 *   1 8 | 9 16 | 17 32 | 33 64 | 65 96 | 97 128 | 129 192 | 193 256 | ...
 *   4097 8192 | 8193: none (kmalloc_large's)          0: none
 *
 * Expect the cache whose object size is the class, its dma-kmalloc twin
 * for __GFP_DMA, and NULL for 0 and for anything above 8 KiB.
 */
static void kmalloc_slab_class_edges(void **state)
{
	static const struct { size_t size; unsigned int class; } t[] = {
		{ 1, 8 }, { 8, 8 }, { 9, 16 }, { 16, 16 }, { 17, 32 }, { 33, 64 },
		{ 64, 64 }, { 65, 96 }, { 96, 96 }, { 97, 128 }, { 128, 128 },
		{ 129, 192 }, { 192, 192 }, { 193, 256 }, { 256, 256 }, { 257, 512 },
		{ 1025, 2048 }, { 4096, 4096 }, { 4097, 8192 }, { 8192, 8192 },
	};
	char name[32];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t); i++) {
		struct kmem_cache *s = kmalloc_slab(t[i].size, GFP_KERNEL);
		struct kmem_cache *d = kmalloc_slab(t[i].size, GFP_KERNEL | __GFP_DMA);

		assert_non_null(s);
		assert_int_equal(s->object_size, t[i].class);
		assert_non_null(d);
		assert_int_equal(d->object_size, t[i].class);
		snprintf(name, sizeof(name), "dma-%s", s->name);
		assert_string_equal(d->name, name);
	}
	assert_null(kmalloc_slab(0, GFP_KERNEL));
	assert_null(kmalloc_slab(8193, GFP_KERNEL));
	assert_null(kmalloc_slab(SIZE_MAX, GFP_KERNEL | __GFP_DMA));
}

/*
 * kmalloc_large() on its own: whole pages, a compound block of
 * get_order(size), zone modifiers honoured except __GFP_HIGHMEM (the
 * block must have an address).  Expect 12 KiB from ZONE_DMA to be an
 * order-2 head page there, 5 pages with __GFP_HIGHMEM to come from
 * lowmem with Linux's "Unexpected gfp" warning, and too large a size to
 * be NULL with no page taken.
 */
static void kmalloc_large_zones_and_orders(void **state)
{
	unsigned long before;
	void *p, *q;

	settle();
	before = nr_free_pages();
	p = kmalloc_large(3 * PAGE_SIZE, GFP_KERNEL | __GFP_DMA);
	assert_non_null(p);
	assert_int_equal(page_zonenum(virt_to_page(p)), ZONE_DMA);
	assert_true(PageHead(virt_to_page(p)));
	assert_int_equal(compound_order(virt_to_page(p)), 2);
	assert_int_equal(ksize(p), 4 * PAGE_SIZE);
	host_console_capture(out, sizeof(out));
	q = kmalloc_large(5 * PAGE_SIZE, GFP_KERNEL | __GFP_HIGHMEM);
	host_console_capture(NULL, 0);
	assert_non_null(q);
	assert_non_null(strstr(out, "] Unexpected gfp: 0x2. Fixing up to gfp: 0xcc0. Fix your code!\n"));
	assert_false(PageHighMem(virt_to_page(q)));
	assert_int_equal(ksize(q), 8 * PAGE_SIZE);
	assert_null(kmalloc_large(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	kfree(p);
	kfree(q);
	drain_local_pages(NULL);
	assert_int_equal(nr_free_pages(), before);
}

/*
 * A slab request with __GFP_HIGHMEM or __GFP_DMA32 (GFP_SLAB_BUG_MASK):
 * the cache decides the zone, so the bits are dropped, with Linux's
 * warning when they reach the page allocator (a new slab), and nothing
 * said while the request is served from a slab the cache already has.
 *
 *   alloc #1 (HIGHMEM|DMA32)  -> new slab  -> "Unexpected gfp: 0x6. ..."
 *   alloc #2 (HIGHMEM)        -> same slab -> silent
 *
 * Expect the warning once, both objects in lowmem, no slab error.
 */
static void slab_request_bad_zone_fixed_up(void **state)
{
	struct kmem_cache *s = kmem_cache_create("gfp-fixup", 100, 0, 0, NULL);
	unsigned long errors = slab_errors;
	void *a, *b;

	host_console_capture(out, sizeof(out));
	a = kmem_cache_alloc(s, GFP_KERNEL | __GFP_HIGHMEM | __GFP_DMA32);
	assert_non_null(strstr(out, "] Unexpected gfp: 0x6. Fixing up to gfp: 0xcc0. Fix your code!\n"));
	out[0] = '\0';
	b = kmem_cache_alloc(s, GFP_KERNEL | __GFP_HIGHMEM);
	host_console_capture(NULL, 0);
	assert_null(strstr(out, "Unexpected gfp"));
	assert_non_null(a);
	assert_non_null(b);
	assert_ptr_equal(virt_to_slab(a), virt_to_slab(b));
	assert_false(PageHighMem(virt_to_page(a)));
	assert_int_equal(slab_errors, errors);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

/*
 * ksize() of pointers kmalloc did not return: inside an object, inside a
 * large block, a stack address.  Expect 0 for each (krealloc relies on it
 * to refuse to copy from them) and no error report.
 */
static void ksize_foreign_pointers(void **state)
{
	unsigned long errors = slab_errors;
	u8 *small = kmalloc(100, GFP_KERNEL), *large = kmalloc(20000, GFP_KERNEL);
	int local;

	assert_int_equal(ksize(small), 128);
	assert_int_equal(ksize(small + 1), 0);
	assert_int_equal(ksize(large), 8 * PAGE_SIZE);
	assert_int_equal(ksize(large + PAGE_SIZE), 0);
	assert_int_equal(ksize(&local), 0);
	assert_int_equal(slab_errors, errors);
	kfree(small);
	kfree(large);
}

/*
 * krealloc() that cannot grow: the old block stays valid with its
 * contents.  krealloc() of a large block to a smaller size keeps it in
 * place.  Expect NULL then the same bytes; the same pointer on shrink.
 */
static void krealloc_failure_keeps_block(void **state)
{
	u8 *p = kmalloc(300, GFP_KERNEL), *q;
	unsigned int i;

	for (i = 0; i < 300; i++)
		p[i] = i * 3;
	assert_null(krealloc(p, KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	for (i = 0; i < 300; i++)
		assert_int_equal(p[i], (u8)(i * 3));
	q = krealloc(p, 30000, GFP_KERNEL);		/* into the page allocator */
	assert_non_null(q);
	assert_ptr_equal(krealloc(q, 9000, GFP_KERNEL), q);
	for (i = 0; i < 300; i++)
		assert_int_equal(q[i], (u8)(i * 3));
	kfree(q);
}

/*
 * krealloc() of pointers kmalloc did not return: inside an object, a
 * stack address.  Nothing to copy, so a new empty block comes back, and
 * the bad pointer is reported by the kfree() that follows (Linux warns
 * there too); ZERO_SIZE_PTR is like NULL, no report.  Expect one report
 * each, the real object untouched and still allocated.
 */
static void krealloc_foreign_pointer_reported(void **state)
{
	unsigned long errors = slab_errors;
	u8 *a = kmalloc(128, GFP_KERNEL), *q;
	int local;

	memset(a, 0x5c, 128);
	host_console_capture(out, sizeof(out));
	q = krealloc(a + 8, 300, GFP_KERNEL);
	assert_non_null(q);
	assert_int_equal(slab_errors, errors + 1);
	assert_non_null(strstr(out, "Invalid object pointer"));
	kfree(q);
	q = krealloc(&local, 16, GFP_KERNEL);
	assert_int_equal(slab_errors, errors + 2);
	assert_non_null(strstr(out, "outside the memory map"));
	kfree(q);
	q = krealloc(ZERO_SIZE_PTR, 16, GFP_KERNEL);
	host_console_capture(NULL, 0);
	assert_int_equal(slab_errors, errors + 2);
	kfree(q);
	assert_null(memchr_inv(a, 0x5c, 128));
	assert_int_equal(ksize(a), 128);
	kfree(a);
	assert_int_equal(slab_errors, errors + 2);
}

/* A page-sized kmalloc chain: each block holds the next one's address. */
static void *fill(size_t size, gfp_t gfp, unsigned long *n)
{
	void *head = NULL, *p;

	*n = 0;
	while ((p = kmalloc(size, gfp))) {
		*(void **)p = head;
		head = p;
		(*n)++;
	}
	return head;
}

static void free_chain(void *head)
{
	while (head) {
		void *next = *(void **)head;

		kfree(head);
		head = next;
	}
}

/*
 * Issue 5: kmalloc until lowmem is gone, then everything back.
 *
 *   DMA | Normal (887 MiB) .............. | HighMem (untouched)
 *   <---- 4 KiB blocks, then 64 B ones, until kmalloc says NULL ---->
 *
 * Expect: NULL (no crash), the failure reported ("page allocation
 * failure"), Normal below its low watermark, HighMem untouched; after
 * kfree of every block and shrinking the caches, each zone's free pages
 * exactly as before and a clean audit.
 */
static void kmalloc_fills_lowmem_and_frees_back(void **state)
{
	unsigned long before[MAX_NR_ZONES], high_before, n4k, n64;
	void *big, *small;
	int z;

	settle();
	for (z = 0; z < MAX_NR_ZONES; z++)
		before[z] = zone_page_state(node_zone(z), NR_FREE_PAGES);
	high_before = before[ZONE_HIGHMEM];

	host_console_capture(out, sizeof(out));
	big = fill(PAGE_SIZE, GFP_KERNEL, &n4k);
	small = fill(64, GFP_KERNEL, &n64);
	host_console_capture(NULL, 0);
	assert_true(n4k > (800UL << 20) / PAGE_SIZE);
	assert_true(n64 > 0);
	assert_non_null(strstr(out, "page allocation failure: order:0"));
	assert_true(zone_page_state(node_zone(ZONE_NORMAL), NR_FREE_PAGES) <
		    low_wmark_pages(node_zone(ZONE_NORMAL)));
	assert_int_equal(zone_page_state(node_zone(ZONE_HIGHMEM), NR_FREE_PAGES), high_before);

	free_chain(small);
	free_chain(big);
	settle();
	for (z = 0; z < MAX_NR_ZONES; z++)
		assert_int_equal(zone_page_state(node_zone(z), NR_FREE_PAGES), before[z]);
	host_console_quiet(true);
	assert_int_equal(page_accounting_audit(), 0);
	host_console_quiet(false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kmalloc_slab_class_edges),
		cmocka_unit_test(kmalloc_large_zones_and_orders),
		cmocka_unit_test(slab_request_bad_zone_fixed_up),
		cmocka_unit_test(ksize_foreign_pointers),
		cmocka_unit_test(krealloc_failure_keeps_block),
		cmocka_unit_test(krealloc_foreign_pointer_reported),
		cmocka_unit_test(kmalloc_fills_lowmem_and_frees_back),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
