// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the slab allocator's API (mm/slab.c, mm/slab_common.c): the
 * bootstrap, kmalloc size classes, large kmalloc, caches and their slab
 * lists, shrink/destroy, slabinfo, and the always-on cheap checks.
 * The machine is a small simulated one brought up through the real page
 * allocator.  It boots twice: with the defaults, then with every check
 * on (slub_debug=FZPU, init_on_alloc/free, page_poison), and the tests
 * that do not depend on the default layout run again there.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/sizes.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "boot_fixture.h"
#include "expect_panic.h"
#include "../../mm/slab.h"

static char out[16384];

static void capture(void)
{
	host_console_capture(out, sizeof(out));
}

static void release(void)
{
	host_console_capture(NULL, 0);
}

/* The defaults: only the cheap checks (and freelist obfuscation) on. */
static int group_setup(void **state)
{
	return boot_fixture_slab(SZ_64M, "");
}

/*
 * Everything on: every debug flag on every cache, init_on_alloc/free,
 * and page poisoning under the slabs.  The options stay set for the
 * process, so this group runs last and turns them off again.
 */
static const char all_checks[] =
	"slub_debug=FZPU init_on_alloc=1 init_on_free=1 page_poison=1";

static int group_setup_all_checks(void **state)
{
	return boot_fixture_slab(SZ_64M, all_checks);
}

static int group_teardown_all_checks(void **state)
{
	parse_early_param("slub_debug=- init_on_alloc=0 init_on_free=0 page_poison=0");
	return boot_fixture_group_teardown(state);
}

/* Expect the second group's boot to have every check on. */
static void all_checks_are_on(void **state)
{
	struct kmem_cache *s = kmalloc_caches[KMALLOC_NORMAL][6];

	assert_int_equal(s->flags & SLAB_DEBUG_FLAGS, SLAB_CONSISTENCY_CHECKS |
			 SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER);
	assert_true(slab_init_on_alloc);
	assert_true(slab_init_on_free);
}

/* Expect the cache of caches and 8 .. 8k with 96 and 192, each a real cache. */
static void kmem_cache_init_creates_kmalloc_caches(void **state)
{
	static const unsigned int sizes[] = { 0, 96, 192, 8, 16, 32, 64, 128,
					      256, 512, 1024, 2048, 4096, 8192 };
	unsigned int i;

	assert_non_null(kmem_cache);
	assert_string_equal(kmem_cache->name, "kmem_cache");
	/* bootstrap(): the cache of caches is itself one of its objects */
	assert_ptr_equal(virt_to_slab(kmem_cache)->slab_cache, kmem_cache);
	for (i = 1; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s = kmalloc_caches[KMALLOC_NORMAL][i];
		struct kmem_cache *d = kmalloc_caches[KMALLOC_DMA][i];

		assert_non_null(s);
		assert_int_equal(s->object_size, sizes[i]);
		assert_ptr_equal(virt_to_slab(s)->slab_cache, kmem_cache);
		assert_non_null(d);
		assert_int_equal(d->object_size, sizes[i]);
		assert_true(d->allocflags & __GFP_DMA);
	}
	assert_string_equal(kmalloc_caches[KMALLOC_NORMAL][1]->name, "kmalloc-96");
	assert_string_equal(kmalloc_caches[KMALLOC_NORMAL][10]->name, "kmalloc-1k");
	assert_string_equal(kmalloc_caches[KMALLOC_DMA][13]->name, "dma-kmalloc-8k");
}

/*
 * Size classes:  1..8 -> 8, 9..16 -> 16, 17..32 -> 32, 33..64 -> 64,
 * 65..96 -> 96, 97..128 -> 128, 129..192 -> 192, 193..256 -> 256, ...
 * Expect ksize() to be the class, power-of-two classes naturally aligned.
 */
static void kmalloc_size_classes(void **state)
{
	size_t n;

	for (n = 1; n <= 8192; n++) {
		size_t want = n <= 8 ? 8 : n <= 64 ? roundup_pow_of_two(n) :
			      n <= 96 ? 96 : n <= 128 ? 128 : n <= 192 ? 192 :
			      roundup_pow_of_two(n);
		void *p = kmalloc(n, GFP_KERNEL);

		assert_non_null(p);
		assert_int_equal(ksize(p), want);
		if (is_power_of_2(want))
			assert_true(IS_ALIGNED((unsigned long)p, want));
		else
			assert_true(IS_ALIGNED((unsigned long)p, ARCH_KMALLOC_MINALIGN));
		memset(p, 0x11, n);
		kfree(p);
	}
}

/* Expect kmalloc(0) to be ZERO_SIZE_PTR, and kfree of it or NULL a no-op. */
static void kmalloc_zero_size(void **state)
{
	unsigned long errors = slab_errors;

	assert_ptr_equal(kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	assert_int_equal(ksize(ZERO_SIZE_PTR), 0);
	assert_int_equal(slab_errors, errors);
}

/*
 * 8k is the biggest cache; 8k + 1 takes an order-2 block (16 KiB) from
 * the page allocator.  Expect 4 pages to leave and come back.
 */
static void kmalloc_large_uses_page_allocator(void **state)
{
	unsigned long before = nr_free_pages();
	void *p = kmalloc(8193, GFP_KERNEL);

	assert_non_null(p);
	assert_true(IS_ALIGNED((unsigned long)p, PAGE_SIZE));
	assert_null(virt_to_slab(p));
	assert_int_equal(ksize(p), 16384);
	assert_int_equal(nr_free_pages(), before - 4);
	memset(p, 0xab, 16384);
	kfree(p);
	assert_int_equal(nr_free_pages(), before);

	p = kzalloc(3 * PAGE_SIZE * 4, GFP_KERNEL);	/* order 4, zeroed */
	assert_non_null(p);
	assert_null(memchr_inv(p, 0, 3 * PAGE_SIZE * 4));
	kfree(p);
	assert_int_equal(nr_free_pages(), before);
}

/* Expect NULL, not a wrapped small block, for every size that overflows. */
static void kmalloc_array_overflow(void **state)
{
	assert_null(kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	assert_null(kmalloc_array(SIZE_MAX / 2 + 1, 2, GFP_KERNEL));
	assert_null(kmalloc_array(SIZE_MAX, SIZE_MAX, GFP_KERNEL));
	assert_null(kcalloc((size_t)1 << (sizeof(size_t) * 8 - 4), 16, GFP_KERNEL));
	/* 4 GiB in a 64-bit size_t: not overflow, just too big */
	assert_null(kmalloc_array((size_t)1 << 16, (size_t)1 << 16, GFP_KERNEL));
}

/* Expect kzalloc/kcalloc/__GFP_ZERO to clear a block that was dirty before. */
static void kzalloc_clears_reused_object(void **state)
{
	u8 *p = kmalloc(200, GFP_KERNEL), *q;

	memset(p, 0xee, 200);
	kfree(p);
	q = kzalloc(200, GFP_KERNEL);
	assert_ptr_equal(p, q);		/* LIFO: the same object comes back */
	assert_null(memchr_inv(q, 0, 256));
	kfree(q);
	q = kcalloc(25, 8, GFP_KERNEL);
	assert_null(memchr_inv(q, 0, 200));
	kfree(q);
}

/* Expect grow to copy, shrink to keep the block, 0 to free, NULL to allocate. */
static void krealloc_grow_shrink(void **state)
{
	u8 *p = krealloc(NULL, 40, GFP_KERNEL), *q;
	unsigned int i;

	assert_int_equal(ksize(p), 64);
	for (i = 0; i < 40; i++)
		p[i] = i;
	q = krealloc(p, 60, GFP_KERNEL);
	assert_ptr_equal(q, p);
	q = krealloc(p, 5000, GFP_KERNEL);
	assert_ptr_not_equal(q, p);
	for (i = 0; i < 40; i++)
		assert_int_equal(q[i], i);
	p = krealloc(q, 20000, GFP_KERNEL);	/* into the page allocator */
	for (i = 0; i < 40; i++)
		assert_int_equal(p[i], i);
	assert_ptr_equal(krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);
}

/* Expect bad arguments to give NULL with a message, and SLAB_PANIC to panic. */
static void kmem_cache_create_rejects_bad_args(void **state)
{
	capture();
	assert_null(kmem_cache_create(NULL, 8, 0, 0, NULL));
	assert_null(kmem_cache_create("zero", 0, 0, 0, NULL));
	assert_null(kmem_cache_create("align3", 8, 3, 0, NULL));
	assert_null(kmem_cache_create("huge", KMALLOC_MAX_SIZE + 1, 0, 0, NULL));
	assert_non_null(strstr(out, "kmem_cache_create(zero) integrity check failed"));
	expect_panic(kmem_cache_create("align3", 8, 3, SLAB_PANIC, NULL),
		     "kmem_cache_create: Failed to create slab 'align3'. Error -22");
	release();
}

static unsigned int ctor_calls;
static void count_ctor(void *obj)
{
	ctor_calls++;
	memset(obj, 0x42, 24);
}

/* Expect the constructor once per object when its slab is made, not per alloc. */
static void kmem_cache_ctor_runs_per_slab(void **state)
{
	struct kmem_cache *s = kmem_cache_create("ctor24", 24, 0, 0, count_ctor);
	u8 *a, *b;

	ctor_calls = 0;
	a = kmem_cache_alloc(s, GFP_KERNEL);
	assert_int_equal(ctor_calls, s->objects);
	assert_int_equal(a[0], 0x42);
	assert_int_equal(a[23], 0x42);
	kmem_cache_free(s, a);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	assert_int_equal(ctor_calls, s->objects);
	assert_int_equal(b[23], 0x42);	/* free pointer kept outside the object */
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

/*
 * Cache flags:  SLAB_CACHE_DMA -> slabs below 16 MiB; SLAB_RECLAIM_ACCOUNT
 * -> __GFP_RECLAIMABLE slab pages; SLAB_HWCACHE_ALIGN -> 40-byte objects
 * on 64-byte lines; an explicit align of 256 honoured.
 * Expect each in the objects handed out, and kmem_cache_size() unchanged.
 */
static void kmem_cache_flags_honoured(void **state)
{
	struct kmem_cache *dma = kmem_cache_create("dma40", 40, 0, SLAB_CACHE_DMA, NULL);
	struct kmem_cache *rec = kmem_cache_create("rec40", 40, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	struct kmem_cache *hw = kmem_cache_create("hw40", 40, 0, SLAB_HWCACHE_ALIGN, NULL);
	struct kmem_cache *al = kmem_cache_create("al40", 40, 256, 0, NULL);
	void *d = kmem_cache_alloc(dma, GFP_KERNEL), *h1, *h2, *a;

	assert_true(__pa(d) < (16 << 20));
	assert_true(rec->allocflags & __GFP_RECLAIMABLE);
	assert_false(dma->allocflags & __GFP_RECLAIMABLE);
	h1 = kmem_cache_alloc(hw, GFP_KERNEL);
	h2 = kmem_cache_alloc(hw, GFP_KERNEL);
	assert_true(IS_ALIGNED((unsigned long)h1, L1_CACHE_BYTES));
	assert_true(IS_ALIGNED((unsigned long)h2, L1_CACHE_BYTES));
	a = kmem_cache_alloc(al, GFP_KERNEL);
	assert_true(IS_ALIGNED((unsigned long)a, 256));
	assert_int_equal(kmem_cache_size(hw), 40);
	kmem_cache_free(dma, d);
	kmem_cache_free(hw, h1);
	kmem_cache_free(hw, h2);
	kmem_cache_free(al, a);
	kmem_cache_destroy(dma);
	kmem_cache_destroy(rec);
	kmem_cache_destroy(hw);
	kmem_cache_destroy(al);
}

/*
 * 256-byte objects, 16 per order-0 slab:
 *   alloc 40 -> slabs [16 used][16 used][8 used]  (2 full + active)
 *   free the first 16 -> that slab empty, kept (min_partial = 5)
 *   free one of the next 16 -> full -> partial
 * Expect slabinfo to follow, shrink to free the empty slab, and the
 * page allocator to get every page back after the last free + shrink.
 */
static void kmem_cache_slab_lists(void **state)
{
	unsigned long before = nr_free_pages();
	struct kmem_cache *s = kmem_cache_create("lists256", 256, 0, 0, NULL);
	struct slabinfo si;
	void *obj[40];
	unsigned int i;

	assert_int_equal(s->objects, 16);
	assert_int_equal(s->order, 0);
	for (i = 0; i < 40; i++)
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
	get_slabinfo(s, &si);
	assert_int_equal(si.active_objs, 40);
	assert_int_equal(si.num_objs, 48);
	assert_int_equal(si.num_slabs, 3);
	assert_int_equal(s->node.nr_full, 2);
	for (i = 0; i < 16; i++)
		kmem_cache_free(s, obj[i]);
	assert_int_equal(s->node.nr_empty, 1);
	kmem_cache_free(s, obj[16]);
	assert_int_equal(s->node.nr_partial, 1);
	get_slabinfo(s, &si);
	assert_int_equal(si.active_objs, 23);
	assert_int_equal(si.active_slabs, 2);
	assert_int_equal(si.num_slabs, 3);
	kmem_cache_shrink(s);
	get_slabinfo(s, &si);
	assert_int_equal(si.num_slabs, 2);
	for (i = 17; i < 40; i++)
		kmem_cache_free(s, obj[i]);
	kmem_cache_shrink(s);
	get_slabinfo(s, &si);
	assert_int_equal(si.num_slabs, 0);
	kmem_cache_destroy(s);
	assert_int_equal(nr_free_pages(), before);
}

/*
 * min_partial empty slabs are kept; Expect the next one that empties to
 * go straight back to the page allocator.
 */
static void empty_slabs_limited_by_min_partial(void **state)
{
	struct kmem_cache *s = kmem_cache_create("limit4k", 4096, 0, 0, NULL);
	unsigned int n = s->objects * (s->min_partial + 3), i;
	void **obj = kmalloc_array(n, sizeof(void *), GFP_KERNEL);

	for (i = 0; i < n; i++)
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
	for (i = 0; i < n; i++)
		kmem_cache_free(s, obj[i]);
	assert_int_equal(s->node.nr_empty, s->min_partial);
	/* kept empties plus the active slab */
	assert_int_equal(s->node.nr_slabs, s->min_partial + 1);
	kfree(obj);
	kmem_cache_destroy(s);
}

/* Expect destroy with live objects to name them and keep the cache. */
static void kmem_cache_destroy_reports_leaks(void **state)
{
	struct kmem_cache *s = kmem_cache_create("leaky", 100, 0, 0, NULL);
	void *a = kmem_cache_alloc(s, GFP_KERNEL);
	void *b = kmem_cache_alloc(s, GFP_KERNEL);
	char line[64];

	kmem_cache_free(s, a);
	capture();
	kmem_cache_destroy(s);
	release();
	assert_non_null(strstr(out, "BUG leaky (Not tainted): Objects remaining in leaky on __kmem_cache_shutdown()"));
	snprintf(line, sizeof(line), "Slab 0x%lx objects=", (unsigned long)virt_to_slab(b));
	assert_non_null(strstr(out, line));
	snprintf(line, sizeof(line), "Object 0x%lx @offset=", (unsigned long)b);
	assert_non_null(strstr(out, line));
	snprintf(line, sizeof(line), "Object 0x%lx @offset=", (unsigned long)a);
	assert_null(strstr(out, line));
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

static unsigned int sink_lines;
static char sink_fmt512[200];

static void slabinfo_sink(void *data, const char *line)
{
	sink_lines++;
	if (!strncmp(line, "fmt512 ", 7))
		snprintf(sink_fmt512, sizeof(sink_fmt512), "%s", line);
	assert_ptr_equal(data, &sink_lines);
	assert_null(strchr(line, '\n'));
}

/*
 * Expect Linux's header and a line per cache in Linux's column layout,
 * on the console or, line by line without "\n", to a caller's sink.
 */
static void slabinfo_format(void **state)
{
	struct kmem_cache *s = kmem_cache_create("fmt512", 512, 0, 0, NULL);
	void *a = kmem_cache_alloc(s, GFP_KERNEL);

	capture();
	slabinfo_show(NULL, NULL);
	release();
	assert_non_null(strstr(out, "] slabinfo - version: 2.1\n"));
	assert_non_null(strstr(out, "] # name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n"));
	/* 512-byte objects, 8 per order-0 slab (min 8 objects) */
	assert_non_null(strstr(out, "] fmt512                 1      8    512    8    1 : tunables    0    0    0 : slabdata      1      1      0\n"));
	assert_non_null(strstr(out, "] kmalloc-8k "));
	/* Linux's order: newest first, 96 made right after 64, 192 after 128 */
	assert_non_null(strstr(out, "] kmalloc-256 "));
	assert_true(strstr(out, "] kmalloc-256 ") < strstr(out, "] kmalloc-192 "));
	assert_true(strstr(out, "] kmalloc-192 ") < strstr(out, "] kmalloc-128 "));
	assert_true(strstr(out, "] kmalloc-128 ") < strstr(out, "] kmalloc-96 "));
	assert_true(strstr(out, "] kmalloc-96 ") < strstr(out, "] kmalloc-64 "));
	assert_true(strstr(out, "] kmalloc-8 ") < strstr(out, "] kmem_cache "));
	assert_true(strstr(out, "] dma-kmalloc-8 ") < strstr(out, "] kmalloc-8k "));
	sink_lines = 0;
	slabinfo_show(slabinfo_sink, &sink_lines);
	assert_int_equal(sink_lines, 2 + 1 + 2 * 13 + 1);	/* header, fmt512, kmalloc, kmem_cache */
	assert_string_equal(sink_fmt512, "fmt512                 1      8    512    8    1 : tunables    0    0    0 : slabdata      1      1      0");
	kmem_cache_free(s, a);
	kmem_cache_destroy(s);
}

/*
 * Expect a free object's link not to be the plain next pointer: it is
 * next ^ key ^ swab(link address), and decodes back to the next object.
 */
static void freelist_pointer_obfuscated(void **state)
{
	struct kmem_cache *s = kmem_cache_create("obf32", 32, 0, 0, NULL);
	void *a = kmem_cache_alloc(s, GFP_KERNEL);
	void *b = kmem_cache_alloc(s, GFP_KERNEL);
	unsigned long raw;

	kmem_cache_free(s, a);
	kmem_cache_free(s, b);		/* freelist: b -> a */
	memcpy(&raw, (char *)b + s->offset, sizeof(raw));
	assert_int_not_equal(raw, (unsigned long)a);
	assert_ptr_equal(get_freepointer(s, b), a);
	kmem_cache_destroy(s);
}

/* Expect __GFP_DMA kmalloc, small or large, to come from below 16 MiB. */
static void kmalloc_dma_zone(void **state)
{
	void *p = kmalloc(64, GFP_KERNEL | __GFP_DMA);

	assert_non_null(p);
	assert_ptr_equal(virt_to_slab(p)->slab_cache, kmalloc_caches[KMALLOC_DMA][6]);
	assert_true(__pa(p) < (16 << 20));
	kfree(p);
	p = kmalloc(20000, GFP_KERNEL | __GFP_DMA);	/* large: pages from ZONE_DMA */
	assert_non_null(p);
	assert_true(__pa(p) + 20000 <= (16 << 20));
	kfree(p);
}

/* Expect init_on_alloc= (slab_init_on_alloc) to clear every allocation, not only __GFP_ZERO ones. */
static void init_on_alloc_clears(void **state)
{
	u8 *p = kmalloc(96, GFP_KERNEL);

	memset(p, 0x77, 96);
	kfree(p);
	slab_init_on_alloc = true;
	p = kmalloc(96, GFP_KERNEL);
	slab_init_on_alloc = false;
	assert_null(memchr_inv(p, 0, 96));
	kfree(p);
}

/*
 * Expect slab_init_on_free to clear a freed object (all but the free pointer
 * word, which holds the obfuscated link), so stale data does not linger.
 */
static void init_on_free_clears(void **state)
{
	struct kmem_cache *s = kmalloc_caches[KMALLOC_NORMAL][7];
	u8 *p = kmalloc(128, GFP_KERNEL);

	memset(p, 0x77, 128);
	slab_init_on_free = true;
	kfree(p);
	slab_init_on_free = false;
	assert_null(memchr_inv(p, 0, s->offset));
	assert_null(memchr_inv(p + s->offset + sizeof(void *), 0,
			       128 - s->offset - sizeof(void *)));
}

/* --- cheap checks, always on (no debug flags on these caches) ------------- */

/* Expect freeing the same object twice in a row to be reported and ignored. */
static void double_free_detected(void **state)
{
	unsigned long errors = slab_errors;
	void *a = kmalloc(64, GFP_KERNEL), *b, *c;
	char line[80];

	kfree(a);
	capture();
	kfree(a);
	release();
	assert_int_equal(slab_errors, errors + 1);
	assert_non_null(strstr(out, "BUG kmalloc-64 (Not tainted): Object already free"));
	snprintf(line, sizeof(line), "Object 0x%lx @offset=", (unsigned long)a);
	assert_non_null(strstr(out, line));
	assert_non_null(strstr(out, "Object   "));	/* the hex dump */
	/* the freelist was not corrupted: two allocations, two objects */
	b = kmalloc(64, GFP_KERNEL);
	c = kmalloc(64, GFP_KERNEL);
	assert_ptr_not_equal(b, c);
	kfree(b);
	kfree(c);
}

/* Expect a double free into a non-active slab to be caught as well. */
static void double_free_in_partial_slab_detected(void **state)
{
	struct kmem_cache *s = kmem_cache_create("df128", 128, 0, 0, NULL);
	unsigned int n = s->objects + 1, i;
	void *obj[64];
	unsigned long errors = slab_errors;

	for (i = 0; i < n; i++)
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
	/* obj[0] is in the first (now full, not active) slab */
	kmem_cache_free(s, obj[0]);
	host_console_quiet(true);
	kmem_cache_free(s, obj[0]);
	host_console_quiet(false);
	assert_int_equal(slab_errors, errors + 1);
	for (i = 1; i < n; i++)
		kmem_cache_free(s, obj[i]);
	kmem_cache_destroy(s);
}

/* Expect a pointer into the middle of an object to be refused. */
static void interior_pointer_free_detected(void **state)
{
	unsigned long errors = slab_errors;
	char *a = kmalloc(128, GFP_KERNEL);

	capture();
	kfree(a + 8);
	release();
	assert_int_equal(slab_errors, errors + 1);
	assert_non_null(strstr(out, "Invalid object pointer"));
	assert_int_equal(ksize(a + 8), 0);
	kfree(a);
}

/* Expect kmem_cache_free with the wrong cache to name both caches and dump the object. */
static void wrong_cache_free_detected(void **state)
{
	struct kmem_cache *s = kmem_cache_create("right", 64, 0, 0, NULL);
	struct kmem_cache *t = kmem_cache_create("wrong", 64, 0, 0, NULL);
	unsigned long errors = slab_errors;
	void *a = kmem_cache_alloc(s, GFP_KERNEL);
	char line[64];

	capture();
	kmem_cache_free(t, a);
	release();
	assert_int_equal(slab_errors, errors + 1);
	assert_non_null(strstr(out, "BUG wrong (Not tainted): Wrong cache: object 0x"));
	assert_non_null(strstr(out, "belongs to right"));
	snprintf(line, sizeof(line), "Object 0x%lx @offset=", (unsigned long)a);
	assert_non_null(strstr(out, line));
	assert_non_null(strstr(out, "Object   "));	/* the hex dump */
	kmem_cache_free(s, a);
	kmem_cache_destroy(s);
	kmem_cache_destroy(t);
}

/*
 * Expect kfree of a pointer outside the memory map (a host stack address),
 * of a page that kmalloc did not hand out, and of a freed large block, to
 * be reported and ignored.
 */
static void kfree_foreign_pointer_detected(void **state)
{
	unsigned long errors = slab_errors, before;
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	int local;
	void *big;

	capture();
	kfree(&local);
	assert_non_null(strstr(out, "outside the memory map"));
	kfree(page_address(page));
	assert_non_null(strstr(out, "Invalid free: not allocated by kmalloc"));
	release();
	assert_int_equal(slab_errors, errors + 2);
	__free_pages(page, 0);

	big = kmalloc(20000, GFP_KERNEL);
	kfree(big);
	before = nr_free_pages();
	host_console_quiet(true);
	kfree(big);
	host_console_quiet(false);
	assert_int_equal(nr_free_pages(), before);
	assert_int_equal(slab_errors, errors + 3);
}

/* Expect slab_panic to turn a detected double free into a panic. */
static void slab_panic_stops(void **state)
{
	void *a = kmalloc(32, GFP_KERNEL);

	kfree(a);
	slab_panic_on_error = true;
	host_console_quiet(true);
	expect_panic(kfree(a), "slab error in kmalloc-32 (slab_panic)");
	host_console_quiet(false);
	slab_panic_on_error = false;
}

/* Expect the page allocator's books to balance with slabs outstanding. */
static void page_accounting_balanced(void **state)
{
	host_console_quiet(true);
	assert_int_equal(page_accounting_audit(), 0);
	host_console_quiet(false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kmem_cache_init_creates_kmalloc_caches),
		cmocka_unit_test(kmalloc_size_classes),
		cmocka_unit_test(kmalloc_zero_size),
		cmocka_unit_test(kmalloc_large_uses_page_allocator),
		cmocka_unit_test(kmalloc_array_overflow),
		cmocka_unit_test(kzalloc_clears_reused_object),
		cmocka_unit_test(krealloc_grow_shrink),
		cmocka_unit_test(kmem_cache_create_rejects_bad_args),
		cmocka_unit_test(kmem_cache_ctor_runs_per_slab),
		cmocka_unit_test(kmem_cache_flags_honoured),
		cmocka_unit_test(kmem_cache_slab_lists),
		cmocka_unit_test(empty_slabs_limited_by_min_partial),
		cmocka_unit_test(kmem_cache_destroy_reports_leaks),
		cmocka_unit_test(slabinfo_format),
		cmocka_unit_test(freelist_pointer_obfuscated),
		cmocka_unit_test(kmalloc_dma_zone),
		cmocka_unit_test(init_on_alloc_clears),
		cmocka_unit_test(init_on_free_clears),
		cmocka_unit_test(double_free_detected),
		cmocka_unit_test(double_free_in_partial_slab_detected),
		cmocka_unit_test(interior_pointer_free_detected),
		cmocka_unit_test(wrong_cache_free_detected),
		cmocka_unit_test(kfree_foreign_pointer_detected),
		cmocka_unit_test(slab_panic_stops),
		cmocka_unit_test(page_accounting_balanced),
	};
	/*
	 * The same tests with every check on, but for those that check the
	 * default layout (objects per slab, slabinfo's objsize) or
	 * init_on_alloc/free on their own (a poisoned cache is poisoned,
	 * not zeroed, as in Linux).
	 */
	const struct CMUnitTest all_checks_tests[] = {
		cmocka_unit_test(all_checks_are_on),
		cmocka_unit_test(kmem_cache_init_creates_kmalloc_caches),
		cmocka_unit_test(kmalloc_size_classes),
		cmocka_unit_test(kmalloc_zero_size),
		cmocka_unit_test(kmalloc_large_uses_page_allocator),
		cmocka_unit_test(kmalloc_array_overflow),
		cmocka_unit_test(kzalloc_clears_reused_object),
		cmocka_unit_test(krealloc_grow_shrink),
		cmocka_unit_test(kmem_cache_create_rejects_bad_args),
		cmocka_unit_test(kmem_cache_ctor_runs_per_slab),
		cmocka_unit_test(kmem_cache_flags_honoured),
		cmocka_unit_test(empty_slabs_limited_by_min_partial),
		cmocka_unit_test(kmem_cache_destroy_reports_leaks),
		cmocka_unit_test(freelist_pointer_obfuscated),
		cmocka_unit_test(kmalloc_dma_zone),
		cmocka_unit_test(double_free_detected),
		cmocka_unit_test(double_free_in_partial_slab_detected),
		cmocka_unit_test(interior_pointer_free_detected),
		cmocka_unit_test(wrong_cache_free_detected),
		cmocka_unit_test(kfree_foreign_pointer_detected),
		cmocka_unit_test(slab_panic_stops),
		cmocka_unit_test(page_accounting_balanced),
	};
	int failed;

	failed = cmocka_run_group_tests_name("defaults", tests, group_setup,
					     boot_fixture_group_teardown);
	failed += cmocka_run_group_tests_name("all_checks", all_checks_tests,
					      group_setup_all_checks,
					      group_teardown_all_checks);
	return failed;
}
